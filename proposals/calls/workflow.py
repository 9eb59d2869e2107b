"""The call's workflow table: a department publishes its call, then closes it.

Both moves are public: the call's publication starts the public timeline of
every proposal made to it (rule 5: disclosure at every stage).

A question about a call has its own small table: it waits until the city side answers
it (then it is public, without its asker) or hides it, with the reason.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Transition, Workflow, moves
from organizations.permissions import refusal
from proposals.permissions import answers_question, edits_call

from .models import Call, CallQuestion, CallQuestionStatusChange, CallStatusChange

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


ANSWERER = "answerer"  # the call's department, the support office, coordinators
Q = CallQuestion.Status

# Neither move is on a timeline: the answered question itself is the public record, and a
# hidden one (its reason included) stays between the city side and the asker.
QUESTION_TRANSITIONS: list[Transition] = [
    *moves("answer", [Q.WAITING], Q.ANSWERED, {ANSWERER}, _("回答して公開する")),
    *moves(
        "hide",
        [Q.WAITING, Q.ANSWERED],
        Q.HIDDEN,
        {ANSWERER},
        _("公開しない"),
        comment_required=True,
        style="secondary",
    ),
]

QUESTION_WORKFLOW = Workflow(
    name="call_question",
    transitions=QUESTION_TRANSITIONS,
    roles={ANSWERER: answers_question},
    audit_model=CallQuestionStatusChange,
    subject_field="question",
    explain=refusal,
)
