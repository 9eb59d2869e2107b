"""和暦 (the Japanese era calendar), as a city's documents write dates: 令和8年12月3日, 令和元年度.

The era functions always answer in Japanese: an era name has no English. What a page shows
follows the active language (`date_label`, `fiscal_year_label`): 和暦 in Japanese, the plain
date (3 December 2026) or FY2026 in English.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language

# (first day, name), newest first. An era's first year is 元年, not 1年.
ERAS = (
    (datetime.date(2019, 5, 1), "令和"),
    (datetime.date(1989, 1, 8), "平成"),
    (datetime.date(1926, 12, 25), "昭和"),
)


def era_year(day: datetime.date) -> tuple[str, int] | None:
    """("令和", 8) for 2026-12-03; None before 昭和 (no record of the portal is that old)."""
    for first_day, name in ERAS:
        if day >= first_day:
            return name, day.year - first_day.year + 1
    return None


def _year_text(name: str, year: int) -> str:
    return f"{name}{'元' if year == 1 else year}年"


def wareki_date(day: datetime.date | datetime.datetime | None) -> str:
    """令和8年12月3日 (a moment counts by its day in Tokyo); "" for no date."""
    if day is None:
        return ""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    era = era_year(day)
    if era is None:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{_year_text(*era)}{day.month}月{day.day}日"


def wareki_fiscal_year(year: int) -> str:
    """令和8年度 for 2026.

    A fiscal year takes the era its calendar year ends in, as the city's budgets name them:
    2019 (from 平成31年4月1日) is 令和元年度; 1988 (to 平成元年3月31日) is 昭和63年度.
    """
    era = era_year(datetime.date(year, 12, 31))
    if era is None:
        return f"{year}年度"
    return f"{_year_text(*era)}度"


def is_japanese() -> bool:
    return (get_language() or "ja").split("-")[0] == "ja"


def date_label(day: datetime.date | datetime.datetime | None) -> str:
    """和暦 in Japanese (令和8年12月3日), the language's DATE_FORMAT otherwise (3 December 2026)."""
    if day is None:
        return ""
    if is_japanese():
        return wareki_date(day)
    if isinstance(day, datetime.datetime) and timezone.is_aware(day):
        day = timezone.localtime(day)
    return formats.date_format(day, "DATE_FORMAT")
