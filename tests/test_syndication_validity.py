"""The iCal files and the Atom feeds pass real validity checks (issue 10): every .ics the
portal serves parses with `icalendar` and holds no floating local time (UTC, or a TZID with
its VTIMEZONE in the file); every Atom feed has RFC 3339 dates with their offset and URI ids."""

import datetime
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.urls import reverse

from tests.test_feeds import ATOM, every_feed_url
from tests.test_feeds import world as feed_world  # noqa: F401
from tests.test_public_calendar import dates  # noqa: F401

pytestmark = pytest.mark.django_db

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def every_ics_url(dates) -> list[str]:  # noqa: F811
    call, briefing, session = dates["call"], dates["briefing"], dates["session"]
    return [
        reverse("feeds:calendar"),
        reverse("review:session_ical", args=[session.pk]),
        reverse("calls:call_briefings_ical", args=[call.pk]),
        reverse("calls:briefing_ical", args=[call.pk, briefing.pk]),
    ]


def assert_no_floating_time(component, timezones: set[str]) -> None:
    for name in ("DTSTART", "DTEND", "DTSTAMP"):
        if name not in component:
            continue
        value = component.decoded(name)
        if isinstance(value, datetime.datetime):
            tzid = component[name].params.get("TZID")
            if tzid:
                assert tzid in timezones, f"{name};TZID={tzid} has no VTIMEZONE"
            else:
                assert value.utcoffset() == datetime.timedelta(0), f"{name} is floating"


def test_every_ics_is_valid_icalendar(client, dates):  # noqa: F811
    for url in every_ics_url(dates):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/calendar"), url
        raw = response.content
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), url
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
        cal = icalendar.Calendar.from_ical(raw)
        assert cal["VERSION"] == "2.0" and cal["PRODID"], url
        timezones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        vevents = cal.walk("VEVENT")
        assert vevents, f"{url}: the fixture has an event for every file"
        uids = [str(event["UID"]) for event in vevents]
        assert len(uids) == len(set(uids)), url
        for event in vevents:
            for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                assert required in event, (url, required)
            assert_no_floating_time(event, timezones)
            if "DTEND" in event:
                assert event.decoded("DTEND") > event.decoded("DTSTART"), url
            if cal.get("METHOD") == "PUBLISH":
                assert "ORGANIZER" in event, f"{url}: METHOD:PUBLISH needs an ORGANIZER"


def test_every_atom_feed_has_dates_with_offsets_and_uri_ids(client, feed_world):  # noqa: F811
    for url in every_feed_url(feed_world):
        feed = ET.fromstring(client.get(url).content)
        assert RFC3339.match(feed.findtext(f"{ATOM}updated")), url
        assert re.match(r"^(tag|https?|urn):", feed.findtext(f"{ATOM}id")), url
        assert (
            feed.find(f"{ATOM}link[@rel='alternate']") is not None
            or feed.find(f"{ATOM}link") is not None
        ), url
        entries = feed.findall(f"{ATOM}entry")
        assert entries, f"{url}: the fixture has an entry in every feed"
        for entry in entries:
            for name in ("updated", "published"):
                text = entry.findtext(f"{ATOM}{name}")
                if text is not None:
                    assert RFC3339.match(text), (url, name, text)
            assert re.match(r"^(tag|https?|urn):", entry.findtext(f"{ATOM}id")), url
            # An entry without its own author takes the feed's, which every feed has.
            assert entry.find(f"{ATOM}author") is not None or feed.find(f"{ATOM}author") is not None
