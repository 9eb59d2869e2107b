"""Page-level reads of proposals."""

from django.db.models import QuerySet

from organizations.models import User
from proposals.proposals.models import ConsultationMessage, Proposal


def _of_proposer_latest_first(user: User) -> QuerySet[Proposal]:
    return Proposal.objects.of_proposer(user).distinct().order_by("-updated_at")


def proposals_of(user: User, *, limit: int = 5) -> QuerySet[Proposal]:
    """The proposals a person made or may edit for their organization, latest first (マイページ)."""
    return _of_proposer_latest_first(user)[:limit]


def my_proposals(user: User) -> QuerySet[Proposal]:
    """Every proposal a person made or may edit, latest first, with who proposed it (their list)."""
    return _of_proposer_latest_first(user).for_listing()


def public_proposals() -> QuerySet[Proposal]:
    """Submitted proposals, latest submission first, for the public list."""
    return Proposal.objects.public().for_listing().order_by("-submitted_at", "-pk")


def recent_public_proposals(limit: int = 5) -> QuerySet[Proposal]:
    """The latest submitted proposals with their proposer (the front page)."""
    return (
        Proposal.objects.public()
        .select_related("organization", "proposer")
        .order_by("-submitted_at")[:limit]
    )


def visible_proposals_with_call(user: User) -> QuerySet[Proposal]:
    """The proposals a user may see, with their call (the pages that act on one)."""
    return Proposal.objects.visible_to(user).select_related("call")


def visible_proposals_for_page(user: User) -> QuerySet[Proposal]:
    """The proposals a user may see, with everything a proposal's page shows of them."""
    return Proposal.objects.visible_to(user).for_listing().prefetch_related("role_shares")


def consultation_messages_of(proposal: Proposal) -> QuerySet[ConsultationMessage]:
    """A proposal's consultation with each message's author (the parties' private part)."""
    return proposal.consultation_messages.select_related("author")


def handled_proposals() -> QuerySet[Proposal]:
    """Every proposal but drafts: what city staff and the support office handle."""
    return Proposal.objects.exclude(status=Proposal.Status.DRAFT)


def work_queue(user: User, *, every_department: bool) -> QuerySet[Proposal]:
    """Handled proposals, latest change first: every one, or those of the user's department."""
    queryset = handled_proposals()
    if not every_department:
        queryset = queryset.in_department(user.department_id)
    return queryset.for_listing().select_related("call__department").order_by("-updated_at", "-pk")


def public_proposals_of_organization(organization) -> QuerySet[Proposal]:
    """An organization's submitted proposals, latest first (its public page; drafts stay private)."""
    return (
        Proposal.objects.public()
        .filter(organization=organization)
        .only("pk", "title", "status", "submitted_at", "organization_id")
        .order_by("-submitted_at", "-pk")
    )
