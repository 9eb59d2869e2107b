"""Page-level reads of organizations: the directory, an organization's pages, its members and
invitations, the office's verification, and a person's organizations for マイページ."""

from django.db.models import Count, Prefetch, QuerySet

from .models import (
    Department,
    Invitation,
    Membership,
    Organization,
    OrganizationChange,
    OrganizationStatusChange,
    User,
)


def memberships_of(user: User) -> QuerySet[Membership]:
    """A person's memberships with their organization (マイページ)."""
    return Membership.objects.filter(user=user).select_related("organization")


def open_invitations_for(user: User) -> list[Invitation]:
    """Invitations to the user's address not yet accepted and not expired."""
    invitations = Invitation.objects.filter(
        email__iexact=user.email, accepted_at__isnull=True
    ).select_related("organization")
    return [invitation for invitation in invitations if not invitation.is_expired]


def verification_work(user: User) -> dict | None:
    """What waits for the support office's confirmation; None for whoever does not verify."""
    if not user.has_perm("organizations.verify_organization"):
        return None
    return {
        "pending_count": Organization.objects.filter(status=Organization.Status.PENDING).count(),
        "pending_change_count": OrganizationChange.objects.pending().count(),
    }


# --- The directory and an organization's pages ----------------------------------------


def recent_public_organizations(limit: int = 6) -> QuerySet[Organization]:
    """The latest listed organizations (the front page)."""
    return Organization.objects.public().order_by("-created_at")[:limit]


def public_organization_count() -> int:
    """How many organizations the directory lists (the front page)."""
    return Organization.objects.public().count()


def visible_organizations_for_page(user: User) -> QuerySet[Organization]:
    """The organizations a user may see, with their fields, districts and member count."""
    return (
        Organization.objects.visible_to(user)
        .prefetch_related("fields", "districts")
        .annotate(member_total=Count("memberships", distinct=True))
    )


def latest_rejection_of(organization: Organization) -> OrganizationStatusChange | None:
    """The office's latest rejection of an organization, shown to its members."""
    return organization.status_changes.filter(action="reject").last()


def members_of(organization: Organization) -> QuerySet[Membership]:
    """An organization's memberships with each person, by role (the members page)."""
    return organization.memberships.select_related("user").order_by("role", "pk")


def pending_invitations_of(organization: Organization) -> QuerySet[Invitation]:
    """An organization's invitations not yet accepted, with who invited (the members page)."""
    return organization.invitations.filter(accepted_at__isnull=True).select_related("invited_by")


def invitations_with_organization() -> QuerySet[Invitation]:
    """Invitations with their organization (the page that accepts one, found by its token)."""
    return Invitation.objects.select_related("organization")


def active_departments() -> QuerySet[Department]:
    """The city's departments still in use (to assign proposals to)."""
    return Department.objects.filter(is_active=True)


# --- The support office's verification ------------------------------------------------


def registrations_for_review() -> QuerySet[Organization]:
    """Every organization, oldest registration first, with its registrant and fields."""
    return (
        Organization.objects.select_related("created_by")
        .prefetch_related(Prefetch("fields"))
        .order_by("created_at", "pk")
    )


def pending_changes() -> QuerySet[OrganizationChange]:
    """Identity changes waiting for the office, oldest first, with organization and requester."""
    return (
        OrganizationChange.objects.pending()
        .select_related("organization", "requested_by")
        .order_by("requested_at", "pk")
    )


def organizations_with_fields() -> QuerySet[Organization]:
    """Every organization with its fields and districts (the office's review of one)."""
    return Organization.objects.prefetch_related("fields", "districts")


def reviews_of(organization: Organization) -> QuerySet[OrganizationStatusChange]:
    """An organization's verification history with who decided, newest first (the office)."""
    return organization.status_changes.select_related("actor").order_by("-created_at", "-pk")


def decided_changes_of(organization: Organization) -> QuerySet[OrganizationChange]:
    """An organization's identity changes already accepted or rejected (the office's review)."""
    return organization.changes.exclude(status=OrganizationChange.Status.PENDING).select_related(
        "requested_by", "decided_by"
    )
