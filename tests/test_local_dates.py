"""Dates are the city's (Asia/Tokyo), and <time datetime> carries ISO 8601 the HTML checker accepts.

A moment just after midnight in Tokyo is still the day before in UTC: 00:58 on 3 December
JST is 15:58 on 2 December UTC. Every date a person reads is the Tokyo one.
"""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse

from kunitachi_kyodo.notifications.models import Notification
from kunitachi_kyodo.templatetags.portal import iso_datetime
from proposals.proposals import services
from proposals.proposals.models import ConsultationMessage, StatusChange
from proposals.review.models import ReviewSession
from tests.conftest import client_for
from tests.factories import ProposalFactory, ReviewRoundFactory

TOKYO = ZoneInfo("Asia/Tokyo")
# 2026-12-03 00:58:00.123456 in Tokyo, stored (as every aware time) in UTC.
JUST_AFTER_MIDNIGHT = datetime.datetime(2026, 12, 2, 15, 58, 0, 123456, tzinfo=datetime.UTC)
MICROSECONDS_IN_DATETIME = re.compile(r'datetime="[^"]*\.\d{6}')
DATETIME_ATTRIBUTE = re.compile(r'datetime="([^"]*)"')


# --- The filter ---------------------------------------------------------------------------


def test_iso_datetime_is_local_time_without_microseconds():
    assert iso_datetime(JUST_AFTER_MIDNIGHT) == "2026-12-03T00:58:00+09:00"


def test_iso_datetime_of_a_date_is_the_date():
    assert iso_datetime(datetime.date(2026, 12, 3)) == "2026-12-03"


def test_iso_datetime_of_a_naive_datetime_takes_it_as_local_time():
    assert iso_datetime(datetime.datetime(2026, 12, 3, 0, 58, 7, 999)) == "2026-12-03T00:58:07"


@pytest.mark.parametrize("value", [None, "", "2026-12-03"])
def test_iso_datetime_of_nothing_or_text_is_empty(value):
    assert iso_datetime(value) == ""


def test_every_time_element_in_the_templates_uses_the_filter():
    templates = Path(settings.BASE_DIR) / "templates"
    offenders = [
        f"{path.relative_to(templates)}: {value}"
        for path in sorted(templates.rglob("*.html"))
        for value in DATETIME_ATTRIBUTE.findall(path.read_text(encoding="utf-8"))
        if "|iso_datetime" not in value
    ]
    assert offenders == []


# --- Pages --------------------------------------------------------------------------------


def assert_clean_datetimes(body: str) -> list[str]:
    values = DATETIME_ATTRIBUTE.findall(body)
    assert values, "the page should show at least one <time datetime>"
    assert not MICROSECONDS_IN_DATETIME.search(body)
    for value in values:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+09:00)?", value), value
    return values


@pytest.mark.django_db
def test_proposal_timeline_and_consultation_times_are_local_and_whole_seconds(users, organization):
    proposal = ProposalFactory(proposer=users["member"], organization=organization)
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    message = ConsultationMessage.objects.create(
        proposal=proposal, author=users["member"], body="会場について相談します。"
    )
    ConsultationMessage.objects.filter(pk=message.pk).update(created_at=JUST_AFTER_MIDNIGHT)
    StatusChange.objects.filter(proposal=proposal).update(created_at=JUST_AFTER_MIDNIGHT)
    body = client_for(users["member"]).get(proposal.get_absolute_url()).content.decode()
    values = assert_clean_datetimes(body)
    assert "2026-12-03T00:58:00+09:00" in values


@pytest.mark.django_db
def test_mypage_notification_times_are_local_and_whole_seconds(users):
    notification = Notification.objects.create(user=users["citizen"], message="お知らせ", url="/")
    Notification.objects.filter(pk=notification.pk).update(created_at=JUST_AFTER_MIDNIGHT)
    body = client_for(users["citizen"]).get(reverse("mypage")).content.decode()
    assert "2026-12-03T00:58:00+09:00" in assert_clean_datetimes(body)


@pytest.mark.django_db
def test_session_times_are_local_and_whole_seconds(users):
    session = ReviewSession.objects.create(
        round=ReviewRoundFactory(),
        starts_at=datetime.datetime(2026, 12, 5, 13, 30, 0, 500000, tzinfo=TOKYO),
        ends_at=datetime.datetime(2026, 12, 5, 16, 0, 0, 250000, tzinfo=TOKYO),
        place="くにたち市民協働センター",
        is_announced=True,
    )
    body = client_for(users["citizen"]).get(session.get_absolute_url()).content.decode()
    assert assert_clean_datetimes(body)[:2] == [
        "2026-12-05T13:30:00+09:00",
        "2026-12-05T16:00:00+09:00",
    ]
