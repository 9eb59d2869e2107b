"""和暦: era boundaries, 元年, and the page's language deciding whether 和暦 is shown."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from kunitachi_kyodo.wareki import date_label, era_year, wareki_date, wareki_fiscal_year

TOKYO = datetime.timezone(datetime.timedelta(hours=9))


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2026, 12, 3), "令和8年12月3日"),
        (datetime.date(2019, 5, 1), "令和元年5月1日"),  # the first day of 令和
        (datetime.date(2019, 4, 30), "平成31年4月30日"),  # the last day of 平成
        (datetime.date(2020, 1, 1), "令和2年1月1日"),
        (datetime.date(1989, 1, 8), "平成元年1月8日"),  # the first day of 平成
        (datetime.date(1989, 1, 7), "昭和64年1月7日"),  # the last day of 昭和
        (datetime.date(1926, 12, 25), "昭和元年12月25日"),
        (datetime.date(1926, 12, 24), "1926年12月24日"),  # before 昭和: the Western year
    ],
)
def test_wareki_date_at_era_boundaries(day, text):
    assert wareki_date(day) == text


def test_a_moment_counts_by_its_day_in_tokyo():
    # 2019-04-30 15:30 UTC is already 1 May in Tokyo: 令和元年.
    moment = datetime.datetime(2019, 4, 30, 15, 30, tzinfo=datetime.UTC)
    assert wareki_date(moment) == "令和元年5月1日"
    assert wareki_date(None) == ""


def test_era_year():
    assert era_year(datetime.date(2026, 12, 3)) == ("令和", 8)
    assert era_year(datetime.date(1900, 1, 1)) is None


@pytest.mark.parametrize(
    ("year", "text"),
    [
        (2026, "令和8年度"),
        (2019, "令和元年度"),  # began 平成31年4月1日; named by the era its year ended in
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ],
)
def test_wareki_fiscal_year(year, text):
    assert wareki_fiscal_year(year) == text


def test_date_label_follows_the_language():
    day = datetime.date(2026, 12, 3)
    with translation.override("ja"):
        assert date_label(day) == "令和8年12月3日"
    with translation.override("en"):
        assert date_label(day) == "3 December 2026"


def render(source: str, **context) -> str:
    return Template("{% load dates %}" + source).render(Context(context))


def test_named_formats_in_japanese_and_english():
    day = datetime.date(2026, 12, 3)
    moment = datetime.datetime(2026, 12, 3, 14, 0, tzinfo=TOKYO)
    source = (
        '{{ d|date:"DATE_FORMAT" }}|{{ m|date:"DATETIME_FORMAT" }}|{{ d|date:"SHORT_DATE_FORMAT" }}'
        '|{{ d|date:"MONTH_DAY_FORMAT" }}|{{ m|time:"TIME_FORMAT" }}'
    )
    with translation.override("ja"):
        assert render(source, d=day, m=moment) == (
            "2026年12月3日|2026年12月3日 14:00|2026/12/03|12月3日|14:00"
        )
    with translation.override("en"):
        assert render(source, d=day, m=moment) == (
            "3 December 2026|3 December 2026, 14:00|3 Dec 2026|3 December|14:00"
        )


def test_date_filters_in_japanese_and_english():
    day = datetime.date(2026, 12, 3)
    moment = datetime.datetime(2026, 12, 3, 14, 0, tzinfo=TOKYO)
    source = "{{ d|wareki }}|{{ y|fiscal_year }}|{{ m|date_weekday }}|{{ none|wareki }}"
    with translation.override("ja"):
        assert render(source, d=day, y=2026, m=moment, none=None) == (
            "令和8年12月3日|2026年度（令和8年度）|2026年12月3日（木） 14:00|"
        )
    with translation.override("en"):
        assert render(source, d=day, y=2026, m=moment, none=None) == (
            "3 December 2026|FY2026|Thu 3 December 2026, 14:00|"
        )
