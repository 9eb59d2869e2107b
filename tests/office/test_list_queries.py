"""The office's own list pages read a fixed number of queries, however many rows they show
(the public lists are held to it in their own tests; these are the office's screens)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from support_office.talent.models import Consent
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.office.consultations.test_consultations import log
from tests.office.talent.builders import consent, published_request, talent_entry

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_rows(users, n: int, start: int) -> None:
    office = users["support_office"]
    for i in range(start, start + n):
        # Shown to every signed-in member (its name and introduction), so their list grows too.
        talent_entry(
            user=UserFactory(email=f"talent{i}@example.jp"),
            levels=consent(display_name=Consent.PUBLIC, introduction=Consent.PUBLIC),
        )
        talent_entry(user=UserFactory(email=f"waiting{i}@example.jp"), approved=False)
        published_request(users["citizen"], office, title=f"会場{i}")
        log(users)


@pytest.mark.parametrize(
    ("persona", "url_name", "row_text"),
    [
        ("support_office", "support_office:talent:search", "秘密名前ヒトミ"),
        ("member", "support_office:talent:search", "秘密名前ヒトミ"),
        ("support_office", "support_office:talent:review_queue", "秘密名前ヒトミ"),
        ("support_office", "support_office:coordination:office_list", "会場"),
        ("support_office", "support_office:consultations:list", "助成金の相談"),
    ],
)
def test_an_office_list_does_not_read_more_with_more_rows(users, persona, url_name, row_text):
    client = client_for(users[persona])
    url = reverse(url_name)
    add_rows(users, 1, 0)
    client.get(url)  # warm: the session, the header's figures
    few = queries(client, url)
    add_rows(users, 4, 1)
    assert client.get(url).content.decode().count(row_text) >= 5  # it shows what it reads
    assert queries(client, url) == few
