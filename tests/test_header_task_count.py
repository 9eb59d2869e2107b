"""The header's 「やること N」: the sum of マイページ's task list, for a signed-in person only.

Issue 9: a person who never opens マイページ should still see that something waits for them.
The count comes from the same registered `tasks_of` functions as マイページ's list, once per
request, and only where the header shows it.
"""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from kunitachi_kyodo import worklist
from kunitachi_kyodo.context_processors import portal
from tests.conftest import HEADER_TASK_QUERIES, PERSONAS
from tests.factories import ProposalFactory, ReviewRoundFactory

pytestmark = pytest.mark.django_db

BADGE = re.compile(
    r'class="nav-link task-count" href="([^"]+)">.*?text-bg-primary">(\d+)</span>', re.S
)
HIDDEN_NAME = re.compile(r'<span class="visually-hidden">(やること \d+件)</span>')


def header_of(response) -> str:
    body = response.content.decode()
    return body[: body.index("</header>")]


def header_count(response) -> int | None:
    match = BADGE.search(header_of(response))
    return int(match.group(2)) if match else None


def listed_counts(response) -> list[int]:
    body = response.content.decode()
    start = body.index('id="tasks-heading"')
    section = body[start : body.index("</section>", start)]
    return [int(n) for n in re.findall(r"<strong>(\d+)件</strong>", section)]


def give_staff_and_reviewer_work(users):
    department = users["city_staff"].department
    ProposalFactory.create_batch(2, submitted=True, department=department)
    ProposalFactory(proposer=users["city_staff"])  # a draft of their own
    review_round = ReviewRoundFactory(department=department, scoring=True)
    review_round.assignments.create(reviewer=users["reviewer"])
    for proposal in ProposalFactory.create_batch(3, open_review=True):
        review_round.entries.create(proposal=proposal)
    return review_round


def test_the_count_is_the_sum_of_mypages_task_list(as_persona, users):
    give_staff_and_reviewer_work(users)
    for name in ("city_staff", "reviewer"):
        page = as_persona(name).get(reverse("mypage"))
        counts = listed_counts(page)
        assert len(counts) >= 1
        assert header_count(page) == sum(counts), name


def test_the_badge_links_to_the_task_list_and_is_named_in_words(as_persona, users):
    give_staff_and_reviewer_work(users)
    header = header_of(as_persona("reviewer").get(reverse("home")))
    href, number = BADGE.search(header).groups()
    assert href == reverse("mypage") + "#tasks" and number == "3"
    assert HIDDEN_NAME.search(header).group(1) == "やること 3件"
    assert 'id="tasks"' in as_persona("reviewer").get(reverse("mypage")).content.decode()


def test_no_badge_when_nothing_waits(as_persona):
    page = as_persona("citizen").get(reverse("home"))
    assert header_count(page) is None and "やること" not in header_of(page)


def test_no_badge_and_no_task_query_for_an_anonymous_visitor(
    client, monkeypatch, django_assert_num_queries
):
    asked = []
    monkeypatch.setattr(worklist, "_SOURCES", [lambda user: asked.append(user) or []])
    page = client.get(reverse("home"))
    assert "やること" not in header_of(page) and asked == []
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert portal(request)["waiting_task_count"]() == 0


def test_computed_once_per_request_and_only_when_the_header_shows_it(
    as_persona, users, monkeypatch
):
    give_staff_and_reviewer_work(users)
    calls = []
    sources = list(worklist._SOURCES)

    def counted(fn):
        return lambda user: calls.append(fn) or fn(user)

    monkeypatch.setattr(worklist, "_SOURCES", [counted(fn) for fn in sources])
    client = as_persona("reviewer")
    client.get(reverse("mypage"))  # the page's list and the header's count: one computation
    assert len(calls) == len(sources)
    calls.clear()
    client.get(reverse("calls:call_feed"))  # no header, no count
    assert calls == []


@pytest.mark.parametrize("name", ["city_staff", "reviewer"])
def test_a_signed_in_pages_queries_do_not_grow_with_the_work(
    name, as_persona, users, django_assert_max_num_queries
):
    review_round = give_staff_and_reviewer_work(users)
    department = users["city_staff"].department
    client = as_persona(name)
    with django_assert_max_num_queries(40) as few:
        page = client.get(reverse("home"))
    assert header_count(page)
    ProposalFactory.create_batch(8, submitted=True, department=department)
    ProposalFactory.create_batch(4, proposer=users["city_staff"])
    for proposal in ProposalFactory.create_batch(6, open_review=True):
        review_round.entries.create(proposal=proposal)
    more = ReviewRoundFactory(department=department, scoring=True)
    more.assignments.create(reviewer=users["reviewer"])
    more.entries.create(proposal=ProposalFactory(open_review=True))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("home"))
    assert header_count(page) > 3


def test_the_count_costs_each_persona_at_most_the_allowance(users, django_assert_max_num_queries):
    """What the other pages' query ceilings allow for the header (tests.conftest)."""
    give_staff_and_reviewer_work(users)
    for name in PERSONAS:
        if users[name] is None:
            continue
        user = type(users[name]).objects.get(pk=users[name].pk)  # no permission cache yet
        with django_assert_max_num_queries(HEADER_TASK_QUERIES):
            worklist.tasks_of(user)
