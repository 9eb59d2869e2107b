"""Dates, times and fiscal years that follow the active language.

The convention (every template, every branch):

- Never spell a format out (`|date:"Y年n月j日"`): name one. `{{ d|date:"DATE_FORMAT" }}`
  (2026年12月3日 / 3 December 2026), `"DATETIME_FORMAT"` (2026年12月3日 14:00 /
  3 December 2026, 14:00), `"SHORT_DATE_FORMAT"` (2026/12/03 / 3 Dec 2026),
  `"MONTH_DAY_FORMAT"` (12月3日 / 3 December), `|time:"TIME_FORMAT"` (14:00). The formats
  live in kunitachi_kyodo/formats/<language>/formats.py. In Python:
  `django.utils.formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")`.
- `{% load dates %}` for what Django has no name for:
  `{{ d|wareki }}` where a city's page or document writes 和暦 (令和8年12月3日; the plain
  DATE_FORMAT in English): official documents (agreement, receipt), notices, the dates
  that set a project's terms; `{{ year|fiscal_year }}` for a 年度 (2026年度（令和8年度） /
  FY2026; kunitachi_kyodo.fiscal.fiscal_year_label in Python); `{{ moment|date_weekday }}`
  for a date with its weekday and time (2026年12月3日（木） 14:00 / Thu 3 December 2026, 14:00).
- `<time datetime="{{ d|iso_datetime }}">` (from `portal`) keeps the machine format.
- Punctuation next to translated text is translated too (kunitachi_kyodo/punctuation.py):
  `{{ items|join_list }}` and `{% label_separator %}` from `portal` (「、」「：」 / ", " ": "),
  or inline `{% translate "、" context "list separator" %}`, `{% translate "：" context
  "label separator" %}`; a span `{% blocktranslate context "a span from … to …" with first=…
  last=… %}{{ first }}〜{{ last }}{% endblocktranslate %}` (〜 / " – ").
- A word with two meanings carries a context: `{% translate "登録する" context "sign up" %}`,
  `pgettext_lazy("status of a project", "終了")`; reuse a context that exists (grep msgctxt).
"""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import pgettext

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.wareki import date_label

register = template.Library()


@register.filter
def wareki(value) -> str:
    """令和8年12月3日 in Japanese, 3 December 2026 in English; "" for no date."""
    if not isinstance(value, datetime.date):
        return ""
    return date_label(value)


@register.filter
def fiscal_year(value) -> str:
    """2026年度（令和8年度） in Japanese, FY2026 in English."""
    if value in (None, ""):
        return ""
    return fiscal_year_label(int(value))


@register.filter
def date_weekday(value) -> str:
    """2026年12月3日（木） 14:00 in Japanese, Thu 3 December 2026, 14:00 in English."""
    if not isinstance(value, datetime.datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return pgettext("a date, its weekday and a time", "%(date)s（%(weekday)s） %(time)s") % {
        "date": formats.date_format(value, "DATE_FORMAT"),
        "weekday": formats.date_format(value, "D"),
        "time": formats.time_format(value, "TIME_FORMAT"),
    }
