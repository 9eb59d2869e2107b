"""マイページ's task list: what waits for each person, counted, scoped to what is theirs.

Finding: staff マイページ had no task list; members had no "my projects"; a reviewer saw
no count of sheets left. Each role sees only its own department's or organization's work.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from proposals.projects.models import Report
from proposals.proposals import services as proposal_services
from proposals.proposals.models import ConsultationMessage
from tests.factories import ProposalFactory, ReviewRoundFactory
from tests.projects.test_projects import complete_agreement, make_project

pytestmark = pytest.mark.django_db

NOTHING = "いま、あなたを待っていることはありません。"


def tasks(client) -> str:
    body = client.get(reverse("mypage")).content.decode()
    start = body.index('id="tasks-heading"')
    return body[start : body.index("</section>", start)]


def test_nothing_waiting_says_so(as_persona):
    assert NOTHING in tasks(as_persona("citizen"))


def test_a_proposer_sees_drafts_and_returned_proposals(as_persona, users):
    ProposalFactory(proposer=users["citizen"])
    ProposalFactory(proposer=users["citizen"], returned=True)
    listed = tasks(as_persona("citizen"))
    assert "書きかけの提案（下書き）" in listed and "差し戻された提案（修正して再提出）" in listed


def test_a_consultation_waits_for_the_city_then_for_the_proposer(as_persona, users):
    department = users["city_staff"].department
    proposal = ProposalFactory(proposer=users["citizen"], consultation=True, department=department)
    ConsultationMessage.objects.create(proposal=proposal, author=users["citizen"], body="質問です")
    assert "回答を待つ事前相談" in tasks(as_persona("city_staff"))
    assert "回答を待つ事前相談" not in tasks(as_persona("other_department_staff"))
    assert "市から回答があった事前相談" not in tasks(as_persona("citizen"))
    proposal_services.consultation_post(
        proposal=proposal, author=users["city_staff"], body="お答えします"
    )
    assert "回答を待つ事前相談" not in tasks(as_persona("city_staff"))
    assert "市から回答があった事前相談" in tasks(as_persona("citizen"))


def test_staff_see_their_departments_submissions_only(as_persona, users):
    ProposalFactory(submitted=True, department=users["city_staff"].department)
    listed = tasks(as_persona("city_staff"))
    assert "一次審査を待つ提案（提出済み）" in listed and "1件" in listed
    assert "一次審査を待つ提案" not in tasks(as_persona("other_department_staff"))
    assert "一次審査を待つ提案" in tasks(as_persona("coordinator"))  # city-wide


def test_a_reviewer_sees_the_sheets_left_and_staff_the_rounds(as_persona, users):
    review_round = ReviewRoundFactory(department=users["city_staff"].department, scoring=True)
    review_round.assignments.create(reviewer=users["reviewer"])
    for proposal in ProposalFactory.create_batch(2, open_review=True):
        review_round.entries.create(proposal=proposal)
    listed = tasks(as_persona("reviewer"))
    assert "未提出の採点票" in listed and "2件" in listed
    assert "採点中の審査回（決定と公表を待つ）" in tasks(as_persona("city_staff"))
    assert "採点中の審査回" not in tasks(as_persona("other_department_staff"))


def test_the_agreement_waits_for_the_side_that_has_not_confirmed(adopted, as_persona, users):
    from proposals.projects import services as project_services

    project = make_project(adopted, users)
    complete_agreement(project)
    project_services.agreement_confirm(agreement=project.current_agreement(), user=users["member"])
    assert "担当課の確認を待つ協定書" in tasks(as_persona("city_staff"))
    assert "相手方の確認を待つ協定書" not in tasks(as_persona("member"))
    assert "協定書" not in tasks(as_persona("other_department_staff"))


def test_reports_due_for_the_partner_and_overdue_for_the_department(adopted, as_persona, users):
    project = make_project(adopted, users)
    today = timezone.localdate()
    Report.objects.create(
        project=project, kind="interim", due_on=today + datetime.timedelta(days=3)
    )
    assert "提出期限が近い・過ぎた報告" in tasks(as_persona("member"))
    assert "提出期限を過ぎた報告" not in tasks(as_persona("city_staff"))  # not late yet
    Report.objects.update(due_on=today - datetime.timedelta(days=1))
    assert "提出期限を過ぎた報告" in tasks(as_persona("city_staff"))


def test_the_task_list_queries_do_not_grow_with_the_work(
    as_persona, users, django_assert_max_num_queries
):
    client = as_persona("city_staff")
    department = users["city_staff"].department
    ProposalFactory(submitted=True, department=department)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("mypage"))
    ProposalFactory.create_batch(10, submitted=True, department=department)
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("mypage"))


def test_counts_are_of_proposals_not_of_rows_joined_through_members(
    as_persona, users, organization
):
    """Found looking at the demo: 2 drafts counted where there was 1, one per member."""
    from tests.factories import MembershipFactory, UserFactory

    MembershipFactory(organization=organization, user=UserFactory(), role="editor")
    ProposalFactory(proposer=users["member"], organization=organization)
    listed = tasks(as_persona("member"))
    assert "書きかけの提案（下書き）" in listed and "1件" in listed and "2件" not in listed
