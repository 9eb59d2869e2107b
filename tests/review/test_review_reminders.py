"""Reminders before a public review session (issue 9): `manage.py send_review_reminders`.

An outside reviewer scores once a year and does not watch the portal; a few days before the
session, whoever still owes score sheets is mailed what is left and where, once per session.
"""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone

from kunitachi_kyodo.notifications.models import Notification
from proposals.review import selectors, services
from proposals.review.models import ReviewReminder, ReviewRound, ReviewSession
from tests.review.test_review import all_scores
from tests.review.test_review import setup as setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")


def session_in(review_round, delta: datetime.timedelta, *, now=None) -> ReviewSession:
    starts_at = (now or timezone.now()) + delta
    return ReviewSession.objects.create(
        round=review_round,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        place="くにたち市民芸術小ホール",
    )


def run(capture, *args) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def submit(setup, reviewer, proposal):
    services.sheet_save(
        round=setup["round"],
        proposal=proposal,
        reviewer=reviewer,
        scores=all_scores(setup["criteria"], 4),
        submit=True,
    )


def test_each_reviewer_owing_sheets_is_reminded_once(setup, django_capture_on_commit_callbacks):
    session = session_in(setup["round"], datetime.timedelta(days=2))
    mail.outbox.clear()  # the assignment mails
    assert "Sent 2" in run(django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in setup["reviewers"])
    assert all(len(m.to) == 1 for m in mail.outbox)  # one mail per recipient
    for _ in range(2):  # the next days' runs, or a second run the same day
        assert "Sent 0" in run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.filter(session=session).count() == 2


def test_a_reviewer_who_submitted_everything_gets_nothing(
    setup, users, django_capture_on_commit_callbacks
):
    done, late = setup["reviewers"]
    for proposal in setup["proposals"]:
        submit(setup, done, proposal)
    # A conflict is not owed: the late reviewer declares one and submits the other sheet.
    services.conflict_declare(
        round=setup["round"], proposal=setup["proposals"][0], reviewer=late, reason="理事を兼務"
    )
    session_in(setup["round"], datetime.timedelta(days=1))
    mail.outbox.clear()
    assert "Sent 1" in run(django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[late.email]]
    submit(setup, late, setup["proposals"][1])
    other = session_in(setup["round"], datetime.timedelta(days=2))
    assert "Sent 0" in run(django_capture_on_commit_callbacks)
    assert not ReviewReminder.objects.filter(session=other).exists()


@pytest.mark.parametrize(
    "delta",
    [
        datetime.timedelta(days=5),  # further away than 3 days
        datetime.timedelta(hours=-1),  # already started
        datetime.timedelta(days=-2),  # already held
    ],
)
def test_no_reminder_for_a_session_further_away_or_past(
    setup, delta, django_capture_on_commit_callbacks
):
    session_in(setup["round"], delta)
    mail.outbox.clear()
    assert "Sent 0" in run(django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not ReviewReminder.objects.exists()


def test_no_reminder_while_the_round_cannot_be_scored(setup, django_capture_on_commit_callbacks):
    ReviewRound.objects.filter(pk=setup["round"].pk).update(status=ReviewRound.Status.PREPARING)
    session_in(setup["round"], datetime.timedelta(days=1))
    mail.outbox.clear()
    assert "Sent 0" in run(django_capture_on_commit_callbacks)
    # Once scoring starts (still before the session), the reminder goes.
    ReviewRound.objects.filter(pk=setup["round"].pk).update(status=ReviewRound.Status.SCORING)
    assert "Sent 2" in run(django_capture_on_commit_callbacks)


def test_days_before_is_a_setting_and_an_option(
    setup, settings, django_capture_on_commit_callbacks
):
    session_in(setup["round"], datetime.timedelta(days=5))
    mail.outbox.clear()
    assert "Sent 0" in run(django_capture_on_commit_callbacks)
    settings.REVIEW_REMINDER_DAYS_BEFORE = 5
    assert "Sent 2" in run(django_capture_on_commit_callbacks)
    later = session_in(setup["round"], datetime.timedelta(days=7))
    assert "Sent 2" in run(django_capture_on_commit_callbacks, "--days-before", "7")
    assert ReviewReminder.objects.filter(session=later).count() == 2
    with pytest.raises(CommandError):
        call_command("send_review_reminders", "--days-before", "-1", stdout=StringIO())


def test_the_days_are_counted_in_the_citys_calendar(setup):
    """Run at 23:30 in Tokyo: a session three calendar days later is due, one on the fourth not."""
    now = datetime.datetime(2026, 11, 10, 23, 30, tzinfo=TOKYO)
    due = ReviewSession.objects.create(
        round=setup["round"],
        starts_at=datetime.datetime(2026, 11, 13, 21, 0, tzinfo=TOKYO),
        ends_at=datetime.datetime(2026, 11, 13, 22, 0, tzinfo=TOKYO),
        place="市役所",
    )
    ReviewSession.objects.create(
        round=setup["round"],
        starts_at=datetime.datetime(2026, 11, 14, 0, 30, tzinfo=TOKYO),
        ends_at=datetime.datetime(2026, 11, 14, 1, 30, tzinfo=TOKYO),
        place="市役所",
    )
    assert list(selectors.sessions_to_remind(now=now, days_before=3)) == [due]


def test_the_mail_names_the_session_the_sheets_left_and_links_to_them(
    setup, settings, django_capture_on_commit_callbacks
):
    reviewer = setup["reviewers"][0]
    first, second = setup["proposals"]
    submit(setup, reviewer, first)
    session = session_in(setup["round"], datetime.timedelta(days=3))
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == [reviewer.email])
    body = message.body
    starts = formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
    assert setup["round"].title in message.subject
    assert starts in body and "くにたち市民芸術小ホール" in body
    assert "まだ提出されていない採点票（1件）" in body and "未提出の採点票が1件" in body
    assert second.title in body and first.title not in body
    sheet_url = reverse("review:score_sheet", args=[setup["round"].pk, second.pk])
    assert f"{settings.SITE_URL}{sheet_url}" in body  # straight to the sheet
    assert f"{settings.SITE_URL}{reverse('review:my_reviews')}" in body
    notice = Notification.objects.filter(user=reviewer).latest("pk")
    assert "未提出の採点票が1件" in notice.message
    assert notice.url.startswith(reverse("review:my_reviews"))
    # The other reviewer owes both sheets, and is told so.
    other = next(m for m in mail.outbox if m.to == [setup["reviewers"][1].email])
    assert "まだ提出されていない採点票（2件）" in other.body


def test_the_database_refuses_a_second_reminder_for_the_same_session(setup):
    session = session_in(setup["round"], datetime.timedelta(days=1))
    reviewer = setup["reviewers"][0]
    ReviewReminder.objects.create(session=session, reviewer=reviewer, sheets_left=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewReminder.objects.create(session=session, reviewer=reviewer, sheets_left=2)


def test_a_run_that_loses_the_race_sends_nothing(
    setup, monkeypatch, django_capture_on_commit_callbacks
):
    """Two runs at once both read "not reminded yet"; the second one's insert fails on the
    unique pair, and its mail and notification are rolled back with it."""
    session_in(setup["round"], datetime.timedelta(days=1))
    mail.outbox.clear()
    assert "Sent 2" in run(django_capture_on_commit_callbacks)
    notices = Notification.objects.count()
    monkeypatch.setattr(selectors, "reviewers_reminded", lambda session: set())
    assert "Sent 0" in run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2 and Notification.objects.count() == notices
    assert ReviewReminder.objects.count() == 2
