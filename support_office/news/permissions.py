"""Who may write, review and read news posts (named predicates on organizations' vocabulary)."""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.models import Membership, Organization
from organizations.permissions import is_authenticated, is_support_staff, predicate


@predicate(_("確認済みの団体の代表者または編集者だけが投稿できます。"))
def edits_a_verified_organization(user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user,
            role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
            organization__status=Organization.Status.VERIFIED,
        ).exists()
    )


@predicate(_("このお知らせを書いた団体の代表者・編集者、または支援室だけが行えます。"))
def writes_post(user, post) -> bool:
    if not user.is_authenticated or post is None:
        return False
    if post.organization_id is None:
        return user.is_support_staff or user.is_superuser
    return Membership.objects.filter(
        user=user,
        organization_id=post.organization_id,
        role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
    ).exists()


may_post = (is_support_staff | edits_a_verified_organization).because(
    _("支援室スタッフ、または確認済みの団体の代表者・編集者だけが投稿できます。"), name="may_post"
)

rules.add_perm("news.create_post", may_post)
rules.add_perm("news.edit_post", writes_post)
rules.add_perm("news.view_post_draft", writes_post | is_support_staff)
rules.add_perm("news.review_posts", is_support_staff)
rules.add_perm("news.send_newsletter", is_support_staff)
rules.add_perm("news.list_own_posts", is_authenticated)
