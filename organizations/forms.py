from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import LockVersionFormMixin
from kunitachi_kyodo.forms import CharacterLimitsMixin

from . import login_throttle
from .models import Invitation, Organization, User
from .services import confirmation_resend


class SignUpForm(forms.ModelForm):
    """Who you are and your address; the password is set from the link mailed to it."""

    class Meta:
        model = User
        fields = ["email", "full_name", "full_name_kana"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        # A registered address gets the same answer as a free one (the service mails the inbox):
        # the page never tells a stranger which addresses have accounts.
        pass


class EmailForm(forms.Form):
    """Only an address: to send the confirmation link again."""

    email = forms.EmailField(
        label=_("メールアドレス"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("正しいメールアドレスを入力してください。")},
    )


class SetPasswordOnConfirmForm(forms.Form):
    """The owner of the inbox sets the password that opens the account."""

    password1 = forms.CharField(
        label=_("パスワード"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("10文字以上にしてください。数字だけのものや、よく使われるものは使えません。"),
    )
    password2 = forms.CharField(
        label=_("パスワード（確認）"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("確認用のパスワードが一致しません。"))
        elif password1:
            try:
                password_validation.validate_password(password1, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also finishes a registration: an address never confirmed gets its confirmation link."""

    def save(self, *args, **kwargs):
        # The link's host is the portal's own address, never the request's Host header.
        site = urlsplit(settings.SITE_URL)
        kwargs.update(domain_override=site.netloc, use_https=site.scheme == "https")
        super().save(*args, **kwargs)
        confirmation_resend(email=self.cleaned_data["email"], only_unconfirmed=True)


EMAIL_MAX_LENGTH = 254  # User.email's column


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "メールアドレスまたはパスワードが正しくありません。"
            "登録直後の方は、確認メールのリンクを開いてからログインしてください。"
        ),
        "inactive": _("このアカウントは有効になっていません。"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("メールアドレス")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autofocus": True, "maxlength": EMAIL_MAX_LENGTH}
        )
        # AuthenticationForm only sets the attribute: without the validator a 100,000-character
        # "address" reached the database's case-insensitive lookup (HTTP 500 on SQLite).
        self.fields["username"].validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH))

    def get_invalid_login_error(self):
        # The throttle refused before the password was checked: say how long to wait.
        seconds = getattr(self.request, "login_throttle_wait", 0)
        if seconds:
            return ValidationError(login_throttle.wait_message(seconds), code="throttled")
        return super().get_invalid_login_error()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "full_name_kana"]


class OrganizationForm(CharacterLimitsMixin, LockVersionFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("ウェブサイト"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        error_messages={
            "invalid": _("ウェブサイトは https:// から始まる正しいURLで入力してください。")
        },
    )

    class Meta:
        model = Organization
        fields = [
            "kind",
            "name",
            "name_kana",
            "representative_name",
            "founded_on",
            "member_count",
            "purpose",
            "activities",
            "fields",
            "districts",
            "address",
            "email",
            "phone",
            "website",
            "is_public",
        ]
        widgets = {
            "founded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "fields": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "activities": forms.Textarea(attrs={"rows": 6}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        error_messages = {
            "email": {"invalid": _("正しいメールアドレスを入力してください。")},
        }


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("差し戻しの理由"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("団体の代表者にメールで伝わります。何を直せばよいかを具体的に書いてください。"),
    )


class LoginThrottleClearForm(forms.Form):
    """An administrator ends every throttle on an account or on an address."""

    account = forms.EmailField(label=_("メールアドレス（アカウント）"), required=False)
    address = forms.GenericIPAddressField(
        label=_("IPアドレス"),
        required=False,
        error_messages={"invalid": _("IPアドレスを正しく入力してください。")},
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("account") and not cleaned.get("address"):
            raise forms.ValidationError(
                _("メールアドレスかIPアドレスのどちらかを入力してください。")
            )
        return cleaned
