from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import LockVersionFormMixin
from kunitachi_kyodo.forms import AmountInput, CharacterLimitsMixin
from kunitachi_kyodo.uploads import validate_upload
from organizations.models import Department, Membership, Organization
from proposals.calls.models import Call
from proposals.guideline.models import ProjectForm
from proposals.proposals.models import (
    MAX_AMOUNT,
    BudgetLine,
    Proposal,
    ProposalRoleShare,
    budget_problems,
)

AMOUNT_ERRORS = {
    "invalid": _("金額は半角数字（円）で入力してください。"),
    "min_value": _("金額は0円以上で入力してください。"),
    "max_value": _("金額は1億円以下で入力してください。"),
}


class ProposalForm(CharacterLimitsMixin, LockVersionFormMixin, forms.ModelForm):
    attachment = forms.FileField(
        label=_("添付ファイルを追加"),
        required=False,
        help_text=_(
            "事業計画書・収支予算書・規約・役員名簿など。PDF・Word・Excel・画像、10 MBまで。"
        ),
    )

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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
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
        calls = Call.objects.open_now()
        if self.instance.call_id:
            calls = calls | Call.objects.filter(pk=self.instance.call_id)
        self.fields["call"].queryset = calls.distinct()
        self.fields["call"].empty_label = _("（応募しない）")
        self.fields["desired_form"].queryset = ProjectForm.objects.filter(is_active=True)

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_upload(upload)
        return upload

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
            call=self.cleaned_data.get("call"),
            requested_amount=self.cleaned_data.get("requested_amount"),
            totals=totals,
            difference_note=self.cleaned_data.get("budget_difference_note", ""),
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return not problems


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
