"""The board's figures for the office's statistics and the annual report: outcomes per fiscal
year and the 成立率 (matched among the requests whose outcome was recorded)."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.metrics import Metric, Row, measures, per_fiscal_year

from .models import CoordinationRequest, Outcome


def outcomes_per_year() -> list[Row]:
    """Closed public requests by outcome, per fiscal year in which the outcome was recorded."""
    return per_fiscal_year(
        CoordinationRequest.objects.public().filter(
            status=CoordinationRequest.Status.CLOSED, closed_at__isnull=False
        ),
        "closed_at",
        *(Count("pk", filter=Q(outcome=outcome)) for outcome in Outcome.values),
    )


def match_rate_per_year() -> list[Row]:
    matched = Outcome.values.index(Outcome.MATCHED)
    return [
        Row(
            key=row.key,
            label=row.label,
            values=(
                (Decimal(100 * row.values[matched]) / sum(row.values)).quantize(
                    Decimal("0.1"), rounding=ROUND_HALF_UP
                ),
            ),
        )
        for row in outcomes_per_year()
    ]


measures(
    Metric(
        slug="coordination-outcomes",
        title=_("コーディネートの結果"),
        definition=_(
            "掲示板に公開された依頼のうち、その年度に結果（成立・不成立・終了）を記録したものの件数。"
            "募集期限が過ぎて終了した依頼は「終了」に数えます。"
        ),
        unit=pgettext_lazy("unit: requests", "件"),
        by="fiscal_year",
        series=tuple(str(label) for label in Outcome.labels),
        rows=outcomes_per_year,
        order=900,
        section="office",
    )
)

measures(
    Metric(
        slug="coordination-match-rate",
        title=_("コーディネートの成立率"),
        definition=_(
            "その年度に結果を記録した依頼（成立・不成立・終了）のうち、成立した依頼の割合。"
        ),
        unit="%",
        by="fiscal_year",
        series=(str(_("成立率")),),
        rows=match_rate_per_year,
        order=901,
        maximum=100,
        section="office",
    )
)
