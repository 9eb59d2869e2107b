"""The Japanese fiscal year (年度): April to March, shown as 令和N年度."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy

REIWA_FIRST_YEAR = 2019  # 令和元年度 began in April 2019

# The years the portal's records live in. A year outside them is a typing mistake or a probe;
# left in, it breaks date arithmetic (year 0, 0001-01-01 in Tokyo before UTC) or a year list.
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_OUT_OF_RANGE = gettext_lazy("2000年から2100年までの年度を入力してください。")
DATE_OUT_OF_RANGE = gettext_lazy("2000年から2100年までの日付を入力してください。")


def validate_year(value: int | None) -> None:
    if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValidationError(YEAR_OUT_OF_RANGE, code="out_of_range")


def validate_date(value: datetime.date | None) -> None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(DATE_OUT_OF_RANGE, code="out_of_range")


def fiscal_year(moment: datetime.date | datetime.datetime | None = None) -> int:
    """The Western year in which the fiscal year containing `moment` began."""
    if moment is None:
        moment = timezone.localdate()
    elif isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date()
    return moment.year if moment.month >= 4 else moment.year - 1


def fiscal_year_label(year: int) -> str:
    """令和8年度 for 2026; 令和元年度 for 2019; 平成N年度 before."""
    if year >= REIWA_FIRST_YEAR:
        number = year - REIWA_FIRST_YEAR + 1
        return "令和元年度" if number == 1 else f"令和{number}年度"
    return f"平成{year - 1988}年度"


def wareki_date(day: datetime.date | None) -> str:
    """令和9年4月1日: the way a city's documents write a date."""
    if day is None:
        return ""
    if day >= datetime.date(2019, 5, 1):
        era, year = "令和", day.year - 2018
    else:
        era, year = "平成", day.year - 1988
    return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def fiscal_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
