from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "organizations"

urlpatterns = [
    # Accounts
    path("accounts/signup/", views.SignUpView.as_view(), name="signup"),
    path("accounts/signup/done/", views.SignUpDoneView.as_view(), name="signup_done"),
    path(
        "accounts/confirm/resend/",
        views.ResendConfirmationView.as_view(),
        name="resend_confirmation",
    ),
    path("accounts/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/done/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="organizations/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="organizations/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("accounts/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/profile/", views.ProfileView.as_view(), name="profile"),
    # Organizations
    path("organizations/", views.OrganizationDirectoryView.as_view(), name="directory"),
    path("organizations/register/", views.organization_register, name="register"),
    path("organizations/<int:pk>/", views.OrganizationDetailView.as_view(), name="detail"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="edit"),
    path("organizations/<int:pk>/members/", views.organization_members, name="members"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # Support office
    path("office/organizations/", views.OrganizationReviewQueueView.as_view(), name="review_queue"),
    path("office/organizations/<int:pk>/", views.organization_review, name="review"),
    # Administrators: the login throttles in force
    path("office/login-throttles/", views.login_throttles, name="login_throttles"),
]
