"""Fixtures shared by the lifecycle tests."""

import datetime

import pytest

from proposals.proposals import services
from tests.factories import CallFactory, ProposalFactory, decide_through_review


@pytest.fixture
def adopted(users, organization):
    """A proposal of the member's organization, answered to a 30-day call, adopted with a public record."""
    department = users["city_staff"].department
    call = CallFactory(department=department)
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        origin="call",
        call=call,
        department=department,
        period_start=datetime.date(2027, 4, 1),
        period_end=datetime.date(2028, 3, 31),
    )
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    for action in ("screen", "to_open_review"):
        services.proposal_transition(proposal=proposal, action=action, actor=users["city_staff"])
    decide_through_review(proposal, staff=users["city_staff"], reason="効果が大きい")
    return proposal
