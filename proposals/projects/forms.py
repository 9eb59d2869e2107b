"""Forms of collaboration projects: the agreement, reports, evaluations, the direction, creation."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import LockVersionFormMixin
from kunitachi_kyodo.forms import AmountInput, CharacterLimitsMixin
from kunitachi_kyodo.uploads import validate_upload
from organizations.models import Department, Organization
from proposals.guideline.models import ProjectForm
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    Indicator,
    Report,
    RoleShare,
)
from proposals.proposals.forms import AMOUNT_ERRORS


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


NUMBER_ERRORS = {
    "invalid": _("数字で入力してください（例：1500、12.5）。"),
    "max_digits": _("桁数が多すぎます。"),
    "max_decimal_places": _("小数点以下は2桁までにしてください。"),
    "max_whole_digits": _("桁数が多すぎます。"),
    "min_value": _("0以上の数字で入力してください。"),
}
DATE_ERRORS = {"invalid": _("日付を正しく入力してください（例：2027-04-01）。")}


# --- The public list -------------------------------------------------------------------


# --- Creation by staff ---------------------------------------------------------------------


class ProjectCreateForm(CharacterLimitsMixin, forms.ModelForm):
    """A project the city registers itself: an existing program made collaborative, or a new one."""

    origin = forms.ChoiceField(
        label=_("事業の由来"),
        choices=[
            (CollaborationProject.Origin.EXISTING, CollaborationProject.Origin.EXISTING.label),
            (CollaborationProject.Origin.CITY, CollaborationProject.Origin.CITY.label),
        ],
        widget=forms.RadioSelect,
        initial=CollaborationProject.Origin.EXISTING,
    )
    city_share = forms.IntegerField(
        label=_("市の負担額（円）"),
        min_value=0,
        max_value=10**12,
        initial=0,
        error_messages=AMOUNT_ERRORS,
        widget=AmountInput(),
    )
    partner_share = forms.IntegerField(
        label=_("相手方の負担額（円）"),
        min_value=0,
        max_value=10**12,
        initial=0,
        error_messages=AMOUNT_ERRORS,
        widget=AmountInput(),
    )
    funding_amount = forms.IntegerField(
        label=_("契約額・交付額（円）"),
        min_value=0,
        max_value=10**12,
        required=False,
        error_messages=AMOUNT_ERRORS,
        widget=AmountInput(),
    )

    class Meta:
        model = CollaborationProject
        fields = [
            "title",
            "summary",
            "origin",
            "partners",
            "department",
            "form",
            "cooperation_kinds",
            "first_fiscal_year",
            "last_fiscal_year",
            "city_share",
            "partner_share",
            "funding",
            "funding_reference",
            "funding_amount",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "partners": forms.SelectMultiple(attrs={"size": 8}),
            "cooperation_kinds": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "partners": _(
                "確認済みの団体から選びます。複数選ぶときは Ctrl（Mac は ⌘）を押しながら選んでください。"
            ),
            "first_fiscal_year": _("西暦で入力してください（例：2026 は令和8年度）。"),
        }
        error_messages = {
            "first_fiscal_year": {"invalid": _("年度は西暦の数字で入力してください。")},
            "last_fiscal_year": {"invalid": _("年度は西暦の数字で入力してください。")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Organization.objects.filter(
            status=Organization.Status.VERIFIED
        ).order_by("name_kana", "pk")
        departments = Department.objects.filter(is_active=True)
        if not user.has_perm("organizations.act_citywide") and user.department_id:
            # Staff register projects of their own department: they become its party.
            departments = departments.filter(pk=user.department_id)
            self.fields["department"].empty_label = None
            self.fields["department"].initial = user.department_id
        self.fields["department"].queryset = departments
        self.fields["form"].queryset = ProjectForm.objects.filter(
            is_active=True, parent__isnull=True
        )
        self.fields["cooperation_kinds"].queryset = ProjectForm.objects.filter(
            is_active=True, parent__code="cooperation"
        )
        self.fields["funding"].choices = CollaborationProject.Funding.choices
        for name in ("first_fiscal_year", "last_fiscal_year"):
            self.fields[name].widget.attrs.update({"min": 2000, "max": 2100})


# --- The agreement ---------------------------------------------------------------------------


class AgreementForm(CharacterLimitsMixin, LockVersionFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "shared_goal",
            "period_start",
            "period_end",
            "cost_sharing",
            "information_sharing",
            "risk_and_liability",
            "other_terms",
        ]
        widgets = {
            "shared_goal": forms.Textarea(attrs={"rows": 4}),
            "cost_sharing": forms.Textarea(attrs={"rows": 3}),
            "information_sharing": forms.Textarea(attrs={"rows": 3}),
            "risk_and_liability": forms.Textarea(attrs={"rows": 3}),
            "other_terms": forms.Textarea(attrs={"rows": 4}),
            "period_start": date_input(),
            "period_end": date_input(),
        }
        help_texts = {
            "shared_goal": _("協働で目指すこと。確認の前に必ず書いてください。"),
            "cost_sharing": _(
                "だれがどの経費を負担するか。契約・補助金の番号と金額は事業の情報に記録します。"
            ),
        }
        error_messages = {"period_start": DATE_ERRORS, "period_end": DATE_ERRORS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty goal is refused when confirming, not when saving a draft.
        self.fields["shared_goal"].required = False

    def clean_shared_goal(self):
        return self.cleaned_data.get("shared_goal") or ""


class IndicatorForm(CharacterLimitsMixin, forms.ModelForm):
    target_value = forms.DecimalField(
        label=_("目標値"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        error_messages={
            **NUMBER_ERRORS,
            "invalid": _("目標値は数字で入力してください（例：1500）。"),
            "required": _("目標値を入力してください。"),
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    class Meta:
        model = Indicator
        fields = ["kind", "name", "unit", "target_value"]
        help_texts = {"unit": _("人、回、件、% など")}


class AgreementRoleShareForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = RoleShare
        fields = ["task", "partner_role", "city_role"]
        widgets = {
            "partner_role": forms.Textarea(attrs={"rows": 2}),
            "city_role": forms.Textarea(attrs={"rows": 2}),
        }


IndicatorFormSet = inlineformset_factory(
    Agreement, Indicator, form=IndicatorForm, extra=2, can_delete=True, max_num=30
)
AgreementRoleShareFormSet = inlineformset_factory(
    Agreement, RoleShare, form=AgreementRoleShareForm, extra=2, can_delete=True, max_num=30
)


class NewVersionForm(forms.Form):
    reason = forms.CharField(
        label=_("改定の理由"),
        max_length=300,
        error_messages={"required": _("改定の理由を入力してください。")},
        help_text=_("例：会場の変更に伴い、役割分担を見直すため"),
    )


# --- Reports ----------------------------------------------------------------------------------


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("報告の種類"), choices=Report.Kind.choices, widget=forms.RadioSelect
    )
    due_on = forms.DateField(label=_("提出期限"), widget=date_input(), error_messages=DATE_ERRORS)


class ReportForm(forms.Form):
    """The partner's report: an actual value per indicator of the confirmed agreement, and words."""

    narrative = forms.CharField(
        label=_("実施した内容"),
        max_length=12000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("協働の相手方と市だけが読みます。提出の前に必ず書いてください。"),
    )
    public_summary = forms.CharField(
        label=_("公開用の概要"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("事業のページに公開されます。"),
    )
    expenditure = forms.IntegerField(
        label=_("支出額（円）"),
        min_value=0,
        max_value=10**12,
        required=False,
        error_messages=AMOUNT_ERRORS,
        help_text=_("事業のページに公開されます。"),
        widget=AmountInput(),
    )
    attachment = forms.FileField(
        label=_("添付ファイルを追加"),
        required=False,
        help_text=_(
            "活動の記録・写真・会計報告など。PDF・Word・Excel・画像、10 MBまで。非公開です。"
        ),
    )

    def __init__(self, *args, indicators, report, **kwargs):
        initial = {
            "narrative": report.narrative,
            "public_summary": report.public_summary,
            "expenditure": report.expenditure,
        }
        values = {v.indicator_id: v for v in report.values.all()}
        for indicator in indicators:
            if indicator.pk in values:
                initial[f"value_{indicator.pk}"] = values[indicator.pk].actual_value
                initial[f"note_{indicator.pk}"] = values[indicator.pk].note
        super().__init__(*args, initial=initial, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[f"value_{indicator.pk}"] = forms.DecimalField(
                label=_("%(name)s の実績値（%(unit)s）")
                % {"name": indicator.name, "unit": indicator.unit},
                max_digits=14,
                decimal_places=2,
                min_value=0,
                required=False,
                error_messages={
                    **NUMBER_ERRORS,
                    "invalid": _("実績値は数字で入力してください（例：1320）。"),
                },
                help_text=_("目標値：%(target)s%(unit)s")
                % {"target": f"{indicator.target_value.normalize():f}", "unit": indicator.unit},
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
            self.fields[f"note_{indicator.pk}"] = forms.CharField(
                label=_("%(name)s の補足") % {"name": indicator.name},
                max_length=500,
                required=False,
            )

    def indicator_rows(self):
        return [
            (indicator, self[f"value_{indicator.pk}"], self[f"note_{indicator.pk}"])
            for indicator in self.indicators
        ]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_upload(upload)
        return upload

    def values(self) -> dict:
        """{indicator id: (value, note)} for the indicators given a value."""
        return {
            indicator.pk: (
                self.cleaned_data[f"value_{indicator.pk}"],
                self.cleaned_data.get(f"note_{indicator.pk}", ""),
            )
            for indicator in self.indicators
            if self.cleaned_data.get(f"value_{indicator.pk}") is not None
        }


# --- Evaluations and the direction ----------------------------------------------------------

SCORE_CHOICES = [
    (5, _("5 十分にできた")),
    (4, _("4 おおむねできた")),
    (3, _("3 どちらともいえない")),
    (2, _("2 あまりできなかった")),
    (1, _("1 できなかった")),
]


class ScoreRadio(forms.RadioSelect):
    """Radio buttons whose label target is the first button, so an error summary can link to it."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, 0 if index is None else index)


class EvaluationForm(forms.Form):
    """Scores 1–5 with comments on the six rules and on each goal, or the mutual evaluation's texts.

    Whether a low score has its comment is the service's rule; its errors come back next to the item.
    """

    overall_comment = forms.CharField(
        label=_("総評"), max_length=8000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, kind, rules, indicators, evaluation=None, **kwargs):
        initial = {}
        if evaluation is not None:
            for field in ("overall_comment", "shared_points", "differences", "improvements"):
                initial[field] = getattr(evaluation, field)
            for score in evaluation.rule_scores.all():
                initial[f"rule_{score.rule_id}"] = score.score
                initial[f"rule_{score.rule_id}_comment"] = score.comment
            for score in evaluation.goal_scores.all():
                initial[f"goal_{score.indicator_id}"] = score.score
                initial[f"goal_{score.indicator_id}_comment"] = score.comment
        super().__init__(*args, initial=initial, **kwargs)
        self.kind = kind
        self.rules, self.indicators = (
            ([], []) if kind == Evaluation.Kind.MUTUAL else (rules, indicators)
        )
        for prefix, items in (("rule", self.rules), ("goal", self.indicators)):
            for item in items:
                label = (
                    _("ルール%(number)s：%(name)s")
                    % {"number": item.number, "name": item.short_name}
                    if prefix == "rule"
                    else item.name
                )
                self.fields[f"{prefix}_{item.pk}"] = forms.TypedChoiceField(
                    label=label,
                    choices=SCORE_CHOICES,
                    coerce=int,
                    required=False,
                    empty_value=None,
                    widget=ScoreRadio(attrs={"class": "form-check-input"}),
                )
                self.fields[f"{prefix}_{item.pk}_comment"] = forms.CharField(
                    label=_("「%(item)s」へのコメント") % {"item": label},
                    help_text=_("1・2の評価には、理由を必ず書いてください。"),
                    max_length=2000,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
        if kind == Evaluation.Kind.MUTUAL:
            for name, label in (
                ("shared_points", _("共有できたこと")),
                ("differences", _("認識に違いがあったこと")),
                ("improvements", _("今後改善が必要なこと")),
            ):
                self.fields[name] = forms.CharField(
                    label=label,
                    max_length=8000,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )

    def rule_items(self):
        return [
            (rule, self[f"rule_{rule.pk}"], self[f"rule_{rule.pk}_comment"]) for rule in self.rules
        ]

    def goal_items(self):
        return [
            (indicator, self[f"goal_{indicator.pk}"], self[f"goal_{indicator.pk}_comment"])
            for indicator in self.indicators
        ]

    def scores(self, prefix: str, items) -> dict:
        return {
            item.pk: (
                self.cleaned_data.get(f"{prefix}_{item.pk}"),
                self.cleaned_data.get(f"{prefix}_{item.pk}_comment", ""),
            )
            for item in items
            if self.cleaned_data.get(f"{prefix}_{item.pk}") is not None
        }

    def texts(self) -> dict:
        names = ["overall_comment"]
        if self.kind == Evaluation.Kind.MUTUAL:
            names += ["shared_points", "differences", "improvements"]
        return {name: self.cleaned_data.get(name, "") for name in names}


class DirectionForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("今後の方向性"),
        choices=Direction.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("方向性を選んでください。")},
    )
    reason = forms.CharField(
        label=_("理由"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("公開すると、事業のページに方向性とともに載ります。"),
        error_messages={"required": _("方向性の理由を入力してください。")},
    )


class ProjectEditForm(LockVersionFormMixin, ProjectCreateForm):
    """The department keeps the project's facts current: partners, form, years, money, contract or grant."""

    class Meta(ProjectCreateForm.Meta):
        fields = [f for f in ProjectCreateForm.Meta.fields if f != "origin"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("origin")
