"""The consultation's workflow table: open → following up → closed (and reopened).

No move is public: a consultation has no public timeline.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Transition, Workflow, moves
from organizations.permissions import is_support_staff, refusal

from .models import Consultation, ConsultationStatusChange

OFFICE = "office"
S = Consultation.Status

TRANSITIONS: list[Transition] = [
    *moves("follow_up", [S.OPEN], S.FOLLOWING_UP, {OFFICE}, _("フォローアップ中にする")),
    *moves(
        "close", [S.OPEN, S.FOLLOWING_UP], S.CLOSED, {OFFICE}, _("対応を終える"), style="secondary"
    ),
    *moves("reopen", [S.CLOSED], S.FOLLOWING_UP, {OFFICE}, _("対応を再開する"), style="secondary"),
]

CONSULTATION_WORKFLOW = Workflow(
    name="consultation",
    transitions=TRANSITIONS,
    roles={OFFICE: is_support_staff},
    audit_model=ConsultationStatusChange,
    subject_field="consultation",
    explain=refusal,
)
