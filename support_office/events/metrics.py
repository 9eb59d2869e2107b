"""What the office's events add to its statistics: events held and participants, by kind,
per fiscal year (one series per kind, so the annual report can take one year's row).

An event counts once it has been held (published or closed, started); drafts and cancelled
events do not. Participants are the people of the parties marked as attended (出席).
Counting city staff training here publishes only a number, never who took part.
"""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.metrics import Metric, Row, measures, per_fiscal_year

from .models import Event

KINDS = list(Event.Kind)


def events_held() -> list[Row]:
    return per_fiscal_year(
        Event.objects.held(timezone.now()),
        "starts_at",
        *(Count("pk", filter=Q(kind=kind)) for kind in KINDS),
    )


def participants() -> list[Row]:
    """Years in which someone attended (a year of events with no attendance recorded has no row)."""
    rows = per_fiscal_year(
        Event.objects.held(timezone.now()),
        "starts_at",
        *(
            Coalesce(
                Sum(
                    "registrations__party_size",
                    filter=Q(kind=kind, registrations__attended=True),
                ),
                0,
            )
            for kind in KINDS
        ),
    )
    return [row for row in rows if any(row.values)]


SERIES = tuple(kind.label for kind in KINDS)

measures(
    Metric(
        slug="events-held",
        title=_("開催したイベント（種類別）"),
        definition=_(
            "支援室が開催した講座・交流会・相談会・職員研修の件数。開始日の年度で数えます。"
            "下書きと中止したものは数えません。"
        ),
        unit=_("件"),
        by="fiscal_year",
        series=SERIES,
        rows=events_held,
        order=510,
        section="office",
    )
)

measures(
    Metric(
        slug="events-participants",
        title=_("イベントの参加者（種類別）"),
        definition=_(
            "支援室のイベントに出席した人数（出席を記録した申込の人数の合計）。開始日の年度で"
            "数えます。"
        ),
        unit=_("人"),
        by="fiscal_year",
        series=SERIES,
        rows=participants,
        order=520,
        section="office",
    )
)
