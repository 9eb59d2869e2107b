"""Finding 5: the public timeline runs from the call's publication to the evaluation's."""

import pytest

from kunitachi_kyodo.timeline import timeline_of
from proposals.calls import services as call_services
from proposals.projects import services as project_services
from proposals.proposals import services
from tests.conftest import client_for
from tests.factories import CallFactory, ProposalFactory, decide_through_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(users, organization):
    staff = users["city_staff"]
    call = CallFactory(department=staff.department, status="draft")
    call_services.call_publish(call=call, user=staff)
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        origin="call",
        call=call,
        department=staff.department,
    )
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    services.proposal_transition(proposal=proposal, action="screen", actor=staff)
    decide_through_review(proposal, staff=staff, reason="地域の課題に合っている")
    return proposal


def test_a_proposals_public_timeline_starts_with_its_call_and_ends_with_its_decision(decided):
    labels = [row.label for row in timeline_of(decided)]
    assert labels == [
        "事業の提示（募集）が公開されました",
        "提案が提出されました",
        "一次審査（書類審査）が始まりました",
        "審査の結果が公表されました",
        "採択されました",
    ]


def test_the_proposal_page_shows_the_whole_record_to_everyone(decided):
    page = client_for(None).get(decided.get_absolute_url()).content.decode()
    for label in (
        "事業の提示（募集）が公開されました",
        "審査の結果が公表されました",
        "採択されました",
    ):
        assert label in page
    assert "地域の課題に合っている" in page  # the decision's reason is public


def test_a_project_adds_its_moves_and_each_published_evaluation(decided, users):
    staff = users["city_staff"]
    project = project_services.project_create_from_proposal(proposal=decided, user=staff)
    labels = [row.label for row in timeline_of(project)]
    assert labels[0] == "事業の提示（募集）が公開されました"
    assert labels[-1] == "協働事業として登録され、協定の準備が始まりました"
    evaluation = project.evaluations.model(
        project=project, kind="third_party", author=users["reviewer"]
    )
    evaluation.submitted_at = decided.submitted_at
    evaluation.save()
    project_services.evaluation_publish(evaluation=evaluation, user=staff)
    assert timeline_of(project)[-1].label == "評価が公表されました（第三者評価）"
    page = client_for(None).get(project.get_absolute_url()).content.decode()
    assert "評価が公表されました（第三者評価）" in page
