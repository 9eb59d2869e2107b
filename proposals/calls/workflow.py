"""The call's workflow table: a department publishes its call, then closes it.

Both moves are public: the call's publication starts the public timeline of
every proposal made to it (rule 5: disclosure at every stage).
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Transition, Workflow, moves
from organizations.permissions import refusal
from proposals.permissions import edits_call

from .models import Call, CallStatusChange

DEPARTMENT = "department"  # staff who may edit the call (its department; see permissions)

TRANSITIONS: list[Transition] = [
    *moves(
        "publish",
        [Call.Status.DRAFT],
        Call.Status.PUBLISHED,
        {DEPARTMENT},
        _("公開する"),
        _("事業の提示（募集）が公開されました"),
        irreversible=_("公開すると、誰でも見られるようになり、非公開の下書きには戻せません。"),
    ),
    *moves(
        "close",
        [Call.Status.PUBLISHED],
        Call.Status.CLOSED,
        {DEPARTMENT},
        _("募集を終了する"),
        _("募集が終了しました"),
        style="secondary",
        irreversible=_(
            "募集を終了すると、この募集への新しい提案は受け付けられず、募集は再開できません。"
        ),
    ),
]


CALL_WORKFLOW = Workflow(
    name="call",
    transitions=TRANSITIONS,
    roles={DEPARTMENT: edits_call},
    audit_model=CallStatusChange,
    subject_field="call",
    explain=refusal,
)
