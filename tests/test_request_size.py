"""A too-big request is refused before its body is read (finding: a 60 MB upload was
received in full before the 10 MB check)."""

import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anyone reads it."""

    def read(self, *args):
        raise AssertionError("the body of a too-big request was read")

    readinto = read


def test_a_60_mb_upload_is_refused_unread_in_japanese(as_persona, settings):
    client = as_persona("citizen")
    url = reverse("proposals:proposal_create")
    response = client.generic(
        "POST",
        url,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    body = response.content.decode()
    assert "一度に送れるのは50 MBまでです（いま約60 MB）。何も保存されていません。" in body


def test_a_request_within_the_limit_goes_through(as_persona):
    response = as_persona("citizen").post(reverse("proposals:proposal_create"), {"title": ""})
    assert response.status_code == 200  # the form, with its message next to the field


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ja", "一度に送れるのは50 MBまでです。何も保存されていません。"),
        ("en", "You can send up to 50 MB at once. Nothing has been saved."),
    ],
)
def test_the_balancers_refusal_shows_the_apps_page_in_the_persons_language(client, language, text):
    """nginx refuses a too-big body itself (deploy/nginx/kyodo-proxy.conf) and shows this
    page in place of its own English one; the size sent is not known here."""
    response = client.get(reverse("too_large"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 413
    assert text in response.content.decode()
    assert "いま約" not in response.content.decode()
