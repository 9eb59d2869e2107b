"""The public pages that list things and have no test of their own for it (issue 10): the
open-review index, 協働の実績, the open-data catalog and the feeds page cost the same number of
queries however many rows there are, and their HTML stays bounded."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from proposals.review.models import ReviewSession
from tests.factories import (
    DepartmentFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    ReviewRoundFactory,
)

pytestmark = pytest.mark.django_db

MAX_HTML = 80_000  # bytes: what test_public_lists asks of every list page


def grow_review(count: int) -> None:
    """`count` published rounds, each with a past and an upcoming announced session."""
    now = timezone.now()
    for n in range(count):
        review_round = ReviewRoundFactory(published=True, title=f"令和{n}年度 公開審査")
        for days in (-30 - n, 30 + n):
            ReviewSession.objects.create(
                round=review_round,
                starts_at=now + datetime.timedelta(days=days),
                ends_at=now + datetime.timedelta(days=days, hours=2),
                place="市役所 第1会議室",
                is_announced=True,
            )


def grow_record(count: int) -> None:
    for n in range(count):
        department = DepartmentFactory(name=f"課{n}")
        ProposalFactory(adopted=True)
        ProjectFactory(
            department=department,
            partners=[OrganizationFactory()],
            first_fiscal_year=2020 + n % 8,
            last_fiscal_year=2020 + n % 8,
        )


def measure(client, django_assert_max_num_queries, url):
    client.get(url)  # warm the session
    with django_assert_max_num_queries(60) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), len(response.content)


@pytest.mark.parametrize(
    ("name", "grow"),
    [
        ("review:review_index", grow_review),
        ("record", grow_record),
        ("opendata:catalog", grow_record),
        ("feeds:index", grow_record),
    ],
)
def test_a_public_page_costs_the_same_queries_and_stays_small_as_rows_grow(
    client, django_assert_max_num_queries, name, grow
):
    url = reverse(name)
    grow(3)
    queries, _size = measure(client, django_assert_max_num_queries, url)
    grow(40)
    more_queries, size = measure(client, django_assert_max_num_queries, url)
    assert more_queries == queries, f"{url}: {queries} → {more_queries} queries"
    assert size < MAX_HTML, f"{url}: {size} bytes"


@pytest.mark.django_db
def test_the_review_index_shows_rounds_a_page_at_a_time_and_the_latest_past_sessions(client):
    grow_review(25)

    def results_listed(html: str) -> int:
        section = html.split('id="results-heading"')[1].split('id="past-heading"')[0]
        return section.count("<li><a href=")

    first = client.get(reverse("review:review_index")).content.decode()
    assert results_listed(first) == 20  # the latest published rounds first
    assert first.count("市役所 第1会議室") == 25 + 10  # every upcoming session, 10 past ones
    second = client.get(reverse("review:review_index"), {"page": 2}).content.decode()
    assert results_listed(second) == 5
