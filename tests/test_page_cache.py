"""Public pages kept for anonymous visitors (kunitachi_kyodo/pagecache), never stale, never private."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kunitachi_kyodo.pagecache import version
from proposals.calls import services as call_services
from tests.factories import CallFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60  # tests/conftest.py turns it off for every other test


CALLS = reverse("calls:call_list")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _state(response) -> str | None:
    return response.get("X-Page-Cache")


def test_an_anonymous_visitor_gets_the_kept_page_with_one_query():
    CallFactory(title="見守りの事業")
    client = Client()
    first = client.get(CALLS)
    assert _state(first) == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(CALLS)
    assert _state(second) == "hit"
    assert len(queries) == 1  # the data version; no list, no count, no facet
    assert second.content.replace(b" ", b"") != b""
    assert "見守りの事業" in second.text
    assert second["Content-Type"].startswith("text/html")
    assert "Content-Security-Policy" in second  # the outer middleware still answer


def test_a_signed_in_person_is_never_answered_from_the_cache_nor_kept(client):
    CallFactory(title="見守りの事業")
    client.force_login(UserFactory())
    Client().get(CALLS)  # kept for anonymous visitors
    for _ in range(2):
        response = client.get(CALLS)
        assert response.status_code == 200
        assert _state(response) is None
        assert response.context is not None  # rendered for them, not replayed
    # And what they saw was not kept for the anonymous.
    assert _state(Client().get(CALLS)) == "hit"


def test_a_page_with_messages_waiting_is_rendered_not_replayed():
    CallFactory()
    Client().get(CALLS)
    visitor = Client()
    visitor.cookies["messages"] = "anything"
    assert _state(visitor.get(CALLS)) is None


def test_a_workflow_transition_shows_on_the_kept_list_at_once():
    call = CallFactory(draft=True, title="新しく公開する事業")
    assert "新しく公開する事業" not in Client().get(CALLS).text
    assert _state(Client().get(CALLS)) == "hit"
    staff = UserFactory(city_staff=True, department=call.department)
    call_services.call_publish(call=call, user=staff)
    response = Client().get(CALLS)
    assert _state(response) == "miss"
    assert "新しく公開する事業" in response.text


def test_a_save_shows_on_the_kept_page_at_once():
    organization = OrganizationFactory(name="谷保の見守り会")
    url = reverse("organizations:detail", args=[organization.pk])
    assert "谷保の見守り会" in Client().get(url).text
    assert _state(Client().get(url)) == "hit"
    organization.name = "矢川の見守り会"
    organization.save()
    response = Client().get(url)
    assert "矢川の見守り会" in response.text
    assert _state(response) == "miss"


def test_a_delete_and_a_signed_in_post_each_draw_a_new_version():
    organization = OrganizationFactory()
    person = Client()
    person.force_login(UserFactory())
    before = version.current()
    organization.delete()
    assert version.current() > before
    before = version.current()
    person.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert version.current() > before


def test_an_anonymous_or_refused_post_draws_nothing():
    CallFactory()
    Client().get(CALLS)
    before = version.current()
    Client().post(reverse("set_language"), {"language": "en", "next": "/"})
    Client(enforce_csrf_checks=True).post(reverse("set_language"), {"language": "en"})  # 403
    assert version.current() == before
    assert _state(Client().get(CALLS)) == "hit"


def test_the_office_writing_a_private_record_keeps_the_public_pages(users):
    """A consultation is never shown on a public page (nor in a feed, search or open data),
    so logging one, or a follow-up to it, leaves every kept public page valid: the support
    office's daily work does not empty the cache citizens read from."""
    from support_office.consultations.models import Consultation

    consultation = Consultation.objects.create(
        handled_by=users["support_office"],
        category="funding",
        channel="phone",
        asker_kind="individual",
        asker_name="相談者",
        summary="助成金の相談",
    )
    Client().get(CALLS)
    office = Client()
    office.force_login(users["support_office"])
    before = version.current()
    response = office.post(
        reverse("support_office:consultations:follow_up_add", args=[consultation.pk]),
        {"done_on": "2026-12-01", "note": "電話で折り返し"},
    )
    assert response.status_code == 302
    assert consultation.follow_ups.count() == 1
    assert version.current() == before
    assert _state(Client().get(CALLS)) == "hit"


def test_kept_pages_differ_by_language():
    CallFactory()
    Client().get(CALLS)
    english = Client(headers={"accept-language": "en"})
    response = english.get(CALLS)
    assert _state(response) == "miss"
    assert response["Content-Language"] == "en"


def test_a_kept_page_carries_each_visitor_their_own_csrf_token():
    CallFactory()
    first = Client(enforce_csrf_checks=True)
    first_token = TOKEN.search(first.get(CALLS).text).group(1)
    second = Client(enforce_csrf_checks=True)
    kept = second.get(CALLS)
    assert _state(kept) == "hit"
    second_token = TOKEN.search(kept.text).group(1)
    assert second_token != first_token
    assert "csrftoken" in kept.cookies  # the second visitor's own secret
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # The token on the kept page works for its visitor, the other visitor's does not.
    switch = reverse("set_language")
    form = {"language": "en", "next": CALLS}
    stolen = second.post(switch, {**form, "csrfmiddlewaretoken": first_token})
    assert stolen.status_code == 403
    own = second.post(switch, {**form, "csrfmiddlewaretoken": second_token})
    assert own.status_code == 302


def test_private_pages_are_never_kept():
    OrganizationFactory()
    for url in (reverse("mypage"), reverse("organizations:login"), "/healthz/"):
        Client().get(url)
        assert _state(Client().get(url)) is None
