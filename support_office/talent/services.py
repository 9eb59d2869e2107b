"""Writes of the talent bank: register, change, renew, delete, review, contact, expire."""

import dataclasses
import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.values import save_values
from organizations.permissions import require

from .models import CONSENT_FIELDS, Consent, ConsentChange, ContactMessage, TalentEntry, expiry_for
from .selectors import visible_entry
from .workflow import TALENT_WORKFLOW

SYSTEM_EMAIL = "system@portal.invalid"


@dataclasses.dataclass(frozen=True)
class TalentValues:
    display_name: str
    introduction: str
    skills: tuple = ()
    fields: tuple = ()
    districts: tuple = ()
    availability: tuple = ()
    declares_non_partisan: bool = False


def system_actor():
    """The account the daily commands act as on the audit rows (it cannot sign in)."""
    user, _created = get_user_model().objects.get_or_create(
        email=SYSTEM_EMAIL,
        # No password can sign it in (an unusable one, valid for the model's checks).
        defaults={"full_name": "自動処理", "is_active": False, "password": make_password(None)},
    )
    return user


def _checked_consent(consent: dict) -> dict:
    levels = set(Consent.values)
    problems = [name for name in CONSENT_FIELDS if consent.get(name) not in levels]
    if problems or set(consent) - set(CONSENT_FIELDS):
        raise ValidationError(
            {name: _("公開の範囲を選んでください。") for name in problems}
            or _("公開の範囲の項目が正しくありません。")
        )
    return {name: str(consent[name]) for name in CONSENT_FIELDS}


def _declared(values: TalentValues) -> None:
    if not values.declares_non_partisan:
        raise ValidationError(
            {
                "declares_non_partisan": _(
                    "政治・宗教・営利を目的とする登録はできません。確認の欄にチェックしてください。"
                )
            }
        )


def _save(entry: TalentEntry, values: TalentValues) -> TalentEntry:
    return save_values(entry, dataclasses.replace(values, availability=list(values.availability)))


@transaction.atomic
def entry_register(
    *, user, values: TalentValues, consent: dict, today: datetime.date
) -> TalentEntry:
    """A new entry, waiting for the office's review; its consent is the first history row."""
    require(user, "talent.register")
    if TalentEntry.objects.filter(user=user).exists():
        raise ValidationError(_("人材バンクにはすでに登録があります。登録内容を変更してください。"))
    _declared(values)
    consent = _checked_consent(consent)
    entry = _save(TalentEntry(user=user, consent=consent, expires_on=expiry_for(today)), values)
    ConsentChange.objects.create(
        entry=entry, consent=consent, reason=ConsentChange.Reason.REGISTERED
    )
    return entry


@transaction.atomic
def entry_update(*, entry: TalentEntry, user, values: TalentValues, consent: dict) -> TalentEntry:
    """Change one's entry; a changed content goes back to the office's review, a changed
    consent is kept in the history."""
    require(user, "talent.manage_own", entry)
    _declared(values)
    consent = _checked_consent(consent)
    # As saved, not as the caller's copy holds it (a bound ModelForm has already changed it).
    saved = TalentEntry.objects.get(pk=entry.pk)
    before = _content(saved)
    if consent != saved.consent:
        ConsentChange.objects.create(
            entry=entry, consent=consent, reason=ConsentChange.Reason.CHANGED
        )
        entry.consent = consent
    entry = _save(entry, values)
    if _content(entry) != before and entry.status in (
        TalentEntry.Status.APPROVED,
        TalentEntry.Status.REFUSED,
    ):
        TALENT_WORKFLOW.perform(entry, action="resubmit", actor=user)
    return entry


def _content(entry: TalentEntry) -> tuple:
    return (
        entry.display_name,
        entry.introduction,
        sorted(entry.skills.values_list("pk", flat=True)),
        sorted(entry.fields.values_list("pk", flat=True)),
        sorted(entry.districts.values_list("pk", flat=True)),
        sorted(entry.availability),
    )


@transaction.atomic
def entry_renew(*, entry: TalentEntry, user, consent: dict, today: datetime.date) -> TalentEntry:
    """A new period, with the consent asked again; an expired entry goes back to review."""
    require(user, "talent.manage_own", entry)
    consent = _checked_consent(consent)
    ConsentChange.objects.create(entry=entry, consent=consent, reason=ConsentChange.Reason.RENEWED)
    TalentEntry.objects.filter(pk=entry.pk).update(consent=consent, expires_on=expiry_for(today))
    entry.refresh_from_db()
    if entry.status == TalentEntry.Status.EXPIRED:
        TALENT_WORKFLOW.perform(entry, action="renew", actor=user)
    return entry


@transaction.atomic
def entry_delete(*, entry: TalentEntry, user) -> None:
    """The person's right to be forgotten: the entry, its history and its messages go."""
    require(user, "talent.manage_own", entry)
    entry.delete()


def entry_review(*, entry: TalentEntry, user, action: str, comment: str = "") -> TalentEntry:
    """The office approves an entry (it becomes searchable) or refuses it with the reason."""
    if action not in ("approve", "refuse"):
        raise PermissionDenied(_("この操作はできません。"))
    TALENT_WORKFLOW.perform(entry, action=action, actor=user, comment=comment)
    notify(
        [entry.user],
        message=_("人材バンクの登録が掲載されました。")
        if action == "approve"
        else _("人材バンクの登録は掲載できませんでした。"),
        url=reverse("support_office:talent:mine"),
        email_template="support_office/talent/email/reviewed",
        context={"entry": entry, "approved": action == "approve", "reason": comment},
    )
    return entry


@transaction.atomic
def entry_contact(*, entry_pk: int, sender, body: str, today: datetime.date) -> ContactMessage:
    """A message to a person, sent by e-mail from the portal: the sender never learns the address."""
    require(sender, "talent.contact")
    entry = visible_entry(sender, entry_pk, today=today)
    if entry is None or entry.status != TalentEntry.Status.APPROVED:
        raise PermissionDenied(_("この登録には連絡できません。"))
    if entry.user_id == sender.pk:
        raise ValidationError({"body": _("ご自身には連絡できません。")})
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("メッセージを入力してください。")})
    message = ContactMessage.objects.create(entry=entry, sender=sender, body=body)
    notify(
        [entry.user],
        message=_("人材バンクの登録を見た方から連絡がありました。"),
        url=reverse("support_office:talent:mine"),
        email_template="support_office/talent/email/contact",
        context={"entry": entry, "sender": sender, "body": body},
    )
    return message


def expire_entries(*, today: datetime.date) -> int:
    """Entries past their period leave the bank (run daily); the person may renew them."""
    actor = system_actor()
    count = 0
    for entry in TalentEntry.objects.filter(
        status__in=[TalentEntry.Status.APPROVED, TalentEntry.Status.SUBMITTED],
        expires_on__lt=today,
    ):
        TALENT_WORKFLOW.perform(entry, action="expire", actor=actor, scheduled=True)
        notify(
            [entry.user],
            message=_("人材バンクの登録が期間満了になりました。更新すると再び掲載されます。"),
            url=reverse("support_office:talent:mine"),
            email_template="support_office/talent/email/expired",
            context={"entry": entry},
        )
        count += 1
    return count
