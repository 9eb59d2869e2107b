"""Every move of the call, call-question, review-round and organization tables × every persona.

Allowed moves happen and are audited; every other persona is refused and nothing is
written. (Proposals and projects have their own files: tests/proposals/test_workflow.py,
tests/projects/test_project_workflow.py.)
"""

import pytest
from django.core.exceptions import PermissionDenied

from organizations import services as organization_services
from organizations.models import Organization
from organizations.workflow import ORGANIZATION_WORKFLOW
from proposals.calls import services as call_services
from proposals.calls.models import Call, CallQuestion
from proposals.calls.workflow import CALL_WORKFLOW, QUESTION_WORKFLOW
from proposals.review import services as review_services
from proposals.review.models import ReviewRound
from proposals.review.workflow import ROUND_WORKFLOW
from tests.conftest import PERSONAS
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganizationFactory,
    ProposalFactory,
    ReviewRoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SIGNED_IN = [p for p in PERSONAS if p != "anonymous"]
CITY_PARTY = {"city_staff", "coordinator", "admin"}  # of the thing's department, or city-wide


def make_call(users, status):
    return CallFactory(department=users["city_staff"].department, status=status)


def make_question(users, status):
    call = CallFactory(department=users["city_staff"].department)
    answered = status == CallQuestion.Status.ANSWERED
    return CallQuestion.objects.create(
        call=call,
        asked_by=users["citizen"],
        text="説明会に参加しないと応募できませんか。",
        status=status,
        answer="参加しなくても応募できます。" if answered else "",
        answered_at=call.opens_at if answered else None,
    )


def _write_answer(question, change, transition, context):
    # The service writes the answer the form gave (see tests/calls/test_questions.py).
    CallQuestion.objects.filter(pk=question.pk).update(
        status=transition.target, answer="回答です", answered_at=context.now
    )


def make_round(users, status):
    staff = users["city_staff"]
    review_round = ReviewRoundFactory(department=staff.department, created_by=staff)
    proposal = ProposalFactory(status="open_review", department=staff.department)
    proposal.submitted_at = proposal.created_at
    proposal.save()
    review_services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    review_services.reviewer_assign(
        round=review_round, reviewer=UserFactory(reviewer=True), user=staff, kind="external"
    )
    if status == ReviewRound.Status.SCORING:
        review_services.round_start_scoring(round=review_round, user=staff)
        review_services.entry_decide(
            entry=review_round.entries.get(), decision="adopt", reason="効果が大きい", user=staff
        )
    review_round.status_changes.all().delete()  # the setup's own audit rows
    return review_round


def make_organization(users, status):
    organization = OrganizationFactory(status=status)
    MembershipFactory(user=users["member"], organization=organization)
    return organization


TABLES = [
    (CALL_WORKFLOW, make_call, CITY_PARTY, {}),
    # The call's department, the support office, coordinators and administrators answer.
    (QUESTION_WORKFLOW, make_question, CITY_PARTY | {"support_office"}, {}),
    (ROUND_WORKFLOW, make_round, CITY_PARTY, {"close_incomplete": True}),
    (ORGANIZATION_WORKFLOW, make_organization, None, {}),
]
# Who holds each organization role: the office verifies, the organization's editors resubmit.
ORGANIZATION_ROLES = {"office": {"support_office", "admin"}, "editor": {"member"}}

# What each service does beside the state (times, who, the decisions a publication applies),
# so a move performed here leaves the thing as the page would.
ON_CHANGE = {
    ("call", "publish"): call_services._apply_move,
    ("call", "close"): call_services._apply_move,
    ("call_question", "answer"): _write_answer,
    ("review_round", "publish"): review_services._apply_publication,
    ("organization", "verify"): organization_services._apply_decision,
    ("organization", "reject"): organization_services._apply_decision,
}

CASES = [
    pytest.param(workflow, make, allowed, extra, t, id=f"{workflow.name}-{t.source}-{t.action}")
    for workflow, make, allowed, extra in TABLES
    for t in workflow.transitions
]


@pytest.mark.parametrize("persona_name", SIGNED_IN)
@pytest.mark.parametrize(("workflow", "make", "allowed", "extra", "transition"), CASES)
def test_each_move_for_each_persona(
    workflow, make, allowed, extra, transition, persona_name, users
):
    thing = make(users, transition.source)
    actor = users[persona_name]
    holders = (
        allowed
        if allowed is not None
        else set().union(*(ORGANIZATION_ROLES[role] for role in transition.actors))
    )
    audit = workflow.audit_model.objects.filter(**{workflow.subject_field: thing})
    if persona_name in holders:
        workflow.perform(
            thing,
            action=transition.action,
            actor=actor,
            comment="理由です",
            on_change=ON_CHANGE.get((workflow.name, transition.action)),
            **extra,
        )
        thing.refresh_from_db()
        assert thing.status == transition.target
        row = audit.get()
        assert (row.actor, row.action, row.from_status, row.to_status) == (
            actor,
            transition.action,
            transition.source,
            transition.target,
        )
        assert row.is_public == transition.is_public
    else:
        with pytest.raises(PermissionDenied):
            workflow.perform(
                thing, action=transition.action, actor=actor, comment="理由です", **extra
            )
        thing.refresh_from_db()
        assert thing.status == transition.source
        assert not audit.exists()


@pytest.mark.parametrize(("workflow", "make", "allowed", "extra"), [t[:4] for t in TABLES])
def test_moves_not_in_a_table_are_refused_even_to_the_right_people(
    workflow, make, allowed, extra, users
):
    states = {
        CALL_WORKFLOW: Call.Status.values,
        QUESTION_WORKFLOW: CallQuestion.Status.values,
        ROUND_WORKFLOW: [ReviewRound.Status.PREPARING],  # a round past preparing is frozen
        ORGANIZATION_WORKFLOW: Organization.Status.values,
    }[workflow]
    actions = {t.action for t in workflow.transitions}
    for state in states:
        for action in actions:
            if workflow.transition_for(state, action) is not None:
                continue
            thing = make(users, state)
            for actor in (users["admin"], users["support_office"], users["city_staff"]):
                with pytest.raises(PermissionDenied):
                    workflow.perform(thing, action=action, actor=actor, comment="理由", **extra)
            thing.refresh_from_db()
            assert thing.status == state
