"""Who may do what in the talent bank: named predicates (organizations/permissions.py vocabulary).

Who sees which field of an entry is not a yes/no: `levels_for(user)` gives the consent levels
a person reaches, and the selectors keep only the fields consented at those levels.
"""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.models import Membership, Organization
from organizations.permissions import is_authenticated, is_support_staff, predicate

from .models import Consent


@predicate(_("確認済みの団体のメンバーだけが行えます。"))
def is_verified_org_member(user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organization__status=Organization.Status.VERIFIED
        ).exists()
    )


@predicate(_("ご自身の登録ではありません。"))
def owns_entry(user, entry) -> bool:
    return user.is_authenticated and entry is not None and entry.user_id == user.pk


searches_talent = (is_verified_org_member | is_support_staff).because(
    _("人材バンクを検索できるのは、確認済みの団体のメンバーと支援室スタッフです。"),
    name="searches_talent",
)


def levels_for(user) -> frozenset[str]:
    """The consent levels `user` reaches: public for all, verified for verified organizations'
    members, office for the support office."""
    if user is None or not user.is_authenticated:
        return frozenset({Consent.PUBLIC})
    if is_support_staff(user):
        return frozenset({Consent.PUBLIC, Consent.VERIFIED, Consent.OFFICE})
    if is_verified_org_member(user):
        return frozenset({Consent.PUBLIC, Consent.VERIFIED})
    return frozenset({Consent.PUBLIC})


rules.add_perm("talent.register", is_authenticated)
rules.add_perm("talent.search", searches_talent)
rules.add_perm("talent.contact", searches_talent)
rules.add_perm("talent.review", is_support_staff)
rules.add_perm("talent.manage_own", owns_entry)
