"""Writes to the consultation log: record, edit, add a follow-up, move along the table."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kunitachi_kyodo.values import save_values
from organizations.models import Organization
from organizations.permissions import require

from .models import Consultation, FollowUp
from .workflow import CONSULTATION_WORKFLOW


@dataclasses.dataclass(frozen=True)
class ConsultationValues:
    consulted_on: datetime.date
    category: str
    channel: str
    asker_kind: str
    asker_name: str
    summary: str
    narrative: str
    contact: str = ""
    organization: Organization | None = None


@transaction.atomic
def consultation_save(
    *, user, values: ConsultationValues, consultation: Consultation | None = None
) -> Consultation:
    """Record a new consultation (handled by `user`) or change one already logged."""
    require(user, "consultations.log_consultation")
    if values.organization is not None and values.asker_kind in ("individual", "group"):
        raise ValidationError(
            {
                "organization": _(
                    "個人・グループの相談に登録団体は選べません。団体の種別を選んでください。"
                )
            }
        )
    if consultation is None:
        consultation = Consultation(handled_by=user)
    return save_values(consultation, values)


@transaction.atomic
def follow_up_add(
    *, consultation: Consultation, user, done_on: datetime.date, note: str
) -> FollowUp:
    """A dated follow-up; a consultation still open moves to 'following up' with it."""
    require(user, "consultations.log_consultation")
    if not note.strip():
        raise ValidationError({"note": _("内容を入力してください。")})
    entry = FollowUp(consultation=consultation, done_on=done_on, note=note, recorded_by=user)
    entry.full_clean(exclude=["consultation", "recorded_by"])
    entry.save()
    if consultation.status == Consultation.Status.OPEN:
        CONSULTATION_WORKFLOW.perform(consultation, action="follow_up", actor=user)
    return entry


def consultation_transition(
    *, consultation: Consultation, action: str, actor, comment: str = ""
) -> Consultation:
    """Move a consultation along its table (the engine checks who and writes the audit row)."""
    return CONSULTATION_WORKFLOW.perform(consultation, action=action, actor=actor, comment=comment)
