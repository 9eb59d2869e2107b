from django import forms
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization

from .models import Consultation, FollowUp


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "consulted_on",
            "category",
            "channel",
            "asker_kind",
            "asker_name",
            "organization",
            "contact",
            "summary",
            "narrative",
        ]
        widgets = {"consulted_on": date_input(), "narrative": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("name_kana")
        self.fields["narrative"].help_text = _(
            "相談の内容と支援室の対応。支援室スタッフだけが読めます。"
        )


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["done_on", "note"]
        widgets = {"done_on": date_input(), "note": forms.Textarea(attrs={"rows": 3})}
