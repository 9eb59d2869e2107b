"""The event's workflow table: the office publishes an event, then closes or cancels it.

Publication and cancellation are public (a cancelled event says so on its page); closing
ends registration once the event has been held and its attendance recorded.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Transition, Workflow, moves
from organizations.permissions import refusal

from .models import Event, EventStatusChange
from .permissions import runs_events

OFFICE = "office"
S = Event.Status

TRANSITIONS: list[Transition] = [
    *moves(
        "publish",
        [S.DRAFT],
        S.PUBLISHED,
        {OFFICE},
        _("公開する"),
        _("イベントが公開されました"),
        irreversible=_("公開すると、対象の方が見て申し込めるようになり、下書きには戻せません。"),
    ),
    *moves(
        "close",
        [S.PUBLISHED],
        S.CLOSED,
        {OFFICE},
        _("終了にする"),
        _("イベントが終了しました"),
        style="secondary",
        irreversible=_("終了にすると、申込・取消・繰り上げはできなくなります。"),
    ),
    *moves(
        "cancel",
        [S.DRAFT, S.PUBLISHED],
        S.CANCELLED,
        {OFFICE},
        _("中止する"),
        _("イベントは中止になりました"),
        comment_required=True,
        comment_is_public=True,
        style="danger",
        irreversible=_("中止すると、申し込んだ方全員にお知らせし、元には戻せません。"),
    ),
]

EVENT_WORKFLOW = Workflow(
    name="event",
    transitions=TRANSITIONS,
    roles={OFFICE: runs_events},
    audit_model=EventStatusChange,
    subject_field="event",
    explain=refusal,
)
