"""Briefings (説明会) of a call: the department edits them, the public reads them with their
times and takes them to a calendar (.ics, parsed here with the icalendar package)."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from proposals.calls import services
from proposals.calls.models import CallBriefing
from tests.conftest import client_for
from tests.factories import CallFactory

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
UTC = datetime.UTC


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=TOKYO)


def briefing_values(**changes) -> services.BriefingValues:
    fields = {
        "starts_at": at(10, 13, 30),
        "ends_at": at(10, 15),
        "place": "くにたち市民協働センター 3階 会議室, A",
        "online_url": "https://meet.example.jp/kyodo-briefing",
        "capacity": "先着30名（要申込）",
        "note": "募集要項の説明と質疑応答を行います。\n申込は前日までに電話で。",
    }
    return services.BriefingValues(**{**fields, **changes})


@pytest.fixture
def call(users):
    department = users["city_staff"].department
    department.email = "korei-shien@city.example.jp"
    department.save()
    return CallFactory(title="高齢者の見守りネットワークづくり", department=department)


@pytest.fixture
def two_briefings(call, users):
    staff = users["city_staff"]
    first = services.briefing_save(call=call, values=briefing_values(), user=staff)
    second = services.briefing_save(
        call=call,
        values=briefing_values(
            starts_at=at(17, 19), ends_at=at(17, 20, 30), place="北市民プラザ", online_url=""
        ),
        user=staff,
    )
    return first, second


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    return icalendar.Calendar.from_ical(response.content)


# --- The department edits them --------------------------------------------------------


def test_department_staff_add_a_briefing_in_tokyo_time(call, users):
    client = client_for(users["city_staff"])
    url = reverse("calls:briefing_create", args=[call.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "starts_at": "2026-12-10T13:30",
            "ends_at": "2026-12-10T15:00",
            "place": "国立市役所 第1会議室",
            "online_url": "",
            "capacity": "",
            "note": "",
        },
    )
    briefing = call.briefings.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#briefing-{briefing.pk}")
    assert briefing.starts_at == at(10, 13, 30)


def test_a_briefing_ending_before_it_starts_is_refused_next_to_the_field(call, users):
    client = client_for(users["city_staff"])
    response = client.post(
        reverse("calls:briefing_create", args=[call.pk]),
        {
            "starts_at": "2026-12-10T13:30",
            "ends_at": "2026-12-10T12:00",
            "place": "国立市役所 第1会議室",
            "online_url": "meet.example.jp/x y",
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["ends_at"] == ["終了日時は開始日時より後にしてください。"]
    assert "online_url" in errors
    assert "国立市役所 第1会議室" in response.content.decode()  # the input is kept
    assert not CallBriefing.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("citizen", 403), ("member", 403), ("other_department_staff", 403), ("support_office", 403)],
)
def test_only_those_who_edit_the_call_edit_its_briefings(
    call, two_briefings, users, persona, status
):
    first, _ = two_briefings
    client = client_for(users[persona])
    assert client.get(reverse("calls:briefing_create", args=[call.pk])).status_code == status
    edit = reverse("calls:briefing_edit", args=[call.pk, first.pk])
    assert client.post(edit, {"place": "別の会場"}).status_code == status
    delete = reverse("calls:briefing_delete", args=[call.pk, first.pk])
    assert client.post(delete).status_code == status
    first.refresh_from_db()
    assert first.place != "別の会場"
    with pytest.raises(PermissionDenied):
        services.briefing_save(call=call, values=briefing_values(), user=users[persona])


def test_a_briefing_is_reached_only_through_its_own_call(call, two_briefings, users):
    first, _ = two_briefings
    other = CallFactory(department=call.department)
    client = client_for(users["city_staff"])
    assert client.get(reverse("calls:briefing_edit", args=[other.pk, first.pk])).status_code == 404
    assert (
        client_for(None).get(reverse("calls:briefing_ical", args=[other.pk, first.pk])).status_code
        == 404
    )


def test_department_staff_edit_and_delete_a_briefing(call, two_briefings, users):
    first, second = two_briefings
    client = client_for(users["city_staff"])
    response = client.post(
        reverse("calls:briefing_edit", args=[call.pk, first.pk]),
        {"starts_at": "2026-12-11T10:00", "ends_at": "2026-12-11T11:00", "place": "矢川プラザ"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.place, first.starts_at) == ("矢川プラザ", at(11, 10))
    assert (
        client.get(reverse("calls:briefing_delete", args=[call.pk, second.pk])).status_code == 405
    )
    client.post(reverse("calls:briefing_delete", args=[call.pk, second.pk]))
    assert list(call.briefings.all()) == [first]


# --- The public page and the calendar files ---------------------------------------------


def test_the_call_page_shows_briefings_with_machine_readable_times(call, two_briefings, client):
    first, second = two_briefings
    body = client.get(call.get_absolute_url()).content.decode()
    assert '<time datetime="2026-12-10T13:30:00+09:00">2026年12月10日（木） 13:30</time>' in body
    assert '<time datetime="2026-12-10T15:00:00+09:00">15:00</time>' in body
    assert "先着30名（要申込）" in body and "https://meet.example.jp/kyodo-briefing" in body
    for briefing in (first, second):
        assert reverse("calls:briefing_ical", args=[call.pk, briefing.pk]) in body
    assert "カレンダーに追加 (.ics)" in body
    assert reverse("calls:call_briefings_ical", args=[call.pk]) in body
    assert reverse("calls:briefing_create", args=[call.pk]) not in body  # no editing for visitors


def test_a_briefing_ical_parses_with_the_right_times_organizer_and_a_stable_uid(
    call, two_briefings, client, settings
):
    settings.SITE_URL = "https://kyodo.example.jp"
    first, _ = two_briefings
    url = reverse("calls:briefing_ical", args=[call.pk, first.pk])
    calendar = calendar_of(client.get(url))
    assert str(calendar["METHOD"]) == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == at(10, 13, 30).astimezone(UTC)
    assert event.decoded("DTEND") == at(10, 15).astimezone(UTC)
    assert event.decoded("DTSTART").tzinfo is not None  # UTC, like the review sessions' files
    assert str(event["UID"]) == f"call-briefing-{first.pk}@kyodo.example.jp"
    assert str(event["SUMMARY"]) == "高齢者の見守りネットワークづくり 説明会"
    assert str(event["LOCATION"]) == "くにたち市民協働センター 3階 会議室, A"
    description = str(event["DESCRIPTION"])
    assert "申込は前日までに電話で。" in description and "先着30名" in description
    assert "https://meet.example.jp/kyodo-briefing" in description
    assert str(event["ORGANIZER"]) == "mailto:korei-shien@city.example.jp"
    assert event["ORGANIZER"].params["CN"] == call.department.name
    assert str(event["URL"]).endswith(f"{call.get_absolute_url()}#briefing-{first.pk}")
    again = calendar_of(client.get(url))
    assert str(again.walk("VEVENT")[0]["UID"]) == str(event["UID"])  # stable across downloads


def test_all_briefings_of_a_call_in_one_calendar(call, two_briefings, client):
    first, second = two_briefings
    calendar = calendar_of(client.get(reverse("calls:call_briefings_ical", args=[call.pk])))
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]).split("@")[0] for e in events] == [
        f"call-briefing-{first.pk}",
        f"call-briefing-{second.pk}",
    ]
    assert events[1].decoded("DTSTART") == at(17, 19).astimezone(UTC)


def test_without_a_department_address_the_calendar_is_not_published_as_a_method(
    call, two_briefings, client
):
    call.department.email = ""
    call.department.save()
    calendar = calendar_of(client.get(reverse("calls:call_briefings_ical", args=[call.pk])))
    assert "METHOD" not in calendar  # PUBLISH needs an ORGANIZER (RFC 5546)
    assert all("ORGANIZER" not in event for event in calendar.walk("VEVENT"))


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 404),
        ("citizen", 404),
        ("member", 404),
        ("reviewer", 404),
        ("support_office", 404),
        ("city_staff", 200),  # staff preview a draft with its briefings
    ],
)
def test_a_draft_calls_briefings_are_hidden_from_the_public(users, persona, status):
    staff = users["city_staff"]
    draft = CallFactory(draft=True, department=staff.department)
    briefing = services.briefing_save(call=draft, values=briefing_values(), user=staff)
    client = client_for(users[persona])
    assert client.get(draft.get_absolute_url()).status_code == status
    assert (
        client.get(reverse("calls:briefing_ical", args=[draft.pk, briefing.pk])).status_code
        == status
    )
    assert client.get(reverse("calls:call_briefings_ical", args=[draft.pk])).status_code == status
