from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import LOCK_FIELD, LockVersionFormMixin
from kunitachi_kyodo.forms import AmountInput, CharacterLimitsMixin
from kunitachi_kyodo.uploads import validate_upload
from organizations.models import Department, Membership, Organization
from proposals.calls.models import Call
from proposals.guideline.models import ProjectForm
from proposals.proposals.models import (
    MAX_AMOUNT,
    BudgetLine,
    Proposal,
    ProposalAttachment,
    ProposalRoleShare,
    budget_problems,
)
from proposals.proposals.steps import FIRST, GO, GO_BACK, GO_STOP, Step

AMOUNT_ERRORS = {
    "invalid": _("金額は半角数字（円）で入力してください。"),
    "min_value": _("金額は0円以上で入力してください。"),
    "max_value": _("金額は1億円以下で入力してください。"),
}


class ProposalForm(CharacterLimitsMixin, LockVersionFormMixin, forms.ModelForm):
    """One step of the proposal (see steps.py): the step's fields only.

    Moving on asks for the step's fields that a submission needs; "back" and "save and stop"
    keep a half-written step as it is, so nothing written is lost.
    """

    class Meta:
        model = Proposal
        fields = [
            "origin",
            "call",
            "organization",
            "title",
            "local_issue",
            "goal",
            "indicators",
            "content",
            "expected_effect",
            "why_collaboration",
            "desired_form",
            "period_start",
            "period_end",
            "requested_amount",
            "budget_difference_note",
            "public_summary",
            "publish_consent",
        ]
        error_messages = {"requested_amount": AMOUNT_ERRORS}
        widgets = {
            "requested_amount": AmountInput(),
            "budget_difference_note": forms.Textarea(attrs={"rows": 2}),
            "local_issue": forms.Textarea(attrs={"rows": 4}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "indicators": forms.Textarea(attrs={"rows": 3}),
            "content": forms.Textarea(attrs={"rows": 6}),
            "expected_effect": forms.Textarea(attrs={"rows": 3}),
            "why_collaboration": forms.Textarea(attrs={"rows": 3}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, step: Step = FIRST, **kwargs):
        super().__init__(*args, **kwargs)
        for name in set(self.fields) - {*step.fields, LOCK_FIELD}:
            del self.fields[name]
        moving_on = self.data.get(GO) not in (GO_BACK, GO_STOP)
        for name in set(self.fields) & set(Proposal.REQUIRED_TO_SUBMIT):
            self.fields[name].required = moving_on
        if "organization" in self.fields:
            self._choose_organization(user)
        if "call" in self.fields:
            self._choose_call()
        if "desired_form" in self.fields:
            self.fields["desired_form"].queryset = ProjectForm.objects.filter(is_active=True)

    def _choose_organization(self, user):
        self.fields["organization"].queryset = Organization.objects.filter(
            status=Organization.Status.VERIFIED,
            memberships__user=user,
            memberships__role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        ).distinct()
        self.fields["organization"].empty_label = _("個人として提案する")
        if self.instance.pk is None and not self.is_bound:
            # Most people who belong to a group propose for it: start from their (first) group.
            self.fields["organization"].initial = (
                self.fields["organization"].queryset.order_by("name_kana", "pk").first()
            )

    def _choose_call(self):
        calls = Call.objects.open_now()
        if self.instance.call_id:
            calls = calls | Call.objects.filter(pk=self.instance.call_id)
        self.fields["call"].queryset = calls.distinct()
        self.fields["call"].empty_label = _("（応募しない）")

    def clean(self):
        cleaned = super().clean()
        origin, call = cleaned.get("origin"), cleaned.get("call")
        if origin != Proposal.Origin.CALL and call:
            cleaned["call"] = None  # a free proposal applies to no call (the model checks the rest)
        return cleaned

    def check_budget(self, budget_formset) -> bool:
        """The budget against the call, said next to the fields; False when something is wrong.

        It needs the budget's rows as well as this form, so the view calls it after is_valid().
        """
        if not budget_formset.is_valid():
            return False
        totals = dict.fromkeys(BudgetLine.Kind.values, 0)
        for row in budget_formset.forms:
            line = row.cleaned_data
            if line and not line.get("DELETE") and line.get("amount") is not None:
                totals[line["kind"]] += line["amount"]
        problems = budget_problems(
            call=self.instance.call if self.instance.call_id else None,
            requested_amount=self.cleaned_data.get("requested_amount"),
            totals=totals,
            difference_note=self.cleaned_data.get("budget_difference_note", ""),
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return not problems


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files chosen at once: a list of checked uploads (Django's documented pattern).

    Each refused file is named with its reason; one refused file keeps the whole batch back,
    so the person is told to choose the good ones again.
    """

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        problems = []
        for upload in uploads:
            try:
                super().clean(upload, initial)
                validate_upload(upload)
            except forms.ValidationError as error:
                problems += [
                    _("「%(name)s」: %(problem)s") % {"name": upload.name, "problem": message}
                    for message in error.messages
                ]
        if problems and len(uploads) > 1:
            problems.append(
                _(
                    "ほかに選んだファイルも、まだ保存されていません。直したあと、もう一度選んでください。"
                )
            )
        if problems:
            raise forms.ValidationError(problems)
        return uploads


class AttachmentsForm(forms.Form):
    """The 添付 step: add several files at once, remove ones chosen by mistake."""

    files = MultipleFileField(
        label=_("ファイルを追加"),
        required=False,
        help_text=_(
            "事業計画書・収支予算書・規約・役員名簿など。PDF・Word・Excel・画像、"
            "1つ10 MBまで。いくつかまとめて選べます。"
        ),
    )
    remove = forms.ModelMultipleChoiceField(
        label=_("削除するファイル"),
        queryset=ProposalAttachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        attachments = proposal.attachments.all()
        if attachments:
            self.fields["remove"].queryset = attachments
            self.fields["remove"].label_from_instance = lambda a: a.original_name
        else:
            del self.fields["remove"]


class RoleShareForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = ProposalRoleShare
        fields = ["task", "proposer_role", "city_role"]
        widgets = {
            "proposer_role": forms.Textarea(attrs={"rows": 2}),
            "city_role": forms.Textarea(attrs={"rows": 2}),
        }


class BudgetLineForm(CharacterLimitsMixin, forms.ModelForm):
    amount = forms.IntegerField(
        label=_("金額（円）"),
        min_value=0,
        max_value=MAX_AMOUNT,
        error_messages=AMOUNT_ERRORS,
        widget=AmountInput(),
    )

    class Meta:
        model = BudgetLine
        fields = ["kind", "item", "amount", "note"]


RoleShareFormSet = inlineformset_factory(
    Proposal, ProposalRoleShare, form=RoleShareForm, extra=3, can_delete=True, max_num=30
)
BudgetLineFormSet = inlineformset_factory(
    Proposal, BudgetLine, form=BudgetLineForm, extra=4, can_delete=True, max_num=60
)


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("理由・コメント"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConsultationMessageForm(forms.Form):
    body = forms.CharField(
        label=_("メッセージ"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AssignDepartmentForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("担当課"), queryset=Department.objects.filter(is_active=True)
    )
