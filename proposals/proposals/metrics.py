"""What the proposals stage adds to 協働の実績: proposals and adoptions per fiscal year."""

from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import Metric, Row, measures
from proposals.proposals.models import Proposal


def proposals_per_fiscal_year() -> list[Row]:
    # Grouped by the month of first submission (in Japan time) in SQL, folded into 年度 here:
    # one query, the same on SQLite and PostgreSQL.
    months = (
        Proposal.objects.public()
        .annotate(year=ExtractYear("submitted_at"), month=ExtractMonth("submitted_at"))
        .values("year", "month")
        .annotate(
            submitted=Count("pk"),
            adopted=Count("pk", filter=Q(status=Proposal.Status.ADOPTED)),
        )
        .order_by()
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for month in months:
        year = month["year"] if month["month"] >= 4 else month["year"] - 1
        totals[year][0] += month["submitted"]
        totals[year][1] += month["adopted"]
    return [
        Row(key=year, label=fiscal_year_label(year), values=tuple(totals[year]))
        for year in sorted(totals)
    ]


measures(
    Metric(
        slug="proposals-per-fiscal-year",
        title=_("事業提案と採択の数"),
        definition=_(
            "提出された事業提案の数を、最初に提出した日の年度ごとに数えます。"
            "採択は、そのうち公表された審査結果で採択となった提案の数です。"
            "下書きと、提出前の事前相談中の提案は数えません。取り下げた提案も提出の数に含みます。"
        ),
        unit=pgettext_lazy("unit: proposals", "件"),
        by="fiscal_year",
        series=(_("提案"), _("採択")),
        rows=proposals_per_fiscal_year,
        order=10,
    )
)
