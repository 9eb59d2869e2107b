"""What the projects stage adds to 協働の実績: projects by form, field and department, the
shares of the cost, the indicators reached, and the published evaluations of the six rules.

Every project is public (公開の原則), but a project still preparing its agreement has no
agreed amounts yet, reports count once submitted, evaluations once published.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import Metric, Row, measures
from organizations.models import ActivityField, Department, Organization
from proposals.guideline.models import ProjectForm
from proposals.projects.models import CollaborationProject, ReportValue, RuleScore

AGREED = ~Q(status=CollaborationProject.Status.AGREEMENT)


def projects_by_form() -> list[Row]:
    # A kind of 事業協力 (経費負担, 人的支援…) counts under 事業協力 itself.
    forms = (
        ProjectForm.objects.filter(parent__isnull=True)
        .annotate(count=Count("projects", distinct=True) + Count("kinds__projects", distinct=True))
        .filter(count__gt=0)
        .order_by("order", "pk")
    )
    return [Row(key=form.code, label=form.name, values=(form.count,)) for form in forms]


def projects_by_field() -> list[Row]:
    public_partner = Q(
        organizations__status=Organization.Status.VERIFIED, organizations__is_public=True
    )
    fields = (
        ActivityField.objects.annotate(
            count=Count("organizations__projects", filter=public_partner, distinct=True)
        )
        .filter(count__gt=0)
        .order_by("number")
    )
    return [
        Row(key=field.number, label=field.short_name, values=(field.count,)) for field in fields
    ]


def projects_by_department() -> list[Row]:
    departments = (
        Department.objects.annotate(count=Count("projects"))
        .filter(count__gt=0)
        .order_by("order", "name")
    )
    return [Row(key=d.pk, label=d.name, values=(d.count,)) for d in departments]


def shares_per_fiscal_year() -> list[Row]:
    years = (
        CollaborationProject.objects.filter(AGREED)
        .values("first_fiscal_year")
        .annotate(city=Sum("city_share"), partner=Sum("partner_share"))
        .order_by("first_fiscal_year")
    )
    return [
        Row(
            key=year["first_fiscal_year"],
            label=fiscal_year_label(year["first_fiscal_year"]),
            values=(year["city"] or 0, year["partner"] or 0),
        )
        for year in years
    ]


def indicators_per_fiscal_year() -> list[Row]:
    years = (
        ReportValue.objects.filter(report__kind="final", report__submitted_at__isnull=False)
        .values(year=F("report__project__first_fiscal_year"))
        .annotate(
            reached=Count("pk", filter=Q(actual_value__gte=F("indicator__target_value"))),
            missed=Count("pk", filter=Q(actual_value__lt=F("indicator__target_value"))),
        )
        .order_by("year")
    )
    return [
        Row(
            key=year["year"],
            label=fiscal_year_label(year["year"]),
            values=(year["reached"], year["missed"]),
        )
        for year in years
    ]


def evaluation_per_rule() -> list[Row]:
    rules = (
        RuleScore.objects.filter(evaluation__published_at__isnull=False)
        .values("rule__number", "rule__short_name")
        .annotate(average=Avg("score"), count=Count("pk"))
        .order_by("rule__number")
    )
    return [
        Row(
            key=rule["rule__number"],
            label=f"{rule['rule__number']}. {rule['rule__short_name']}",
            # Shown to one decimal, as cities publish averages of 1–5 scores.
            values=(
                Decimal(str(rule["average"])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
            ),
        )
        for rule in rules
    ]


measures(
    Metric(
        slug="projects-by-form",
        title=_("協働の形態別の協働事業の数"),
        definition=_(
            "協働事業（協定の準備中のものを含む）を、協働の形態ごとに数えます。"
            "事業協力の内容（経費負担・人的支援・備品貸与・助言）は事業協力に含めます。"
        ),
        unit=pgettext_lazy("unit: projects", "件"),
        by="category",
        series=(_("協働事業"),),
        rows=projects_by_form,
        order=20,
    )
)
measures(
    Metric(
        slug="projects-by-field",
        title=_("活動分野別の協働事業の数"),
        definition=_(
            "協働の相手方の団体が登録している活動分野（特定非営利活動促進法の20分野）ごとに、"
            "協働事業を数えます。公開されている団体の分野だけを使います。"
            "複数の分野で活動する団体の事業はそれぞれの分野に数えるため、合計は事業の数より多くなることがあります。"
        ),
        unit=pgettext_lazy("unit: projects", "件"),
        by="category",
        series=(_("協働事業"),),
        rows=projects_by_field,
        order=30,
    )
)
measures(
    Metric(
        slug="projects-by-department",
        title=_("担当課別の協働事業の数"),
        definition=_("協働事業（協定の準備中のものを含む）を、担当課ごとに数えます。"),
        unit=pgettext_lazy("unit: projects", "件"),
        by="category",
        series=(_("協働事業"),),
        rows=projects_by_department,
        order=40,
    )
)
measures(
    Metric(
        slug="cost-shares-per-fiscal-year",
        title=_("市と相手方の負担額"),
        definition=_(
            "協定を結んだ協働事業の、市の負担額と相手方の負担額を開始年度ごとに合計します。"
            "複数年度にわたる事業は開始年度に計上します。協定の準備中の事業は、額が決まっていないため含みません。"
        ),
        unit=pgettext_lazy("unit: money", "円"),
        by="fiscal_year",
        series=(_("市の負担"), _("相手方の負担")),
        rows=shares_per_fiscal_year,
        order=50,
    )
)
measures(
    Metric(
        slug="indicators-reached-per-fiscal-year",
        title=_("成果目標・活動指標の達成"),
        definition=_(
            "提出された完了報告の実績値を、協定で定めた目標値と比べ、"
            "目標値に達した指標と達しなかった指標を事業の開始年度ごとに数えます。"
            "未提出の報告は含みません。"
        ),
        unit=pgettext_lazy("unit: indicators", "件"),
        by="fiscal_year",
        series=(_("目標に達した"), _("目標に達しなかった")),
        rows=indicators_per_fiscal_year,
        order=60,
    )
)
measures(
    Metric(
        slug="evaluation-per-rule",
        title=_("協働の6つのルールの評価（平均）"),
        definition=_(
            "公開された評価（自己評価・第三者評価）で、協働の6つのルールそれぞれにつけられた"
            "1〜5の評価の平均です（小数第1位まで）。公開前の評価は含みません。"
        ),
        unit=pgettext_lazy("unit: average score", "点"),
        by="category",
        series=(_("平均"),),
        rows=evaluation_per_rule,
        order=70,
        maximum=5,
    )
)
