"""Pages of the organizations app: accounts, the directory and organization pages, verification."""

from .accounts import (
    LoginView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
    ProfileView,
    ResendConfirmationView,
    SignUpDoneView,
    SignUpView,
    add_form_errors,
    confirm_email,
)
from .directory import (
    OrganizationDetailView,
    OrganizationDirectoryView,
    invitation_accept,
    organization_edit,
    organization_members,
    organization_register,
)
from .throttles import login_throttles
from .verification import OrganizationReviewQueueView, organization_review

__all__ = [
    "add_form_errors",
    "SignUpView",
    "SignUpDoneView",
    "ResendConfirmationView",
    "confirm_email",
    "LoginView",
    "PasswordResetView",
    "PasswordResetConfirmView",
    "PasswordChangeView",
    "ProfileView",
    "OrganizationDirectoryView",
    "OrganizationDetailView",
    "organization_register",
    "organization_edit",
    "organization_members",
    "invitation_accept",
    "OrganizationReviewQueueView",
    "organization_review",
    "login_throttles",
]
