"""A reviewer hears of an assignment at once, with what to do next (an outside reviewer scores
once a year and does not watch the portal)."""

import pytest
from django.core import mail
from django.urls import reverse

from kunitachi_kyodo.notifications.models import Notification
from proposals.review import services
from tests.factories import ReviewRoundFactory

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
