"""The news post's workflow table.

The office publishes its own posts. An organization's post is submitted by its editors and
published by the office after reading it, or returned with the reason; the office may take a
published post down again (back to 差し戻し, with the reason, so its writers can fix it).
"""

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Guard, Transition, Workflow, moves
from organizations.permissions import is_support_staff

from .models import Post, PostStatusChange
from .permissions import writes_post

OFFICE_AUTHOR = "office_author"  # office staff, on the office's own posts
ORG_WRITER = "org_writer"  # an organization's representative or editors, on its posts
REVIEWER = "reviewer"  # office staff, on organizations' posts
S = Post.Status


def _office_author(user, post) -> bool:
    return post.organization_id is None and is_support_staff.test(user)


def _org_writer(user, post) -> bool:
    return post.organization_id is not None and writes_post.test(user, post)


def _reviewer(user, post) -> bool:
    return post.organization_id is not None and is_support_staff.test(user)


def _organization_verified(post, context) -> list[str]:
    if post.organization is not None and not post.organization.is_verified:
        return [gettext_now("団体が支援室の確認を受けてから提出してください。")]
    return []


ORGANIZATION_VERIFIED = Guard("organization_verified", _organization_verified)

TRANSITIONS: list[Transition] = [
    *moves("publish", [S.DRAFT], S.PUBLISHED, {OFFICE_AUTHOR}, _("公開する"), _("公開しました")),
    *moves(
        "submit",
        [S.DRAFT, S.RETURNED],
        S.SUBMITTED,
        {ORG_WRITER},
        _("支援室に提出する"),
        guards=(ORGANIZATION_VERIFIED,),
    ),
    *moves(
        "publish", [S.SUBMITTED], S.PUBLISHED, {REVIEWER}, _("確認して公開する"), _("公開しました")
    ),
    *moves(
        "return",
        [S.SUBMITTED],
        S.RETURNED,
        {REVIEWER},
        _("差し戻す"),
        comment_required=True,
        style="secondary",
    ),
    *moves(
        "withdraw",
        [S.PUBLISHED],
        S.RETURNED,
        {REVIEWER},
        _("公開をやめて差し戻す"),
        comment_required=True,
        style="secondary",
    ),
    *moves(
        "unpublish",
        [S.PUBLISHED],
        S.DRAFT,
        {OFFICE_AUTHOR},
        _("公開をやめて下書きに戻す"),
        style="secondary",
    ),
]


POST_WORKFLOW = Workflow(
    name="post",
    transitions=TRANSITIONS,
    roles={OFFICE_AUTHOR: _office_author, ORG_WRITER: _org_writer, REVIEWER: _reviewer},
    audit_model=PostStatusChange,
    subject_field="post",
)
