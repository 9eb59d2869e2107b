from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import LockVersionFormMixin
from kunitachi_kyodo.forms import DateTimeInRangeField

from .models import MAX_PARTY, Event

# The browser's datetime-local input; the value is read in the city's time zone (Asia/Tokyo).
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
WHEN = ("starts_at", "ends_at", "registration_deadline")


def datetime_local():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)


class EventForm(LockVersionFormMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "address",
            "online_url",
            "capacity",
            "registration_deadline",
            "audience",
            "fee",
            "contact",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            **{name: datetime_local() for name in WHEN},
        }
        field_classes = dict.fromkeys(WHEN, DateTimeInRangeField)
        error_messages = {
            name: {"invalid": _("日時を正しく入力してください（例：2026-10-03 14:00）。")}
            for name in WHEN
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in WHEN:
            self.fields[name].input_formats = [DATETIME_LOCAL, "%Y-%m-%d %H:%M"]


class RegistrationForm(forms.Form):
    """A signed-in person gives only the party's size; a guest also a name and e-mail."""

    guest_name = forms.CharField(label=_("お名前"), max_length=100)
    guest_email = forms.EmailField(
        label=_("メールアドレス"),
        help_text=_("申込の確認と、取消のためのリンクをお送りします。"),
        error_messages={
            "invalid": _("メールアドレスの形が正しくありません（例：hanako@example.jp）。")
        },
    )
    party_size = forms.IntegerField(
        label=_("人数"),
        min_value=1,
        max_value=MAX_PARTY,
        initial=1,
        help_text=_("ご家族や団体で参加するときは、全員の人数（%(max)s人まで）。")
        % {"max": MAX_PARTY},
        error_messages={
            "min_value": _("人数は1人以上にしてください。"),
            "max_value": _("人数は%(limit_value)s人までにしてください。"),
            "invalid": _("人数は半角数字で入力してください。"),
        },
    )

    def __init__(self, *args, guest: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not guest:
            del self.fields["guest_name"]
            del self.fields["guest_email"]


class CancelEventForm(forms.Form):
    comment = forms.CharField(
        label=_("中止の理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("申し込んだ方全員にお知らせし、イベントのページにも載ります。"),
    )


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("資料名"), max_length=200)
    file = forms.FileField(label=_("ファイル"), help_text=_("PDF・Word・Excel・画像、10 MBまで。"))
    is_public = forms.BooleanField(
        label=_("誰でも見られるようにする"),
        required=False,
        help_text=_("外すと、参加が確定した方と支援室だけが見られます。"),
    )
