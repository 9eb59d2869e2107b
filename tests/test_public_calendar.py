"""The one calendar of every public date (kunitachi_kyodo/public_dates.py), read by `icalendar`."""

from datetime import timedelta

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo import public_dates
from proposals.calls.models import CallBriefing
from proposals.review.models import ReviewSession
from tests.factories import CallFactory, ReviewRoundFactory

pytestmark = pytest.mark.django_db

URL = reverse("feeds:calendar")


def calendar(client) -> icalendar.Calendar:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(client) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar(client).walk("VEVENT")}


def briefing_of(call, *, days: int) -> CallBriefing:
    start = timezone.now() + timedelta(days=days)
    return CallBriefing.objects.create(
        call=call, starts_at=start, ends_at=start + timedelta(hours=1), place="市役所 第1会議室"
    )


def session_of(round_, *, days: int, announced: bool) -> ReviewSession:
    start = timezone.now() + timedelta(days=days)
    return ReviewSession.objects.create(
        round=round_,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="市役所 大会議室",
        is_announced=announced,
    )


def uid(name: str) -> str:
    return f"{name}@localhost"


@pytest.fixture
def dates(settings):
    settings.SITE_URL = "http://localhost"
    call = CallFactory(title="見守りの募集")
    draft = CallFactory(draft=True, title="下書きの募集")
    round_ = ReviewRoundFactory(title="令和8年度 公開審査")
    return {
        "call": call,
        "draft": draft,
        "briefing": briefing_of(call, days=3),
        "draft_briefing": briefing_of(draft, days=4),
        "session": session_of(round_, days=5, announced=True),
        "hidden_session": session_of(round_, days=6, announced=False),
        "old_call": CallFactory(
            ended=True,
            opens_at=timezone.now() - timedelta(days=800),
            closes_at=timezone.now() - timedelta(days=700),
        ),
    }


def test_every_public_date_is_in_the_one_calendar(client, dates):
    shown = events(client)
    assert set(shown) == {
        uid(f"call-deadline-{dates['call'].pk}"),
        uid(f"call-briefing-{dates['briefing'].pk}"),
        uid(f"review-session-{dates['session'].pk}"),
    }
    deadline = shown[uid(f"call-deadline-{dates['call'].pk}")]
    assert "見守りの募集" in str(deadline["SUMMARY"]) and "DTEND" not in deadline
    assert deadline.decoded("DTSTART") == dates["call"].closes_at.replace(microsecond=0)
    session = shown[uid(f"review-session-{dates['session'].pk}")]
    assert session.decoded("DTEND") > session.decoded("DTSTART")
    assert str(session["URL"]).startswith("http://testserver/review/sessions/")


def test_drafts_unannounced_sessions_and_old_dates_stay_out(client, dates):
    body = client.get(URL).content.decode()
    assert "下書きの募集" not in body
    assert f"review-session-{dates['hidden_session'].pk}" not in body
    assert f"call-deadline-{dates['old_call'].pk}" not in body


def test_uids_are_the_same_as_in_each_events_own_file(client, dates):
    own = icalendar.Calendar.from_ical(
        client.get(reverse("review:session_ical", args=[dates["session"].pk])).content
    )
    [event] = own.walk("VEVENT")
    assert str(event["UID"]) in events(client)
    own = icalendar.Calendar.from_ical(
        client.get(
            reverse("calls:briefing_ical", args=[dates["call"].pk, dates["briefing"].pk])
        ).content
    )
    [event] = own.walk("VEVENT")
    assert str(event["UID"]) in events(client)


def test_times_are_utc_and_there_is_no_publish_method_without_an_organizer(client, dates):
    cal = calendar(client)
    assert "METHOD" not in cal  # many departments: no one ORGANIZER, so a plain calendar
    assert not cal.walk("VTIMEZONE")
    for event in cal.walk("VEVENT"):
        assert "ORGANIZER" not in event
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)
        assert event["DTSTAMP"]


def test_a_later_app_adds_its_dates_by_registering(client, dates, monkeypatch):
    from kunitachi_kyodo.ical import Event

    start = timezone.now() + timedelta(days=9)
    office_event = Event(
        uid="office-event-1@localhost", starts_at=start, ends_at=None, summary="協働講座"
    )
    monkeypatch.setattr(public_dates, "_SOURCES", [*public_dates._SOURCES])
    public_dates.dates_from(lambda *, since, absolute: [office_event])
    assert "office-event-1@localhost" in events(client)


def test_the_calendar_costs_the_same_queries_however_many_dates(client, dates):
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    round_ = ReviewRoundFactory()
    for days in range(1, 8):
        call = CallFactory()
        briefing_of(call, days=days)
        session_of(round_, days=days, announced=True)
    with CaptureQueriesContext(connection) as many:
        assert len(events(client)) > 20
    assert len(many) == len(few) <= 4
