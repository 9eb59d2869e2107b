"""The front page's latest proposals: read in the order of their index, newest first."""

import pytest
from django.utils import timezone

from proposals.proposals.selectors import recent_public_proposals
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def test_latest_submitted_first_and_ties_by_newest_row():
    now = timezone.now()
    older = ProposalFactory(submitted_at=now - timezone.timedelta(days=1), status="submitted")
    first = ProposalFactory(submitted_at=now, status="submitted")
    second = ProposalFactory(submitted_at=now, status="submitted")
    ProposalFactory(submitted_at=None)  # a draft is never shown
    assert list(recent_public_proposals()) == [second, first, older]


def test_one_query_with_the_proposer(django_assert_num_queries):
    ProposalFactory.create_batch(3, submitted_at=timezone.now(), status="submitted")
    with django_assert_num_queries(1):
        names = [p.proposer_name for p in recent_public_proposals()]
    assert len(names) == 3
