"""Reads for マイページ: a person's organizations, invitations and the office's verification work."""

from django.db.models import QuerySet

from .models import Invitation, Membership, Organization, OrganizationChange, User


def memberships_of(user: User) -> QuerySet[Membership]:
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
