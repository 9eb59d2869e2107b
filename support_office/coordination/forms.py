from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.forms import CharacterLimitsMixin
from organizations.models import Organization
from proposals.projects.models import CollaborationProject
from proposals.proposals.models import Proposal
from support_office.talent.models import Availability

from .models import CoordinationRequest, Response


class RequestForm(CharacterLimitsMixin, forms.ModelForm):
    availability = forms.MultipleChoiceField(
        label=_("時間帯"),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CoordinationRequest
        fields = [
            "title",
            "kind",
            "poster_kind",
            "organization",
            "description",
            "fields",
            "skills",
            "districts",
            "availability",
            "open_until",
            "contact",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "fields": forms.CheckboxSelectMultiple,
            "skills": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "open_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "contact": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"description": _("Markdownで書けます。連絡先は書かないでください。")}
        error_messages = {
            "title": {"required": _("件名を入力してください。")},
            "kind": {"required": _("種類を選んでください。")},
            "poster_kind": {"required": _("投稿者の種類を選んでください。")},
            "description": {"required": _("内容を入力してください。")},
            "fields": {"required": _("活動分野を一つ以上選んでください。")},
            "open_until": {
                "required": _("募集期限を入力してください。"),
                "invalid": _("募集期限の日付を正しく入力してください。"),
            },
            "contact": {"required": _("連絡先を入力してください（支援室だけが見ます）。")},
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        poster = self.instance.poster if self.instance.pk else user
        self.fields["organization"].queryset = Organization.objects.filter(
            memberships__user=poster
        ).distinct()


class ResponseForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = Response
        fields = ["message", "contact"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "message": {"required": _("メッセージを入力してください。")},
            "contact": {"required": _("連絡先を入力してください。")},
        }


class MoveForm(CharacterLimitsMixin, forms.Form):
    """The office's (or the poster's) move: the reason, and for a match or an outcome, what
    it concerns."""

    comment = forms.CharField(
        label=_("理由・コメント"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    response = forms.ModelChoiceField(
        label=_("マッチングした応答"), queryset=Response.objects.none(), required=False
    )
    # Typed as the record's number (shown on its page): a list of every proposal would not fit.
    proposal = forms.ModelChoiceField(
        label=_("つながった事業提案の番号"),
        queryset=Proposal.objects.none(),
        required=False,
        widget=forms.NumberInput,
        error_messages={"invalid_choice": _("その番号の事業提案はありません。")},
    )
    project = forms.ModelChoiceField(
        label=_("つながった協働事業の番号"),
        queryset=CollaborationProject.objects.none(),
        required=False,
        widget=forms.NumberInput,
        error_messages={"invalid_choice": _("その番号の協働事業はありません。")},
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request is not None:
            self.fields["response"].queryset = request.responses.select_related("responder")
        self.fields["proposal"].queryset = Proposal.objects.all()
        self.fields["project"].queryset = CollaborationProject.objects.all()
