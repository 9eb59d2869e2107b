"""The Japanese fiscal year (年度): April to March, shown as 令和N年度."""

import datetime

from django.utils import timezone

REIWA_FIRST_YEAR = 2019  # 令和元年度 began in April 2019


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


def fiscal_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
