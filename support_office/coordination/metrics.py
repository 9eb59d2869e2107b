"""The board's figures for the office's statistics and the annual report: outcomes per fiscal
year and the 成立率 (matched among the requests whose outcome was recorded)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import Metric, Row, measures

from .models import Outcome
from .selectors import match_rate_rows


def outcomes_per_year() -> list[Row]:
    counts = match_rate_rows()
    return [
        Row(
            key=year,
            label=fiscal_year_label(year),
            values=tuple(counts[year].get(o, 0) for o in Outcome.values),
        )
        for year in sorted(counts)
    ]


def match_rate_per_year() -> list[Row]:
    rows = []
    for year, by_outcome in sorted(match_rate_rows().items()):
        total = sum(by_outcome.values())
        rate = Decimal(100 * by_outcome.get(Outcome.MATCHED, 0)) / total
        rows.append(
            Row(
                key=year,
                label=fiscal_year_label(year),
                values=(rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),),
            )
        )
    return rows


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
