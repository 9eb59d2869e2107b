"""Every public list renders a bounded page whatever the data size, and survives bad input.

Rows are added with bulk_create (a national-scale register in miniature): the HTML and the
number of <option> elements must not grow with them, nor the number of queries.
"""

import pytest
from django.urls import reverse

from organizations.models import Organization
from proposals.calls.models import Call
from proposals.projects.models import CollaborationProject
from proposals.proposals.models import Proposal
from proposals.review.models import ReviewEntry
from tests.factories import (
    CallFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    UserFactory,
    decide_through_review,
)

pytestmark = pytest.mark.django_db

LISTS = {
    "proposals": (reverse("proposals:proposal_list"), {"status": "no-such-state"}),
    "organizations": (reverse("organizations:directory"), {"kind": "no-such-kind"}),
    "calls": (reverse("calls:call_list"), {"period": "no-such-period"}),
    "projects": (reverse("projects:project_list"), {"partner_kind": "no-such-kind"}),
}


def _clone(instance, count, **fields):
    """`count` copies of a saved row, in one INSERT."""
    model = type(instance)
    copies = []
    for n in range(count):
        copy = model.objects.get(pk=instance.pk)
        copy.pk = None
        for name, make in fields.items():
            setattr(copy, name, make(n))
        copies.append(copy)
    return model.objects.bulk_create(copies)


def _grow(kind: str, count: int) -> None:
    if kind == "proposals":
        _clone(ProposalFactory(submitted=True), count, title=lambda n: f"提案{n}")
    elif kind == "organizations":
        _clone(OrganizationFactory(), count, name=lambda n: f"団体{n}")
    elif kind == "calls":
        _clone(CallFactory(), count, title=lambda n: f"事業の提示{n}")
    else:
        partner = OrganizationFactory()
        projects = _clone(
            ProjectFactory(partners=[partner]),
            count,
            title=lambda n: f"協働事業{n}",
            first_fiscal_year=lambda n: 2000 + n % 100,
            last_fiscal_year=lambda n: 2000 + n % 100,
        )
        through = CollaborationProject.partners.through
        through.objects.bulk_create(
            [through(collaborationproject=p, organization=partner) for p in projects]
        )


@pytest.mark.parametrize("kind", LISTS)
def test_a_list_page_stays_bounded_as_rows_grow(kind, client, django_assert_max_num_queries):
    url, _unknown = LISTS[kind]
    _grow(kind, 3)
    with django_assert_max_num_queries(20) as few:
        small = client.get(url)
    _grow(kind, 300)
    with django_assert_max_num_queries(len(few.captured_queries)):
        big = client.get(url, {"page": "8"})
    assert big.status_code == 200
    assert len(big.content) < 80_000
    assert len(big.content) < len(small.content) * 3
    # Options: bounded lists (states, kinds, fields, years that exist), never one per row.
    assert big.text.count("<option") < 250
    # The pager shows both ends and a few pages around this one, not every page.
    assert big.text.count('class="page-link"') <= 12


@pytest.mark.parametrize("kind", LISTS)
def test_bad_input_is_an_empty_or_clamped_page_never_an_error(kind, client):
    url, unknown = LISTS[kind]
    _grow(kind, 25)
    unknown_value = client.get(url, unknown)
    assert unknown_value.status_code == 200
    assert "条件に合う" in unknown_value.text
    for page in ("abc", "0", "-1", "99999", "1e9", ""):
        response = client.get(url, {"page": page})
        assert response.status_code == 200, page
    assert client.get(url, {"page": "99999"}).context["page_obj"].number == 2  # the last page
    long = client.get(url, {"q": "福" * 10_000})
    assert long.status_code == 200
    tag = '<script>alert("x")</script>'
    escaped = client.get(url, {"q": tag})
    assert escaped.status_code == 200
    assert tag not in escaped.text
    if "q" in escaped.context.get("filter").filters:
        assert "&lt;script&gt;" in escaped.text


def test_a_round_with_many_entries_shows_its_results_a_page_at_a_time(client):
    staff = UserFactory(coordinator=True)
    proposal = ProposalFactory(screening=True, department=staff.department)
    review_round = decide_through_review(proposal, staff=staff)
    entry = review_round.entries.get()
    proposals = _clone(Proposal.objects.get(pk=proposal.pk), 120, title=lambda n: f"提案{n}")
    ReviewEntry.objects.bulk_create(
        [
            ReviewEntry(
                round=review_round,
                proposal=p,
                decision=entry.decision,
                reason="理由",
                frozen_result=entry.frozen_result,
            )
            for p in proposals
        ]
    )
    url = reverse("review:round_results", args=[review_round.pk])
    first = client.get(url)
    assert first.status_code == 200
    assert first.text.count('<section id="decision-') == 50
    assert len(first.content) < 200_000
    last = client.get(url, {"page": "999"})
    assert last.text.count('<section id="decision-') == 21
    assert client.get(url, {"page": "x"}).status_code == 200


def test_organization_and_call_filters_offer_bounded_options(client):
    # A public page never lists every organization or call as a choice.
    _grow("organizations", 50)
    _grow("calls", 50)
    for url in (reverse("organizations:directory"), reverse("calls:call_list")):
        body = client.get(url).text
        assert "団体49" not in body.split("</form>")[0]
        assert "事業の提示49" not in body.split("</form>")[0]
    assert Organization.objects.count() > 50 and Call.objects.count() >= 50
