"""Accounts: sign-up with e-mail confirmation, log-in, passwords, the profile."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, UpdateView

from organizations import services
from organizations.forms import (
    LoginForm,
    ProfileForm,
    SignUpForm,
)


def add_form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Accounts ---------------------------------------------------------------


class SignUpView(FormView):
    template_name = "organizations/signup.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("mypage")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        services.user_sign_up(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            full_name_kana=form.cleaned_data["full_name_kana"],
            password=form.cleaned_data["password1"],
        )
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("organizations:signup_done")


class SignUpDoneView(TemplateView):
    template_name = "organizations/signup_done.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "email": self.request.session.get("signup_email"),
        }


def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.user_confirm_email(token=token)
    except ValidationError as error:
        return render(
            request, "organizations/confirm_email.html", {"error": error.messages[0]}, status=400
        )
    return render(request, "organizations/confirm_email.html", {"error": None})


class LoginView(auth_views.LoginView):
    template_name = "organizations/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "organizations/password_reset_form.html"
    email_template_name = "organizations/email/password_reset_body.txt"
    subject_template_name = "organizations/email/password_reset_subject.txt"
    success_url = reverse_lazy("organizations:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "organizations/password_reset_confirm.html"
    success_url = reverse_lazy("organizations:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "organizations/password_change_form.html"
    success_url = reverse_lazy("mypage")

    def form_valid(self, form):
        messages.success(self.request, _("パスワードを変更しました。"))
        return super().form_valid(form)


@method_decorator(login_required, name="dispatch")
class ProfileView(UpdateView):
    template_name = "organizations/profile_form.html"
    form_class = ProfileForm
    success_url = reverse_lazy("mypage")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, _("プロフィールを更新しました。"))
        return super().form_valid(form)
