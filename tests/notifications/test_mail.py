"""What a notification e-mail reveals and survives (issue: the people who do the work).

Findings: a notification went out with every recipient in `To:` (a citizen proposer saw the
addresses of all the staff it went to); a line break in a proposal's title made every later
e-mail about it fail.
"""

import pytest
from django.core import mail

from kunitachi_kyodo.notifications.services import notify
from proposals.proposals.services import proposal_transition
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_each_recipient_gets_a_message_of_their_own(django_capture_on_commit_callbacks):
    people = [UserFactory(email=f"person{n}@example.jp") for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            people,
            message="お知らせ",
            url="/mypage/",
            email_template="proposals/email/status_changed",
            context={"proposal": ProposalFactory(), "status": "提出済み"},
        )
    assert sorted(m.to for m in mail.outbox) == [[p.email] for p in people]
    assert all(not m.cc and not m.bcc for m in mail.outbox)


def test_a_line_break_in_a_title_does_not_stop_its_mail(users, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(
        proposer=users["citizen"],
        title="多摩川の清掃\r\nBcc: attacker@example.com",
        submitted=True,
        department=users["city_staff"].department,
    )
    with django_capture_on_commit_callbacks(execute=True):
        proposal_transition(proposal=proposal, action="screen", actor=users["city_staff"])
    assert mail.outbox, "no e-mail was sent"
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert "多摩川の清掃 Bcc: attacker@example.com" in message.subject  # the title, on one line
        assert "attacker@example.com" not in message.bcc
