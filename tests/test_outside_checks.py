"""What the outside checks found (issue 12): the Atom feed had no author (invalid Atom), the
iCal files said METHOD:PUBLISH without an organizer, and there was no favicon and no meta
description (Lighthouse best practices 96, SEO 90)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import CallFactory
from tests.review.test_review_views import setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_atom_feed_names_its_author(client, settings):
    settings.CITY_NAME = "国立市"
    CallFactory()
    feed = ET.fromstring(client.get(reverse("calls:call_feed")).content)
    author = feed.find(f"{ATOM}author")
    assert author is not None and author.find(f"{ATOM}name").text == "国立市"


def test_a_published_ical_event_names_its_organizer(setup):  # noqa: F811
    department = setup.round.department
    department.email = "kyodo@city.example.jp"
    department.save()
    body = client_for(None).get(reverse("review:session_ical", args=[setup.session.pk]))
    text = body.content.decode().replace("\r\n ", "")
    assert "METHOD:PUBLISH" in text
    assert re.search(r"^ORGANIZER;CN=.+:mailto:kyodo@city\.example\.jp\r$", text, re.M)


def test_without_an_address_to_name_the_event_is_not_published_as_a_method(setup):  # noqa: F811
    department = setup.round.department
    department.email = ""
    department.save()
    text = client_for(None).get(reverse("review:session_ical", args=[setup.session.pk]))
    assert "METHOD:PUBLISH" not in text.content.decode()  # PUBLISH needs an ORGANIZER


def test_every_page_has_a_favicon_and_a_description(client):
    body = client.get(reverse("home")).content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)"', body)
    assert icon and finders.find(icon.group(1).removeprefix("/static/"))
    description = re.search(r'<meta name="description" content="([^"]+)"', body)
    assert description and "協働" in description.group(1)
