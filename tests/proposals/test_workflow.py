"""Every move of the workflow table × every persona: allowed ones happen, the rest write nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from proposals.proposals import services, workflow
from proposals.proposals.models import ConsultationMessage, Proposal, StatusChange
from tests.conftest import PERSONAS, client_for
from tests.factories import ProposalFactory, ReviewRoundFactory, decide_through_review

pytestmark = pytest.mark.django_db

ROLES_OF_PERSONA = {
    "member": {workflow.PROPOSER},  # the proposal is made for the member's organization
    "city_staff": {workflow.CITY_STAFF},  # the proposal is assigned to their department
    "coordinator": {workflow.CITY_STAFF},  # 協働推進担当: every department's proposals
    "admin": {workflow.CITY_STAFF},
    # other_department_staff, the reviewers and the support office hold no role: the
    # office consults on proposals but neither screens nor decides.
}


def make_proposal(status: str, users, organization) -> Proposal:
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        department=users["city_staff"].department,
        status=status,
        submitted_at=None if status in ("draft", "consultation") else "2026-10-01T10:00:00+09:00",
    )
    if status == Proposal.Status.CONSULTATION:
        # A consultation the city has answered: the state in which it may end.
        ConsultationMessage.objects.create(
            proposal=proposal, author=users["support_office"], body="ご相談の件、承知しました。"
        )
    return proposal


# Anonymous visitors never reach the service: the views send them to log in (see the URL walk).
SIGNED_IN = [p for p in PERSONAS if p != "anonymous"]


@pytest.mark.parametrize("persona_name", SIGNED_IN)
@pytest.mark.parametrize("transition", workflow.TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
def test_each_transition_for_each_persona(transition, persona_name, users, organization):
    proposal = make_proposal(transition.source, users, organization)
    actor = users[persona_name]
    allowed = bool(transition.actors & ROLES_OF_PERSONA.get(persona_name, set()))
    if allowed:
        services.proposal_transition(
            proposal=proposal, action=transition.action, actor=actor, comment="理由"
        )
        proposal.refresh_from_db()
        assert proposal.status == transition.target
        change = StatusChange.objects.get(proposal=proposal)
        assert (change.actor, change.from_status, change.to_status) == (
            actor,
            transition.source,
            transition.target,
        )
    else:
        with pytest.raises(PermissionDenied):
            services.proposal_transition(
                proposal=proposal, action=transition.action, actor=actor, comment="理由"
            )
        proposal.refresh_from_db()
        assert proposal.status == transition.source
        assert not StatusChange.objects.exists()


ACTIONS = sorted({t.action for t in workflow.TRANSITIONS})
MOVES_NOT_IN_THE_TABLE = [
    (status, action)
    for status in Proposal.Status.values
    for action in ACTIONS
    if workflow.transition_for(status, action) is None
]


@pytest.mark.parametrize(("status", "action"), MOVES_NOT_IN_THE_TABLE)
def test_moves_not_in_the_table_are_refused_even_to_the_right_people(
    status, action, users, organization
):
    proposal = make_proposal(status, users, organization)
    for actor in (users["member"], users["city_staff"], users["coordinator"], users["admin"]):
        with pytest.raises(PermissionDenied):
            services.proposal_transition(
                proposal=proposal, action=action, actor=actor, comment="理由"
            )
    proposal.refresh_from_db()
    assert proposal.status == status
    assert not StatusChange.objects.exists()


def test_terminal_states_allow_no_move():
    for status in (Proposal.Status.ADOPTED, Proposal.Status.NOT_ADOPTED, Proposal.Status.WITHDRAWN):
        assert workflow.transitions_from(status) == []


@pytest.mark.parametrize("persona_name", SIGNED_IN)
def test_nobody_decides_a_proposal_outside_its_review_round(persona_name, users, organization):
    """Finding: staff saw 採択する on a proposal in open review and decided it without a round."""
    proposal = make_proposal(Proposal.Status.OPEN_REVIEW, users, organization)
    client = client_for(users[persona_name])
    for action in ("adopt", "not_adopt"):
        response = client.post(
            reverse("proposals:proposal_act", args=[proposal.pk, action]),
            {"comment": "良い提案です"},
        )
        assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.OPEN_REVIEW
    assert not StatusChange.objects.exists()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "採択する" not in page and "不採択とする" not in page


def test_a_decision_is_refused_even_with_a_round_the_proposal_is_not_in(users, organization):
    proposal = make_proposal(Proposal.Status.OPEN_REVIEW, users, organization)
    other_round = ReviewRoundFactory(created_by=users["city_staff"])
    with pytest.raises(PermissionDenied):
        services.proposal_transition(
            proposal=proposal,
            action="adopt",
            actor=users["city_staff"],
            comment="理由",
            review_round=other_round,
        )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.OPEN_REVIEW


@pytest.mark.parametrize("stage", ["open_review", "screening"])
def test_the_publication_of_its_round_decides_a_proposal(stage, users, organization):
    proposal = make_proposal(stage, users, organization)
    decide_through_review(proposal, staff=users["city_staff"], reason="地域の課題に合っている")
    assert proposal.status == Proposal.Status.ADOPTED
    decision = StatusChange.objects.get(proposal=proposal)
    assert (decision.action, decision.actor, decision.is_public, decision.public_comment) == (
        "adopt",
        users["city_staff"],
        True,
        "地域の課題に合っている",
    )


def test_acting_on_someone_elses_draft_is_404(users, organization):
    draft = make_proposal(Proposal.Status.DRAFT, users, organization)
    response = client_for(users["citizen"]).post(
        reverse("proposals:proposal_act", args=[draft.pk, "submit"])
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == Proposal.Status.DRAFT


def test_a_return_needs_a_reason(users, organization):
    # Decisions get theirs from the round's entry (see tests/review: entry_decide).
    proposal = make_proposal("submitted", users, organization)
    with pytest.raises(Exception, match="理由を入力してください"):
        services.proposal_transition(
            proposal=proposal, action="return", actor=users["city_staff"], comment="  "
        )
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_withdrawing_a_never_submitted_draft_is_not_public(users, organization):
    draft = make_proposal(Proposal.Status.DRAFT, users, organization)
    services.proposal_transition(proposal=draft, action="withdraw", actor=users["member"])
    assert not StatusChange.objects.public().exists()
    assert not Proposal.objects.public().filter(pk=draft.pk).exists()


def test_submission_is_public_and_sets_the_first_submission_time(users, organization):
    draft = make_proposal(Proposal.Status.DRAFT, users, organization)
    services.proposal_transition(proposal=draft, action="submit", actor=users["member"])
    draft.refresh_from_db()
    assert draft.submitted_at is not None
    assert StatusChange.objects.public().get().to_status == Proposal.Status.SUBMITTED
