from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.forms import CharacterLimitsMixin

from .models import CONSENT_FIELDS, Availability, Consent, TalentEntry


class ConsentFieldsMixin:
    """One choice per field: who may see it (public / verified organizations / office only)."""

    def add_consent_fields(self, initial: dict | None) -> None:
        for name, label in CONSENT_FIELDS.items():
            self.fields[f"consent_{name}"] = forms.ChoiceField(
                label=_("「%(field)s」を見られる人") % {"field": label},
                choices=Consent.choices,
                widget=forms.RadioSelect,
                initial=(initial or {}).get(name, Consent.OFFICE),
                error_messages={"required": _("公開の範囲を選んでください。")},
            )

    @property
    def consent(self) -> dict:
        return {name: self.cleaned_data[f"consent_{name}"] for name in CONSENT_FIELDS}

    def consent_fields(self):
        return [self[f"consent_{name}"] for name in CONSENT_FIELDS]


class TalentEntryForm(ConsentFieldsMixin, CharacterLimitsMixin, forms.ModelForm):
    availability = forms.MultipleChoiceField(
        label=_("活動できる時間帯"),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = TalentEntry
        fields = [
            "display_name",
            "introduction",
            "skills",
            "fields",
            "districts",
            "availability",
            "declares_non_partisan",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 5}),
            "skills": forms.CheckboxSelectMultiple,
            "fields": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "display_name": _("ニックネームでもかまいません。"),
            "declares_non_partisan": _(
                "政治活動・宗教活動・営利（営業・勧誘）を目的とする登録はお断りしています。"
            ),
        }
        error_messages = {
            "display_name": {"required": _("名前（表示名）を入力してください。")},
            "introduction": {"required": _("自己紹介を入力してください。")},
            "skills": {"required": _("スキルを一つ以上選んでください。")},
            "fields": {"required": _("関心のある活動分野を一つ以上選んでください。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["declares_non_partisan"].label = _(
            "政治・宗教・営利を目的とする登録ではありません"
        )
        self.fields["declares_non_partisan"].required = True
        self.fields["declares_non_partisan"].error_messages["required"] = _(
            "政治・宗教・営利を目的とする登録はできません。確認の欄にチェックしてください。"
        )
        self.add_consent_fields(self.instance.consent if self.instance.pk else None)


class RenewForm(ConsentFieldsMixin, forms.Form):
    """Renewal asks for every consent again (a new period is a new agreement)."""

    def __init__(self, *args, consent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_consent_fields(consent)


class ContactForm(CharacterLimitsMixin, forms.Form):
    body = forms.CharField(
        label=_("メッセージ"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "ポータルからメールでお届けします。相手のメールアドレスはお知らせしません。"
            "返信のため、あなたのお名前とメールアドレスを相手にお知らせします。"
        ),
        error_messages={"required": _("メッセージを入力してください。")},
    )


class ReviewForm(CharacterLimitsMixin, forms.Form):
    comment = forms.CharField(
        label=_("理由・コメント"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("掲載しないときは理由を書いてください。登録者にお知らせします。"),
    )
