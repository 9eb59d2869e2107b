"""Actions on people and organizations. Views and commands call these; each is atomic."""

import secrets

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .mail import send_templated_mail
from .models import Invitation, Membership, Organization, OrganizationReview, User

EMAIL_CONFIRMATION_SALT = "organizations.email-confirmation"
EMAIL_CONFIRMATION_MAX_AGE = 3 * 24 * 3600


def email_confirmation_token(user: User) -> str:
    # The e-mail is signed with the id so a token stops working if the address changes.
    return signing.dumps({"u": user.pk, "e": user.email}, salt=EMAIL_CONFIRMATION_SALT)


def user_sign_up(*, email: str, full_name: str, full_name_kana: str, password: str) -> User:
    """Create an inactive account and send the link that confirms its e-mail address."""
    with transaction.atomic():
        user = User.objects.create_user(
            email=email,
            password=password,
            full_name=full_name,
            full_name_kana=full_name_kana,
            is_active=False,
        )
        token = email_confirmation_token(user)
        transaction.on_commit(
            lambda: send_templated_mail(
                "organizations/email/confirm_email",
                {"user": user, "token": token},
                to=[user.email],
            )
        )
    return user


def user_confirm_email(*, token: str) -> User:
    """Activate the account a confirmation token names; raises ValidationError if it is bad."""
    try:
        data = signing.loads(
            token, salt=EMAIL_CONFIRMATION_SALT, max_age=EMAIL_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as exc:
        raise ValidationError(
            _("確認リンクの有効期限が切れています。もう一度登録してください。")
        ) from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("確認リンクが正しくありません。")) from exc
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=data["u"], email=data["e"]).first()
        if user is None:
            raise ValidationError(_("確認リンクが正しくありません。"))
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
    return user


def organization_register(*, user: User, form) -> Organization:
    """Save a new organization (private until verified) with its registrant as representative."""
    if not user.has_perm("organizations.register_organization"):
        raise PermissionDenied
    with transaction.atomic():
        organization = form.save(commit=False)
        organization.created_by = user
        organization.status = Organization.Status.PENDING
        organization.save()
        form.save_m2m()
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


def organization_update(*, user: User, form) -> Organization:
    """Save an organization's profile; a rejected one goes back to the office's queue."""
    organization = form.instance
    if not user.has_perm("organizations.edit_organization", organization):
        raise PermissionDenied
    with transaction.atomic():
        # Lock the row so a concurrent verification cannot be overwritten by this save.
        current = Organization.objects.select_for_update().get(pk=organization.pk)
        organization = form.save(commit=False)
        organization.status = (
            Organization.Status.PENDING
            if current.status == Organization.Status.REJECTED
            else current.status
        )
        organization.save()
        form.save_m2m()
    return organization


def _decide(
    *, organization: Organization, reviewer: User, decision: str, reason: str
) -> Organization:
    if not reviewer.has_perm("organizations.verify_organization"):
        raise PermissionDenied
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=organization.pk)
        if organization.status != Organization.Status.PENDING:
            raise ValidationError(_("この団体はすでに確認済みか差し戻し済みです。"))
        organization.status = decision
        organization.save(update_fields=["status", "updated_at"])
        review = OrganizationReview(
            organization=organization, decision=decision, reason=reason, reviewer=reviewer
        )
        review.full_clean()
        review.save()
        recipients = list(
            organization.memberships.filter(role=Membership.Role.REPRESENTATIVE).values_list(
                "user__email", flat=True
            )
        )
        transaction.on_commit(
            lambda: send_templated_mail(
                "organizations/email/organization_decided",
                {"organization": organization, "review": review},
                to=recipients,
            )
        )
    return organization


def organization_verify(*, organization: Organization, reviewer: User) -> Organization:
    """Verify a registration: the organization becomes public (if it chose to be listed)."""
    return _decide(
        organization=organization,
        reviewer=reviewer,
        decision=Organization.Status.VERIFIED,
        reason="",
    )


def organization_reject(*, organization: Organization, reviewer: User, reason: str) -> Organization:
    """Return a registration to its members with the reason, so they can correct it."""
    if not reason.strip():
        raise ValidationError({"reason": _("差し戻しの理由を入力してください。")})
    return _decide(
        organization=organization,
        reviewer=reviewer,
        decision=Organization.Status.REJECTED,
        reason=reason.strip(),
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
