"""Who may do what: the portal's one permission vocabulary (django-rules).

Every predicate is named and says, in a short Japanese sentence, why it refuses
(`because`). A permission is a combination of predicates; `why_not(user, perm, obj)`
walks the combination and gives the reason of the part that refused, for the 403
page and for messages. Views, services and the workflow tables check these names;
templates get booleans from the views.

This module holds the actors (who a person is); each lifecycle app's
`permissions.py` adds the predicates relative to its own objects.
"""

from functools import update_wrapper

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from .models import Membership

DEFAULT_REASON = _("この操作を行う権限がありません。")


class Predicate(rules.Predicate):
    """A rules predicate that knows why it refuses; combinations remember their parts."""

    reason = ""
    op = ""
    parts: tuple = ()

    def _combined(self, op, other, combined):
        combined.op, combined.parts = op, (self, other)
        return combined

    def __and__(self, other):
        return self._combined("and", other, super().__and__(other))

    def __or__(self, other):
        return self._combined("or", other, super().__or__(other))

    def __invert__(self):
        inverted = super().__invert__()
        inverted.op, inverted.parts = "not", (self,)
        return inverted

    def because(self, reason, *, name: str | None = None) -> "Predicate":
        """The same test, refusing with `reason` (and a name, for a combination)."""
        named = type(self)(self, name or self.name)
        named.reason, named.op, named.parts = reason, self.op, self.parts
        return named


def predicate(reason):
    """Decorator: a named predicate that refuses with `reason`."""

    def wrap(fn):
        named = Predicate(fn)
        update_wrapper(named, fn)
        named.reason = reason
        return named

    return wrap


def _partly_held(pred, user, obj) -> bool:
    """Whether some condition of a combination that refuses did hold (the person came close)."""
    op, parts = getattr(pred, "op", ""), getattr(pred, "parts", ())
    if op == "and" and any(part.test(user, obj) for part in parts):
        return True
    return op in ("and", "or") and any(_partly_held(part, user, obj) for part in parts)


def refusal(pred, user, obj=None) -> str | None:
    """Why `pred` refuses `user` on `obj` (None when it allows)."""
    if pred.test(user, obj):
        return None
    if getattr(pred, "reason", ""):
        return str(pred.reason)
    op, parts = getattr(pred, "op", ""), getattr(pred, "parts", ())
    if op == "or":
        # Every part refused: the one the person came closest to says why (a reviewer of
        # the proposal who declared a conflict hears of the conflict, not that they are
        # not its proposer).
        parts = sorted(parts, key=lambda part: not _partly_held(part, user, obj))
    if op in ("and", "or"):
        for part in parts:  # AND: the first part that refuses
            reason = refusal(part, user, obj)
            if reason:
                return reason
    return None


def why_not(user, perm: str, obj=None) -> str | None:
    """The reason `user` may not `perm` on `obj`, or None when they may."""
    if user.has_perm(perm, obj):
        return None
    pred = rules.permissions.permissions.get(perm)
    return (refusal(pred, user, obj) if pred is not None else None) or str(DEFAULT_REASON)


def require(user, perm: str, obj=None) -> None:
    """Raise PermissionDenied, with the reason, unless `user` may `perm` on `obj`."""
    reason = why_not(user, perm, obj)
    if reason is not None:
        raise PermissionDenied(reason)


# --- Who a person is ------------------------------------------------------------------


@predicate(_("ログインしてください。"))
def is_authenticated(user) -> bool:
    return user.is_authenticated


@predicate(_("管理者だけが行えます。"))
def is_admin(user) -> bool:
    return user.is_authenticated and user.is_superuser


@predicate(_("支援室スタッフだけが行えます。"))
def is_support_staff(user) -> bool:
    return user.is_authenticated and (user.is_support_staff or user.is_superuser)


@predicate(_("支援室の責任者だけが行えます。"))
def is_support_lead(user) -> bool:
    return user.is_authenticated and (
        (user.is_support_staff and user.is_support_lead) or user.is_superuser
    )


@predicate(_("市職員だけが行えます。"))
def is_city_staff(user) -> bool:
    return user.is_authenticated and (user.is_city_staff or user.is_superuser)


@predicate(_("協働推進担当の職員だけが行えます。"))
def is_coordinator(user) -> bool:
    return user.is_authenticated and user.is_city_staff and user.is_collaboration_coordinator


@predicate(_("審査委員だけが行えます。"))
def is_reviewer(user) -> bool:
    return user.is_authenticated and user.is_reviewer


# Coordinators and administrators act on every department's work.
acts_citywide = (is_coordinator | is_admin).because(
    _("協働推進担当または管理者だけが行えます。"), name="acts_citywide"
)
is_office_or_city_staff = (is_support_staff | is_city_staff).because(
    _("市職員または支援室スタッフだけが行えます。"), name="is_office_or_city_staff"
)


@predicate(_("この団体のメンバーではありません。"))
def is_org_member(user, organization) -> bool:
    if not user.is_authenticated or organization is None:
        return False
    return Membership.objects.filter(user=user, organization=organization).exists()


@predicate(_("この団体の代表者または編集者ではありません。"))
def is_org_editor(user, organization) -> bool:
    if not user.is_authenticated or organization is None:
        return False
    return Membership.objects.filter(
        user=user,
        organization=organization,
        role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
    ).exists()


rules.add_perm("organizations.use_mypage", is_authenticated)
rules.add_perm("organizations.register_organization", is_authenticated)
rules.add_perm("organizations.edit_organization", is_org_editor)
rules.add_perm("organizations.view_members", is_org_member | is_support_staff)
rules.add_perm("organizations.invite_member", is_org_editor)
rules.add_perm("organizations.verify_organization", is_support_staff)
# Choosing any department (for a call, a round, a project), not only one's own.
rules.add_perm("organizations.act_citywide", acts_citywide)
# Seeing and clearing the login throttles (who is made to wait, from where).
rules.add_perm("organizations.manage_login_throttles", is_admin)
