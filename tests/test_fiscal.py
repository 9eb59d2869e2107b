import datetime

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import translation

from kunitachi_kyodo.fiscal import fiscal_year, fiscal_year_label, fiscal_years_label
from kunitachi_kyodo.metrics import per_fiscal_year
from proposals.proposals.models import Proposal
from tests.factories import ProposalFactory

TOKYO = datetime.timezone(datetime.timedelta(hours=9))


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        (datetime.date(2026, 3, 31), 2025),
        (datetime.date(2026, 4, 1), 2026),
        (datetime.date(2027, 1, 15), 2026),
        # 1 April 00:30 in Tokyo is still 31 March in UTC: the fiscal year follows Tokyo.
        (datetime.datetime(2026, 4, 1, 0, 30, tzinfo=TOKYO), 2026),
    ],
)
def test_fiscal_year_starts_in_april_in_tokyo(moment, year):
    assert fiscal_year(moment) == year


@pytest.mark.parametrize(
    ("year", "label"),
    [
        (2026, "2026年度（令和8年度）"),
        (2019, "2019年度（令和元年度）"),
        (2020, "2020年度（令和2年度）"),
        (2018, "2018年度（平成30年度）"),
    ],
)
def test_fiscal_year_label(year, label):
    with translation.override("ja"):
        assert fiscal_year_label(year) == label


def test_fiscal_year_label_in_english_has_no_era():
    with translation.override("en"):
        assert fiscal_year_label(2026) == "FY2026"
        assert fiscal_years_label(2026, 2027) == "FY2026 – FY2027"


def test_a_span_of_fiscal_years_is_one_year_when_it_begins_and_ends_in_it():
    with translation.override("ja"):
        assert fiscal_years_label(2026, 2026) == "2026年度（令和8年度）"
        assert fiscal_years_label(2018, 2019) == "2018年度（平成30年度）〜2019年度（令和元年度）"


@pytest.mark.django_db
def test_public_list_filters_by_fiscal_year_of_submission(client):
    ProposalFactory(
        title="令和7年度の提案",
        submitted=True,
        submitted_at=datetime.datetime(2026, 3, 31, 12, tzinfo=TOKYO),
    )
    ProposalFactory(
        title="令和8年度の提案",
        submitted=True,
        submitted_at=datetime.datetime(2026, 4, 1, 9, tzinfo=TOKYO),
    )
    response = client.get(reverse("proposals:proposal_list"), {"fiscal_year": 2026})
    assert [p.title for p in response.context["object_list"]] == ["令和8年度の提案"]


@pytest.mark.django_db
def test_figures_group_by_the_fiscal_year_in_tokyo_in_sql():
    """per_fiscal_year (every 年度 figure) draws the line where fiscal_year does: 1 April
    00:30 in Tokyo (still 31 March in UTC) is the new year; 31 March 23:30 is the old one."""
    for moment in (
        datetime.datetime(2026, 3, 31, 23, 30, tzinfo=TOKYO),
        datetime.datetime(2026, 4, 1, 0, 30, tzinfo=TOKYO),
        datetime.datetime(2027, 3, 31, 23, 59, tzinfo=TOKYO),
    ):
        ProposalFactory(submitted=True, submitted_at=moment)
    rows = per_fiscal_year(Proposal.objects.all(), "submitted_at", Count("pk"))
    assert [(row.key, row.values) for row in rows] == [(2025, (1,)), (2026, (2,))]
    assert rows[1].label == fiscal_year_label(2026)
