"""What the office's events add to its statistics: events held and participants, by kind,
per fiscal year (one series per kind, so the annual report can take one year's row).

An event counts once it has been held (published or closed, started); drafts and cancelled
events do not. Participants are the people of the parties marked as attended (出席).
Counting city staff training here publishes only a number, never who took part.
"""

from django.db.models import Case, Count, IntegerField, Q, Sum, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import Metric, Row, measures

from .models import Event

KINDS = list(Event.Kind)


def _fiscal_year(field: str):
    """The fiscal year (its Western starting year) of a moment, in the city's time zone, in SQL."""
    return Case(
        When(**{f"{field}__month__lt": 4}, then=ExtractYear(field) - 1),
        default=ExtractYear(field),
        output_field=IntegerField(),
    )


def _rows(counts: dict[tuple[int, str], int]) -> list[Row]:
    years = sorted({year for year, _kind in counts})
    return [
        Row(
            key=year,
            label=fiscal_year_label(year),
            values=tuple(counts.get((year, kind.value), 0) for kind in KINDS),
        )
        for year in years
    ]


def events_held() -> list[Row]:
    held = (
        Event.objects.held(timezone.now())
        .annotate(year=_fiscal_year("starts_at"))
        .values("year", "kind")
        .annotate(n=Count("pk"))
    )
    return _rows({(row["year"], row["kind"]): row["n"] for row in held})


def participants() -> list[Row]:
    came = (
        Event.objects.held(timezone.now())
        .annotate(year=_fiscal_year("starts_at"))
        .values("year", "kind")
        .annotate(n=Sum("registrations__party_size", filter=Q(registrations__attended=True)))
        .filter(n__gt=0)
    )
    return _rows({(row["year"], row["kind"]): row["n"] for row in came})


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
