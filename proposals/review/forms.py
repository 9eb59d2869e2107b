"""Forms of open review (公開審査): the staff's set-up and decisions, the reviewer's score sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.forms import CharacterLimitsMixin, DateTimeInRangeField
from organizations.models import Department, User
from proposals.calls.forms import DATETIME_LOCAL, datetime_local
from proposals.calls.models import Call
from proposals.guideline.models import CriterionSet
from proposals.proposals.models import Proposal
from proposals.review.models import (
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
)


class ReviewRoundForm(forms.ModelForm):
    """A new round, run by its call's department (or the one chosen), scored on its call's set.

    Left empty, the criteria are the call's (or the default set without a call).
    """

    class Meta:
        model = ReviewRound
        fields = ["title", "stage", "fiscal_year", "call", "department", "criterion_set"]
        widgets = {"fiscal_year": forms.NumberInput(attrs={"min": 2000, "max": 2100})}
        help_texts = {
            "department": _("事業の提示に結びつけた審査回は、その担当課になります。"),
            "criterion_set": _(
                "事業の提示に結びつける審査回は、その募集で示した審査基準で採点します。"
                "空欄なら、事業の提示の基準（結びつけないなら既定の基準）を使います。"
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = fiscal_year()
        calls = (
            Call.objects.exclude(status=Call.Status.DRAFT)
            .select_related("criterion_set")
            .order_by("-opens_at")
        )
        departments = Department.objects.filter(is_active=True)
        self.own_department_id = None
        if not user.has_perm("organizations.act_citywide") and user.department_id:
            # A department's staff run rounds of their own department only.
            self.own_department_id = user.department_id
            calls = calls.filter(department_id=user.department_id)
            departments = departments.filter(pk=user.department_id)
            self.fields["department"].initial = user.department_id
        self.fields["call"].queryset = calls
        self.fields["call"].empty_label = _("（事業の提示に結びつけない）")
        self.fields["department"].queryset = departments
        self.fields["department"].required = False
        criterion_set = self.fields["criterion_set"]
        criterion_set.queryset = CriterionSet.objects.all()
        criterion_set.required = False
        criterion_set.empty_label = _("（事業の提示の基準、または既定の基準）")
        call = self.initial.get("call")
        if isinstance(call, Call):
            criterion_set.initial = call.scoring_set().pk
        elif default := CriterionSet.objects.default():
            criterion_set.initial = default.pk

    def clean(self):
        cleaned = super().clean()
        call = cleaned.get("call")
        if cleaned.get("criterion_set") is None and "criterion_set" not in self.errors:
            cleaned["criterion_set"] = (
                call.scoring_set() if call else CriterionSet.objects.default()
            )
        if call is not None:
            cleaned["department"] = call.department
        elif cleaned.get("department") is None and self.own_department_id:
            cleaned["department"] = self.fields["department"].queryset.get()
        elif cleaned.get("department") is None and "department" not in self.errors:
            self.add_error("department", _("担当課を選んでください。"))
        return cleaned


class ReviewSessionForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = ReviewSession
        fields = [
            "starts_at",
            "ends_at",
            "place",
            "description",
            "is_announced",
            "minutes",
            "minutes_published",
        ]
        widgets = {
            "starts_at": datetime_local(),
            "ends_at": datetime_local(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "description": _("会場への行き方、傍聴の方法など。公開ページとカレンダーに載ります。"),
            "is_announced": _("チェックすると、公開審査のページに載り、誰でも見られます。"),
            "minutes": _("Markdownで書けます。"),
        }
        field_classes = {"starts_at": DateTimeInRangeField, "ends_at": DateTimeInRangeField}
        error_messages = {
            "starts_at": {"invalid": _("開始日時を正しく入力してください。")},
            "ends_at": {"invalid": _("終了日時を正しく入力してください。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_LOCAL, "%Y-%m-%d %H:%M"]


class ProposalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Proposal) -> str:
        return f"{obj.title}（{obj.proposer_name}）"


class AddProposalForm(forms.Form):
    proposal = ProposalChoiceField(label=_("追加する提案"), queryset=Proposal.objects.none())

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = queryset


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name}（{obj.email}）"


class AssignReviewerForm(forms.Form):
    reviewer = ReviewerChoiceField(label=_("審査委員"), queryset=User.objects.none())
    kind = forms.ChoiceField(
        label=_("委員の区分"),
        choices=ReviewerAssignment.Kind.choices,
        initial=ReviewerAssignment.Kind.EXTERNAL,
    )
    title = forms.CharField(
        label=_("肩書き（公開）"),
        max_length=200,
        required=False,
        help_text=_("結果の公表ページに氏名と並んで載ります。例：○○大学 教授"),
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = queryset


class DecisionForm(forms.Form):
    """A decision of a round's stage and its reason (told to the proposer and published)."""

    decision = forms.ChoiceField(label=_("決定"))
    reason = forms.CharField(
        label=_("決定の理由（公表されます）"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("", "---------")] + [
            (value, ReviewEntry.Decision(value).label) for value in decisions
        ]


class PublishForm(forms.Form):
    close_incomplete = forms.BooleanField(
        label=_("未提出の採点票を残したまま締め切って公表する"), required=False
    )


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("利害関係の内容"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("例：提案団体の役員を務めている。申告すると、この提案は採点しません。"),
    )


class ScoreSheetForm(forms.Form):
    """One radio group (0 to the criterion's scale) and one comment per criterion, and an
    overall comment.

    Fields may be left empty in a draft; the service says what a submission lacks.
    """

    overall_comment = forms.CharField(
        label=_("全体の講評"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=[(value, str(value)) for value in range(criterion.scale + 1)],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("「%(name)s」のコメント") % {"name": criterion.name},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )
        # The overall comment comes after the criteria.
        self.order_fields([name for name in self.fields if name != "overall_comment"])

    def groups(self):
        """(criterion, score field, comment field) per criterion, for the template."""
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def scores(self) -> dict[int, tuple[int, str]]:
        """The scores given, for sheet_save; a criterion left unscored is left out."""
        return {
            criterion.pk: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data.get(f"comment_{criterion.pk}", ""),
            )
            for criterion in self.criteria
            if self.cleaned_data.get(f"score_{criterion.pk}") is not None
        }
