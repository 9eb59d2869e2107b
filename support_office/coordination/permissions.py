"""Who may do what on the coordination board: named predicates (organizations/permissions.py)."""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.permissions import is_authenticated, is_support_staff, predicate

from .models import CoordinationRequest


@predicate(_("この依頼の投稿者ではありません。"))
def is_poster(user, request) -> bool:
    return user.is_authenticated and request is not None and request.poster_id == user.pk


@predicate(_("下書きの依頼だけが編集できます。"))
def is_draft(user, request) -> bool:
    return request is not None and request.status == CoordinationRequest.Status.DRAFT


@predicate(_("募集中の依頼にだけ応答できます。"))
def is_open(user, request) -> bool:
    return request is not None and request.status == CoordinationRequest.Status.PUBLISHED


sees_responses = (is_poster | is_support_staff).because(
    _("応答を見られるのは、依頼の投稿者と支援室スタッフです。"), name="sees_responses"
)
may_respond = (is_authenticated & is_open & ~is_poster).because(
    _("ご自身の依頼には応答できません。募集中の依頼にだけ応答できます。"), name="may_respond"
)

rules.add_perm("coordination.post_request", is_authenticated)
rules.add_perm("coordination.edit_request", (is_poster & is_draft) | is_support_staff)
rules.add_perm("coordination.view_responses", sees_responses)
rules.add_perm("coordination.respond", may_respond)
rules.add_perm("coordination.manage", is_support_staff)
