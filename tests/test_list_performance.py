"""Public lists at national scale: bounded counts, one search index, pages sliced in SQL.

Query counts and SQL shapes, not time: a count never reads more than 1,001 rows, a keyword
goes through the search's documents, a round's results page reads its own 50 entries, and
the register's facet counts are computed once per data version.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kunitachi_kyodo.lists import COUNT_LIMIT
from organizations.models import Organization
from proposals.proposals.models import Proposal
from proposals.review.models import ReviewEntry
from tests.factories import (
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    UserFactory,
    decide_through_review,
)

pytestmark = pytest.mark.django_db


def _sql(queries) -> str:
    return "\n".join(query["sql"] for query in queries.captured_queries)


def test_a_long_list_counts_at_most_a_thousand_and_one_rows_and_says_so(client):
    model = OrganizationFactory()
    copies = []
    for n in range(COUNT_LIMIT + 5):
        copy = Organization.objects.get(pk=model.pk)
        copy.pk, copy.name = None, f"団体{n}"
        copies.append(copy)
    Organization.objects.bulk_create(copies)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("organizations:directory"))
    assert "1,000団体以上が見つかりました" in response.text
    assert f"LIMIT {COUNT_LIMIT + 1}" in _sql(queries)
    page = response.context["page_obj"]
    assert page.paginator.capped
    assert page.paginator.num_pages == COUNT_LIMIT // 20
    # A page past the bound is the last bounded page, not an error.
    assert client.get(reverse("organizations:directory"), {"page": "999"}).status_code == 200


def test_a_short_list_says_its_exact_count(client):
    for _ in range(3):
        ProposalFactory(submitted=True)
    response = client.get(reverse("proposals:proposal_list"))
    assert "3件の提案" in response.text
    assert not response.context["page_obj"].paginator.capped


def test_the_proposals_keyword_goes_through_the_search_index(client):
    found = ProposalFactory(submitted=True, title="くにたち防災マップづくり")
    ProposalFactory(submitted=True, title="子ども食堂")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("proposals:proposal_list"), {"q": "防災"})
    assert [p.pk for p in response.context["page_obj"]] == [found.pk]
    assert "search_searchdocument" in _sql(queries)
    # No second search path: no LIKE over the proposals' own columns (SQLite or PostgreSQL).
    assert not re.search(
        r'"proposals_proposal"\."title"\)?(::text\))? (I?LIKE|LIKE UPPER)', _sql(queries)
    )
    # The search's own matching rules: katakana finds hiragana, as on /search/.
    kana = client.get(reverse("proposals:proposal_list"), {"q": "クニタチ"})
    assert [p.pk for p in kana.context["page_obj"]] == [found.pk]


def test_the_organizations_and_projects_keywords_go_through_the_search_index(client):
    organization = OrganizationFactory(name="谷保の防災クラブ")
    project = ProjectFactory(title="防災訓練をいっしょに", partners=[organization])
    for url, expected in (
        (reverse("organizations:directory"), organization.pk),
        (reverse("projects:project_list"), project.pk),
    ):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"q": "防災"})
        assert expected in [row.pk for row in response.context["page_obj"]]
        assert "search_searchdocument" in _sql(queries)
        nothing = client.get(url, {"q": "存在しない言葉"})
        assert len(nothing.context["page_obj"]) == 0


def test_a_rounds_results_page_reads_only_its_own_entries(client):
    staff = UserFactory(coordinator=True)
    proposal = ProposalFactory(screening=True, department=staff.department)
    review_round = decide_through_review(proposal, staff=staff)
    entry = review_round.entries.get()
    copies = []
    for n in range(70):
        copy = Proposal.objects.get(pk=proposal.pk)
        copy.pk, copy.title = None, f"提案{n}"
        copies.append(copy)
    others = Proposal.objects.bulk_create(copies)
    ReviewEntry.objects.bulk_create(
        ReviewEntry(
            round=review_round,
            proposal=p,
            decision=entry.decision,
            reason="理由",
            # Ten ranked (70 … 61, against the presentation order), the rest unscored.
            frozen_result=(
                {**(entry.frozen_result or {}), "key": p.pk, "rank": 70 - n} if n < 10 else None
            ),
            presentation_order=n + 1,
        )
        for n, p in enumerate(others)
    )
    url = reverse("review:round_results", args=[review_round.pk])
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url)
    assert "LIMIT 50" in _sql(queries)
    rows = first.context["results"].rows
    assert len(rows) == 50
    assert [row.result.rank for row in rows[:10]] == list(range(61, 71))
    assert all(row.result.rank is None for row in rows[10:])
    unranked = [row.entry.presentation_order for row in rows[10:]]
    assert unranked == sorted(unranked)
    assert len(client.get(url, {"page": "2"}).context["results"].rows) == 21


def test_the_registers_facet_counts_are_computed_once_per_data_version(
    client, django_assert_max_num_queries
):
    ProjectFactory(title="あおぞら子ども食堂")
    url = reverse("projects:project_list")
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        response = client.get(url)
    assert len(second) <= len(first) - 7  # the seven grouped counts are kept
    assert "（1件）" in response.text
    ProjectFactory(title="いっしょに防災訓練")  # a save: a new data version
    with CaptureQueriesContext(connection) as third:
        response = client.get(url)
    assert len(third) == len(first)
    assert "（2件）" in response.text
    with django_assert_max_num_queries(15):
        client.get(url)
