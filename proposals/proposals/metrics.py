"""What the proposals stage adds to 協働の実績: proposals and adoptions per fiscal year."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.metrics import Metric, Row, measures, per_fiscal_year
from proposals.proposals.models import Proposal


def proposals_per_fiscal_year() -> list[Row]:
    """By the fiscal year of first submission (in Japan time)."""
    return per_fiscal_year(
        Proposal.objects.public(),
        "submitted_at",
        Count("pk"),
        Count("pk", filter=Q(status=Proposal.Status.ADOPTED)),
    )


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
