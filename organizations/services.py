"""Actions on people and organizations. Views and commands call these; each is atomic."""

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.notifications.mail import send_templated_mail
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.values import save_values

from .models import (
    ActivityField,
    District,
    Invitation,
    Membership,
    Organization,
    OrganizationChange,
    User,
)
from .workflow import ORGANIZATION_WORKFLOW

EMAIL_CONFIRMATION_SALT = "organizations.email-confirmation"
EMAIL_CONFIRMATION_MAX_AGE = 3 * 24 * 3600
# Account mails per address per hour: enough for "it did not come, send it again" twice,
# too few to flood an inbox through the form.
ACCOUNT_MAILS_PER_HOUR = 3


def email_confirmation_token(user: User) -> str:
    # The e-mail is signed with the id so a token stops working if the address changes.
    return signing.dumps({"u": user.pk, "e": user.email}, salt=EMAIL_CONFIRMATION_SALT)


def user_sign_up(*, email: str, full_name: str, full_name_kana: str) -> None:
    """Start a registration; the same answer whether or not the address is known.

    The owner of the inbox finishes it: the mailed link sets the password, so a stranger who
    signs up with someone else's address owns nothing. A free address gets an unconfirmed
    account; an unconfirmed one is taken over (new names, a new link); a confirmed one is told
    that it already has an account.
    """
    email = email.strip().lower()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=None,  # unusable until the inbox's owner sets one
                full_name=full_name,
                full_name_kana=full_name_kana,
                is_active=False,
            )
        elif user.is_awaiting_confirmation:
            user.full_name, user.full_name_kana = full_name, full_name_kana
            user.save(update_fields=["full_name", "full_name_kana"])
        _mail_the_inbox(user)


def confirmation_resend(*, email: str, only_unconfirmed: bool = False) -> None:
    """Send the confirmation link again (or say the account exists); silent for unknown addresses."""
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is not None and (user.is_awaiting_confirmation or not only_unconfirmed):
        with transaction.atomic():
            _mail_the_inbox(user)


def _mail_the_inbox(user: User) -> None:
    """The link that finishes a registration, or the note that the account already exists.

    At most ACCOUNT_MAILS_PER_HOUR per address, so the form cannot be used to flood an inbox.
    """
    key = f"account-mail:{user.email}"
    cache.add(key, 0, 60 * 60)
    if cache.incr(key) > ACCOUNT_MAILS_PER_HOUR:
        return
    if user.is_awaiting_confirmation:
        template, context = (
            "organizations/email/confirm_email",
            {"user": user, "token": email_confirmation_token(user)},
        )
    else:
        template, context = "organizations/email/already_registered", {"user": user}
    transaction.on_commit(lambda: send_templated_mail(template, context, to=[user.email]))


def unconfirmed_user(*, token: str) -> User:
    """The unconfirmed account a confirmation token names; ValidationError if it names none."""
    try:
        data = signing.loads(
            token, salt=EMAIL_CONFIRMATION_SALT, max_age=EMAIL_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as exc:
        raise ValidationError(
            _(
                "確認リンクの有効期限が切れています。新規登録の画面から、もう一度確認メールを受け取ってください。"
            )
        ) from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("確認リンクが正しくありません。")) from exc
    user = User.objects.filter(pk=data["u"], email=data["e"]).first()
    if user is None:
        raise ValidationError(_("確認リンクが正しくありません。"))
    if not user.is_awaiting_confirmation:
        raise ValidationError(_("このメールアドレスは確認済みです。ログインしてください。"))
    return user


def user_confirm_email(*, token: str, password: str) -> User:
    """Finish a registration: the inbox's owner sets the password and the account opens."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=unconfirmed_user(token=token).pk)
        if not user.is_awaiting_confirmation:  # confirmed meanwhile in another tab
            raise ValidationError(_("このメールアドレスは確認済みです。ログインしてください。"))
        password_validation.validate_password(password, user)
        user.set_password(password)
        user.is_active, user.email_confirmed_at = True, timezone.now()
        user.save(update_fields=["password", "is_active", "email_confirmed_at"])
    return user


def unconfirmed_accounts_expire(*, now=None) -> int:
    """Remove registrations never confirmed within the link's lifetime; their addresses are free."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=EMAIL_CONFIRMATION_MAX_AGE)
    stale = User.objects.filter(
        is_active=False, email_confirmed_at__isnull=True, date_joined__lt=cutoff
    )
    count = stale.count()
    stale.delete()
    return count


@dataclass(frozen=True)
class OrganizationValues:
    """An organization's profile as its members write it (the status is the office's)."""

    kind: str
    name: str
    name_kana: str
    representative_name: str
    purpose: str
    activities: str
    founded_on: datetime.date | None = None
    member_count: int | None = None
    fields: tuple[ActivityField, ...] = ()
    districts: tuple[District, ...] = ()
    address: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    is_public: bool = True


def organization_register(*, user: User, values: OrganizationValues) -> Organization:
    """Save a new organization (private until verified) with its registrant as representative."""
    if not user.has_perm("organizations.register_organization"):
        raise PermissionDenied
    with transaction.atomic():
        organization = save_values(
            Organization(), values, created_by=user, status=Organization.Status.PENDING
        )
        Membership.objects.create(
            user=user, organization=organization, role=Membership.Role.REPRESENTATIVE
        )
        office = list(
            User.objects.filter(is_support_staff=True, is_active=True).values_list(
                "email", flat=True
            )
        )
        if office:
            transaction.on_commit(
                lambda: send_templated_mail(
                    "organizations/email/organization_registered",
                    {"organization": organization},
                    to=office,
                )
            )
    return organization


def organization_update(
    *,
    organization: Organization,
    user: User,
    values: OrganizationValues,
    lock_version: int | None,
) -> Organization:
    """Save an organization's profile; refuse if someone saved it since `lock_version`.

    A rejected organization goes back to the office's queue. A verified one keeps its public
    identity (name, reading, kind, representative, website) until the office accepts the
    change; the other fields save directly.
    """
    with transaction.atomic():
        # The lock also keeps a concurrent verification from being overwritten by this save.
        current = lock_for_edit(organization, lock_version=lock_version)
        if not user.has_perm("organizations.edit_organization", current):
            raise PermissionDenied
        if current.status == Organization.Status.VERIFIED:
            asked = {name: getattr(values, name) for name in OrganizationChange.IDENTITY_FIELDS}
            _ask_identity_change(organization=current, user=user, asked=asked)
            save_values(current, values, skip=OrganizationChange.IDENTITY_FIELDS)
        else:
            save_values(current, values)
        if current.status == Organization.Status.REJECTED:
            # Corrected: back to the office's queue, recorded like every move.
            ORGANIZATION_WORKFLOW.perform(current, action="resubmit", actor=user)
    return current


def _ask_identity_change(*, organization: Organization, user: User, asked: dict) -> None:
    """Make `asked` the one pending change of a verified organization's public identity.

    A pending change asked differently is withdrawn (kept, marked so); asking for the
    verified values again withdraws it and asks nothing.
    """
    changed = {name: value for name, value in asked.items() if value != getattr(organization, name)}
    pending = organization.changes.pending().select_for_update().first()
    if pending is not None:
        if pending.proposed == changed:
            return
        pending.status, pending.decided_at = OrganizationChange.Status.WITHDRAWN, timezone.now()
        pending.save(update_fields=["status", "decided_at"])
    if not changed:
        return
    change = OrganizationChange.objects.create(
        organization=organization,
        proposed=changed,
        previous={name: getattr(organization, name) for name in changed},
        requested_by=user,
    )
    notify(
        User.objects.filter(is_support_staff=True, is_active=True),
        message=_("「%(name)s」から、団体名などの公開情報の変更の申請がありました。")
        % {"name": organization.name},
        url=reverse("organizations:review", args=[organization.pk]),
        email_template="organizations/email/organization_change_requested",
        context={"organization": organization, "change": change},
    )


def _locked_pending_change(change: OrganizationChange) -> OrganizationChange:
    change = OrganizationChange.objects.select_for_update().get(pk=change.pk)
    if change.status != OrganizationChange.Status.PENDING:
        raise ValidationError(
            _(
                "この変更の申請は、すでに確認済みか、取り下げられたか、新しい申請に置き換えられました。"
                "最新の申請を確かめてください。"
            )
        )
    return change


def _tell_members_of_change(organization: Organization, change: OrganizationChange) -> None:
    accepted = change.status == OrganizationChange.Status.ACCEPTED
    notify(
        [
            m.user
            for m in organization.memberships.filter(
                role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR]
            ).select_related("user")
        ],
        message=(
            _("「%(name)s」の公開情報の変更が、支援室の確認を経て反映されました。")
            if accepted
            else _("「%(name)s」の公開情報の変更が、支援室から差し戻されました。")
        )
        % {"name": organization.name},
        url=organization.get_absolute_url(),
        email_template="organizations/email/organization_change_decided",
        context={"organization": organization, "change": change},
    )


def organization_change_accept(*, change: OrganizationChange, reviewer: User) -> OrganizationChange:
    """Make a pending change of a verified organization's public identity public."""
    if not reviewer.has_perm("organizations.verify_organization"):
        raise PermissionDenied
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=change.organization_id)
        change = _locked_pending_change(change)
        # What is replaced now, for the record (the admin may have edited it since the request).
        change.previous = {name: getattr(organization, name) for name in change.proposed}
        for name, value in change.proposed.items():
            setattr(organization, name, value)
        organization.save()
        change.status = OrganizationChange.Status.ACCEPTED
        change.decided_by, change.decided_at = reviewer, timezone.now()
        change.save()
        _tell_members_of_change(organization, change)
    return change


def organization_change_reject(
    *, change: OrganizationChange, reviewer: User, reason: str
) -> OrganizationChange:
    """Keep the verified values and tell the members why the change was not accepted."""
    if not reviewer.has_perm("organizations.verify_organization"):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("差し戻しの理由を入力してください。")})
    with transaction.atomic():
        change = _locked_pending_change(change)
        change.status, change.reason = OrganizationChange.Status.REJECTED, reason.strip()
        change.decided_by, change.decided_at = reviewer, timezone.now()
        change.full_clean()
        change.save()
        _tell_members_of_change(change.organization, change)
    return change


def _decide(
    *, organization: Organization, reviewer: User, action: str, reason: str
) -> Organization:
    return ORGANIZATION_WORKFLOW.perform(
        organization, action=action, actor=reviewer, comment=reason, on_change=_apply_decision
    )


def _apply_decision(organization: Organization, change, transition, context) -> None:
    Organization.objects.filter(pk=organization.pk).update(
        status=transition.target, updated_at=context.now
    )
    organization.refresh_from_db()
    recipients = list(
        organization.memberships.filter(role=Membership.Role.REPRESENTATIVE).values_list(
            "user__email", flat=True
        )
    )
    transaction.on_commit(
        lambda: send_templated_mail(
            "organizations/email/organization_decided",
            {"organization": organization, "change": change},
            to=recipients,
        )
    )


def organization_verify(*, organization: Organization, reviewer: User) -> Organization:
    """Verify a registration: the organization becomes public (if it chose to be listed)."""
    return _decide(organization=organization, reviewer=reviewer, action="verify", reason="")


def organization_reject(*, organization: Organization, reviewer: User, reason: str) -> Organization:
    """Return a registration to its members with the reason, so they can correct it."""
    if not reason.strip():
        raise ValidationError({"reason": _("差し戻しの理由を入力してください。")})
    return _decide(
        organization=organization, reviewer=reviewer, action="reject", reason=reason.strip()
    )


def membership_invite(
    *, organization: Organization, inviter: User, email: str, role: str
) -> Invitation:
    """Invite a person by e-mail to join an organization."""
    if not inviter.has_perm("organizations.invite_member", organization):
        raise PermissionDenied
    email = email.strip().lower()
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError({"email": _("この方はすでにこの団体のメンバーです。")})
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organization=organization,
            email=email,
            role=role,
            invited_by=inviter,
            token=secrets.token_urlsafe(32),
        )
        transaction.on_commit(
            lambda: send_templated_mail(
                "organizations/email/invitation",
                {"invitation": invitation},
                to=[email],
            )
        )
    return invitation


def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Join the organization an invitation is for; only the invited address may accept."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise ValidationError(_("この招待はすでに使われています。"))
        if invitation.is_expired:
            raise ValidationError(
                _("この招待の有効期限が切れています。団体に再度の招待を依頼してください。")
            )
        if invitation.email.lower() != user.email.lower():
            raise PermissionDenied
        membership, _created = Membership.objects.get_or_create(
            user=user, organization=invitation.organization, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership
