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

from organizations import login_throttle, services
from organizations.forms import (
    EmailForm,
    LoginForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordOnConfirmForm,
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


class ResendConfirmationView(FormView):
    """ "The mail never came": send the link again; the same answer for any address."""

    template_name = "organizations/resend_confirmation.html"
    form_class = EmailForm

    def form_valid(self, form):
        services.confirmation_resend(email=form.cleaned_data["email"])
        self.request.session["signup_email"] = form.cleaned_data["email"].strip().lower()
        return redirect("organizations:signup_done")


def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows a form; only its POST (the person, not a mail scanner) opens the account."""
    try:
        user = services.unconfirmed_user(token=token)
    except ValidationError as error:
        return render(
            request, "organizations/confirm_email.html", {"error": error.messages[0]}, status=400
        )
    form = SetPasswordOnConfirmForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_confirm_email(token=token, password=form.cleaned_data["password1"])
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request, _("登録が完了しました。設定したパスワードでログインしてください。")
            )
            return redirect("organizations:login")
    return render(
        request,
        "organizations/confirm_email.html",
        {"error": None, "form": form, "confirming": user},
        status=400 if form.errors else 200,
    )


class LoginView(auth_views.LoginView):
    template_name = "organizations/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        login_throttle.remember_browser(self.request, response, form.get_user().get_username())
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        seconds = getattr(self.request, "login_throttle_wait", 0)
        if seconds:
            # Answered at once (no worker sleeps); the browser and any script learn the wait.
            response.status_code = 429
            response["Retry-After"] = str(seconds)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "organizations/password_reset_form.html"
    email_template_name = "organizations/email/password_reset_body.txt"
    subject_template_name = "organizations/email/password_reset_subject.txt"
    success_url = reverse_lazy("organizations:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "organizations/password_reset_confirm.html"
    success_url = reverse_lazy("organizations:password_reset_complete")

    def form_valid(self, form):
        # Whoever holds the inbox has proved who they are: every throttle on the account ends.
        login_throttle.clear_account(form.user.get_username())
        return super().form_valid(form)


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
