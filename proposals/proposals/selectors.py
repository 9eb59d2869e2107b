"""Page-level reads of proposals."""

from django.db.models import QuerySet

from organizations.models import User
from proposals.proposals.models import Proposal


def proposals_of(user: User, *, limit: int = 5) -> QuerySet[Proposal]:
    """The proposals a person made or may edit for their organization, latest first (マイページ)."""
    return Proposal.objects.of_proposer(user).distinct().order_by("-updated_at")[:limit]
