"""The talent bank entry's table: the office reviews an entry before anyone can find it.

submitted → approved (掲載) or refused (with the reason: e.g. a political, religious or
commercial purpose); an approved entry expires at the end of its period (a daily command,
acting as the schedule), and the person renews it (consenting again) back into review.
A changed entry goes back to review too. No move is public: the entries are personal.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import ContextRole, Transition, Workflow, moves
from organizations.permissions import is_support_staff, refusal

from .models import TalentEntry, TalentEntryStatusChange
from .permissions import owns_entry

OFFICE = "office"
OWNER = "owner"
SCHEDULE = "schedule"  # the daily command, never a person on a page
S = TalentEntry.Status

TRANSITIONS: list[Transition] = [
    *moves("approve", [S.SUBMITTED], S.APPROVED, {OFFICE}, _("掲載を承認する")),
    *moves(
        "refuse",
        [S.SUBMITTED],
        S.REFUSED,
        {OFFICE},
        _("掲載しない"),
        comment_required=True,
        style="secondary",
    ),
    *moves(
        "resubmit", [S.APPROVED, S.REFUSED], S.SUBMITTED, {OWNER}, _("内容を変えて確認を依頼する")
    ),
    *moves("renew", [S.EXPIRED], S.SUBMITTED, {OWNER}, _("登録を更新する")),
    *moves("expire", [S.APPROVED, S.SUBMITTED], S.EXPIRED, {SCHEDULE}, _("期間満了")),
]

TALENT_WORKFLOW = Workflow(
    name="talent_entry",
    transitions=TRANSITIONS,
    roles={
        OFFICE: is_support_staff,
        OWNER: owns_entry,
        SCHEDULE: ContextRole(lambda user, obj, context: context.extra.get("scheduled") is True),
    },
    audit_model=TalentEntryStatusChange,
    subject_field="entry",
    explain=refusal,
)
