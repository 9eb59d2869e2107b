"""The Japanese fiscal year (年度): April to March, shown as 2026年度（令和8年度） or FY2026."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext

from kunitachi_kyodo.wareki import is_japanese, wareki_fiscal_year

# The years the portal's records live in. A year outside them is a typing mistake or a probe;
# left in, it breaks date arithmetic (year 0, 0001-01-01 in Tokyo before UTC) or a year list.
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_OUT_OF_RANGE = gettext_lazy("2000年から2100年までの年度を入力してください。")
DATE_OUT_OF_RANGE = gettext_lazy("2000年から2100年までの日付を入力してください。")


def moments_in_range(*fields: str) -> Q:
    """A database constraint's condition: each date-time field within FIRST_YEAR–LAST_YEAR
    in Japan time (the bounds validate_date checks in a form)."""
    tokyo = ZoneInfo("Asia/Tokyo")
    first = datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=tokyo)
    after_last = datetime.datetime(LAST_YEAR + 1, 1, 1, tzinfo=tokyo)
    return Q(*(Q(**{f"{name}__gte": first, f"{name}__lt": after_last}) for name in fields))


def validate_year(value: int | None) -> None:
    if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValidationError(YEAR_OUT_OF_RANGE, code="out_of_range")


def validate_date(value: datetime.date | None) -> None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(DATE_OUT_OF_RANGE, code="out_of_range")


def fiscal_year_of(field: str) -> Case:
    """`fiscal_year` of a date or date-time column, in SQL (a date-time in the city's time
    zone, as Django extracts it): a query groups by 年度 itself, the same on SQLite and
    PostgreSQL."""
    return Case(
        When(**{f"{field}__month__lt": 4}, then=ExtractYear(field) - 1),
        default=ExtractYear(field),
        output_field=IntegerField(),
    )


def fiscal_year(moment: datetime.date | datetime.datetime | None = None) -> int:
    """The Western year in which the fiscal year containing `moment` began."""
    if moment is None:
        moment = timezone.localdate()
    elif isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date()
    return moment.year if moment.month >= 4 else moment.year - 1


def fiscal_year_label(year: int) -> str:
    """The one display of a fiscal year: 2026年度（令和8年度） in Japanese, FY2026 in English."""
    label = gettext("%(year)s年度") % {"year": year}
    # An era name has no English: the 和暦 goes with Japanese only.
    return f"{label}（{wareki_fiscal_year(year)}）" if is_japanese() else label


def fiscal_years_label(first: int, last: int) -> str:
    """A span of fiscal years (a project's years); one year when they are the same."""
    if first == last:
        return fiscal_year_label(first)
    return pgettext("a span from … to …", "%(first)s〜%(last)s") % {
        "first": fiscal_year_label(first),
        "last": fiscal_year_label(last),
    }


def fiscal_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
