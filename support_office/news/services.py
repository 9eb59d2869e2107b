"""Writes of the news: posts, their moves, subscriptions and the monthly newsletter."""

import dataclasses
import datetime

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.notifications.mail import send_templated_mail
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.values import save_values
from organizations.models import Membership, Organization, User
from organizations.permissions import require

from . import newsletter as letters
from .models import Newsletter, Post, Subscriber
from .workflow import POST_WORKFLOW


@dataclasses.dataclass(frozen=True)
class PostValues:
    title: str
    category: str
    body: str
    organization: Organization | None = None  # None: the office's own post


def _may_post_for(user, organization: Organization | None) -> bool:
    if organization is None:
        return user.is_support_staff or user.is_superuser
    return Membership.objects.filter(
        user=user,
        organization=organization,
        role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        organization__status=Organization.Status.VERIFIED,
    ).exists()


@transaction.atomic
def post_save(*, user, values: PostValues, post: Post | None = None) -> Post:
    """Write a new post (a draft) or change one its writers may still change."""
    if post is None:
        require(user, "news.create_post")
        if not _may_post_for(user, values.organization):
            raise ValidationError(
                {
                    "organization": _(
                        "この団体の代表者・編集者として投稿できる団体を選んでください。"
                    )
                }
            )
        post = Post(author=user, organization=values.organization)
    else:
        require(user, "news.edit_post", post)
        if post.organization_id is not None and post.status in (
            Post.Status.SUBMITTED,
            Post.Status.PUBLISHED,
        ):
            raise PermissionDenied(
                _("支援室に提出したお知らせは変更できません。差し戻されたら直せます。")
            )
        values = dataclasses.replace(values, organization=post.organization)
    return save_values(post, values)


def _set_state(post, entry, transition, context) -> None:
    changes = {"status": transition.target}
    if transition.target == Post.Status.PUBLISHED:
        changes["published_at"] = context.now
    Post.objects.filter(pk=post.pk).update(**changes, updated_at=context.now)
    _tell(post, entry)


def _tell(post: Post, entry) -> None:
    """A submitted post: the office is told; a decision on it: the organization's writers."""
    if post.organization_id is None:
        return
    if entry.to_status == Post.Status.SUBMITTED:
        people = User.objects.filter(is_support_staff=True, is_active=True)
        message = _("「%(name)s」からお知らせの確認の依頼がありました：%(title)s")
    else:
        people = [
            m.user
            for m in post.organization.memberships.filter(
                role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR]
            ).select_related("user")
        ]
        message = (
            _("「%(name)s」のお知らせが公開されました：%(title)s")
            if entry.to_status == Post.Status.PUBLISHED
            else _("「%(name)s」のお知らせが差し戻されました：%(title)s")
        )
    notify(
        people,
        message=message % {"name": post.organization.name, "title": post.title},
        url=post.get_absolute_url(),
        email_template="support_office/news/email/post_moved",
        context={"post": post, "change": entry},
    )


def post_transition(*, post: Post, action: str, actor, comment: str = "") -> Post:
    """Move a post along its table (submit, publish, return, withdraw)."""
    return POST_WORKFLOW.perform(
        post, action=action, actor=actor, comment=comment, on_change=_set_state
    )


# --- Subscriptions: opt-in with a confirmation, a signed link to leave ---------------------

SALT = "support_office.news.subscription"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 3  # a confirmation link works for three days
CONFIRMATIONS_PER_HOUR = 3


def token_for(email: str, purpose: str) -> str:
    return signing.dumps({"email": email, "purpose": purpose}, salt=SALT, compress=True)


def email_from(token: str, purpose: str, *, max_age: int | None = None) -> str:
    """The address a signed link names, or ValidationError when forged, expired or misused."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise ValidationError(
            _("リンクの有効期限が切れています。もう一度登録してください。")
        ) from None
    except signing.BadSignature:
        raise ValidationError(_("リンクが正しくありません。")) from None
    if data.get("purpose") != purpose:
        raise ValidationError(_("リンクが正しくありません。"))
    return data["email"]


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def subscription_request(*, email: str) -> None:
    """Ask the address to confirm; nothing is sent to it until it does (opt-in).

    The same answer whether or not it is already subscribed: the page tells no one who reads it.
    """
    email = email.strip().lower()
    Subscriber.objects.get_or_create(email=email)
    # At most a few confirmation mails an hour per address: the form cannot flood an inbox.
    key = f"newsletter-confirm:{email}"
    cache.add(key, 0, 60 * 60)
    if cache.incr(key) > CONFIRMATIONS_PER_HOUR:
        return
    url = absolute(
        reverse("support_office:news:subscribe_confirm", args=[token_for(email, "confirm")])
    )
    transaction.on_commit(
        lambda: send_templated_mail(
            "support_office/news/email/confirm", {"confirm_url": url}, to=[email]
        )
    )


def subscription_confirm(*, token: str) -> Subscriber:
    email = email_from(token, "confirm", max_age=CONFIRM_MAX_AGE)
    subscriber, _created = Subscriber.objects.get_or_create(email=email)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        confirmed_at=subscriber.confirmed_at or timezone.now(), unsubscribed_at=None
    )
    subscriber.refresh_from_db()
    return subscriber


def subscription_cancel(*, token: str) -> None:
    """Stop the newsletter for the address of the link (a second click changes nothing)."""
    email = email_from(token, "unsubscribe")
    Subscriber.objects.filter(email=email, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )


# --- The monthly newsletter ------------------------------------------------------------------


def newsletter_send(*, month: datetime.date, user) -> Newsletter:
    """Send the month's newsletter to every confirmed subscriber: one queued mail each, each with
    its own unsubscribe link. A month is sent once."""
    require(user, "news.send_newsletter")
    month = month.replace(day=1)
    letter = letters.build(month)
    recipients = list(Subscriber.objects.receiving().values_list("email", flat=True))
    try:
        with transaction.atomic():
            sent = Newsletter.objects.create(
                month=month,
                subject=letter.subject,
                body=letters.text_of(letter, unsubscribe_url=""),
                sent_by=user,
                recipient_count=len(recipients),
            )
            for email in recipients:
                url = absolute(
                    reverse(
                        "support_office:news:unsubscribe", args=[token_for(email, "unsubscribe")]
                    )
                )
                context = letters.context_of(letter, unsubscribe_url=url)
                transaction.on_commit(
                    lambda context=context, email=email: send_templated_mail(
                        "support_office/news/email/newsletter", context, to=[email]
                    )
                )
    except IntegrityError:
        raise ValidationError(_("この月のメールマガジンはすでに送信しました。")) from None
    return sent
