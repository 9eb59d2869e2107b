"""What the consultation log adds to the office's statistics: counts of its publishable part.

Only `Consultation.objects.publishable()` is read (date, category, channel): no figure can
carry a name or a narrative. Every figure is per fiscal year, so the annual report takes one
year's row of each.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from kunitachi_kyodo.metrics import Metric, Row, measures, per_fiscal_year
from proposals.proposals.models import ConsultationMessage, Proposal

from .models import Category, Channel, Consultation

# The fiscal year's months in their order: April first.
FISCAL_MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


def _month_label(month: int) -> str:
    return pgettext("a month", "%(month)s月") % {"month": month}


month_label = lazy(_month_label, str)


def _per_year(column: str, keys) -> list[Row]:
    """One row per fiscal year of the consultation, one value per key of `column`."""
    return per_fiscal_year(
        Consultation.objects.publishable(),
        "consulted_on",
        *(Count("pk", filter=Q(**{column: key})) for key in keys),
    )


def by_category() -> list[Row]:
    return _per_year("category", Category.values)


def by_channel() -> list[Row]:
    return _per_year("channel", Channel.values)


def by_month() -> list[Row]:
    return _per_year("consulted_on__month", FISCAL_MONTHS)


UNIT = pgettext_lazy("unit: consultations", "件")

measures(
    Metric(
        slug="consultations-by-category",
        title=_("相談の件数（分類別）"),
        definition=_(
            "支援室が受けた相談の件数を、相談日の年度ごとに、相談の分類別に数えます。"
            "1回の相談を1件とし、その後のフォローアップは数えません。"
            "相談者や内容は数字に含まれません。"
        ),
        unit=UNIT,
        by="fiscal_year",
        series=tuple(label for _value, label in Category.choices),
        rows=by_category,
        order=110,
        section="office",
    )
)

measures(
    Metric(
        slug="consultations-by-channel",
        title=_("相談の件数（方法別）"),
        definition=_(
            "支援室が受けた相談の件数を、相談日の年度ごとに、窓口・電話・メール・オンラインの別に"
            "数えます。"
        ),
        unit=UNIT,
        by="fiscal_year",
        series=tuple(label for _value, label in Channel.choices),
        rows=by_channel,
        order=111,
        section="office",
    )
)

measures(
    Metric(
        slug="consultations-by-month",
        title=_("相談の件数（月別）"),
        definition=_(
            "支援室が受けた相談の件数を、相談日の年度ごとに、4月から3月までの月別に数えます。"
        ),
        unit=UNIT,
        by="fiscal_year",
        series=tuple(month_label(month) for month in FISCAL_MONTHS),
        rows=by_month,
        order=112,
        section="office",
    )
)


def proposals_supported_per_fiscal_year() -> list[Row]:
    """Submitted proposals whose 事前相談 the office took part in, and how many were adopted,
    by the fiscal year of first submission, as the proposals' own figure counts them."""
    supported = Proposal.objects.public().filter(
        Exists(
            ConsultationMessage.objects.filter(
                proposal=OuterRef("pk"), author__is_support_staff=True
            )
        )
    )
    return per_fiscal_year(
        supported,
        "submitted_at",
        Count("pk"),
        Count("pk", filter=Q(status=Proposal.Status.ADOPTED)),
    )


measures(
    Metric(
        slug="office-supported-proposals",
        title=_("事前相談で支援した事業提案"),
        definition=_(
            "提出された事業提案のうち、支援室のスタッフが事前相談でやりとりした提案の数を、"
            "最初に提出した日の年度ごとに数えます。うち採択は、そのうち公表された審査結果で採択となった"
            "提案の数です。下書きの提案は数えません。"
        ),
        unit=pgettext_lazy("unit: proposals", "件"),
        by="fiscal_year",
        series=(_("支援した提案"), _("うち採択")),
        rows=proposals_supported_per_fiscal_year,
        order=120,
        section="office",
    )
)
