"""Who may do what with people and organizations: named predicates (django-rules).

Views check these names; templates get booleans from the views.
"""

import rules

from .models import Membership


@rules.predicate
def is_support_staff(user) -> bool:
    return user.is_authenticated and (user.is_support_staff or user.is_superuser)


@rules.predicate
def is_city_staff(user) -> bool:
    return user.is_authenticated and (user.is_city_staff or user.is_superuser)


@rules.predicate
def is_reviewer(user) -> bool:
    return user.is_authenticated and user.is_reviewer


is_office_or_city_staff = is_support_staff | is_city_staff


@rules.predicate
def is_org_member(user, organization) -> bool:
    if not user.is_authenticated or organization is None:
        return False
    return Membership.objects.filter(user=user, organization=organization).exists()


@rules.predicate
def is_org_editor(user, organization) -> bool:
    if not user.is_authenticated or organization is None:
        return False
    return Membership.objects.filter(
        user=user,
        organization=organization,
        role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
    ).exists()


rules.add_perm("organizations.use_mypage", rules.is_authenticated)
rules.add_perm("organizations.register_organization", rules.is_authenticated)
rules.add_perm("organizations.edit_organization", is_org_editor)
rules.add_perm("organizations.view_members", is_org_member | is_support_staff)
rules.add_perm("organizations.invite_member", is_org_editor)
rules.add_perm("organizations.verify_organization", is_support_staff)
