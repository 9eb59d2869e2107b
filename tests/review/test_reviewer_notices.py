"""A reviewer hears of an assignment at once, with what to do next (an outside reviewer scores
once a year and does not watch the portal)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone

from kunitachi_kyodo.notifications.models import Notification
from proposals.review import services
from proposals.review.models import ReviewSession
from tests.factories import ProposalFactory, ReviewRoundFactory

pytestmark = pytest.mark.django_db


def test_an_assigned_reviewer_is_told_by_mail_and_on_mypage(
    users, django_capture_on_commit_callbacks
):
    staff, reviewer = users["city_staff"], users["reviewer"]
    review_round = ReviewRoundFactory(department=staff.department, title="令和9年度 協働事業提案")
    with django_capture_on_commit_callbacks(execute=True):
        services.reviewer_assign(round=review_round, reviewer=reviewer, user=staff, kind="external")
    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    body = mail.outbox[0].body
    assert "令和9年度 協働事業提案" in mail.outbox[0].subject
    assert reverse("review:my_reviews") in body
    assert "採点" in body  # says what happens next
    assert Notification.objects.filter(user=reviewer).count() == 1


def test_assigning_the_same_reviewer_twice_tells_them_once(
    users, django_capture_on_commit_callbacks
):
    staff, reviewer = users["city_staff"], users["reviewer"]
    review_round = ReviewRoundFactory(department=staff.department)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            services.reviewer_assign(
                round=review_round, reviewer=reviewer, user=staff, kind="external"
            )
    assert len(mail.outbox) == 1


def test_the_assignment_mail_names_the_session_and_links_straight_to_each_sheet(
    users, settings, django_capture_on_commit_callbacks
):
    """Issue 9: the reviewer learns by when (the session) and lands on the sheet itself."""
    staff, reviewer = users["city_staff"], users["reviewer"]
    review_round = ReviewRoundFactory(department=staff.department)
    proposal = ProposalFactory(
        open_review=True, title="見守りのお茶会", department=staff.department
    )
    services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    starts_at = timezone.now() + datetime.timedelta(days=20)
    session = ReviewSession.objects.create(
        round=review_round,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        place="市役所 第1会議室",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.reviewer_assign(round=review_round, reviewer=reviewer, user=staff, kind="external")
    body = mail.outbox[0].body
    starts = formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
    assert starts in body and "市役所 第1会議室" in body
    assert f"{starts}）までに" in body  # said as the deadline, not only listed
    sheet_url = reverse("review:score_sheet", args=[review_round.pk, proposal.pk])
    assert f"見守りのお茶会\n  {settings.SITE_URL}{sheet_url}" in body


def test_without_a_session_yet_the_mail_says_the_reminder_will_come(
    users, django_capture_on_commit_callbacks
):
    staff, reviewer = users["city_staff"], users["reviewer"]
    review_round = ReviewRoundFactory(department=staff.department)
    with django_capture_on_commit_callbacks(execute=True):
        services.reviewer_assign(round=review_round, reviewer=reviewer, user=staff, kind="external")
    assert "公開審査会の前に" in mail.outbox[0].body
