"""The coordination request's table.

    draft ──submit──▶ review ──publish──▶ published ──match──▶ matched ──record_matched──▶ closed (成立)
      ▲                 │                    │                   └──record_not_matched──▶ closed (不成立)
      └─────return──────┘                    ├──close (poster or office)──▶ closed (終了)
                                             └──expire (the daily command)──▶ closed (終了)

The office reviews every post before the board shows it (a post is public text). After a
match the office is asked (マイページ) to record whether it came off (成立/不成立) and why:
the outcome and its reason close the request, and the 成立率 counts them. Publication,
the match and the outcome are on the request's public timeline; the reasons of a return
stay between the poster and the office.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import ContextRole, Transition, Workflow, moves
from organizations.permissions import is_support_staff, refusal

from .models import CoordinationRequest, CoordinationRequestStatusChange
from .permissions import is_poster

POSTER = "poster"
OFFICE = "office"
SCHEDULE = "schedule"  # the daily command, never a person on a page
S = CoordinationRequest.Status

TRANSITIONS: list[Transition] = [
    *moves("submit", [S.DRAFT], S.REVIEW, {POSTER, OFFICE}, _("支援室に確認を依頼する")),
    *moves(
        "publish",
        [S.REVIEW],
        S.PUBLISHED,
        {OFFICE},
        _("掲示板に公開する"),
        _("掲示板に公開されました"),
    ),
    *moves(
        "return",
        [S.REVIEW],
        S.DRAFT,
        {OFFICE},
        _("投稿者に戻す"),
        comment_required=True,
        style="secondary",
    ),
    *moves(
        "match",
        [S.PUBLISHED],
        S.MATCHED,
        {OFFICE},
        _("マッチングを記録する"),
        _("相手が見つかりました（結果の確認中）"),
    ),
    *moves(
        "record_matched",
        [S.MATCHED],
        S.CLOSED,
        {OFFICE},
        _("成立を記録する"),
        _("マッチングが成立しました"),
        comment_required=True,
        comment_is_public=True,
    ),
    *moves(
        "record_not_matched",
        [S.MATCHED],
        S.CLOSED,
        {OFFICE},
        _("不成立を記録する"),
        _("マッチングは成立しませんでした"),
        comment_required=True,
        style="secondary",
    ),
    *moves(
        "close",
        [S.PUBLISHED],
        S.CLOSED,
        {POSTER, OFFICE},
        _("募集を終了する"),
        _("募集が終了しました"),
        comment_required=True,
        style="secondary",
    ),
    *moves(
        "expire",
        [S.PUBLISHED],
        S.CLOSED,
        {SCHEDULE},
        _("募集期限切れで終了"),
        _("募集期限が過ぎて終了しました"),
    ),
]

# The outcome each closing move records.
OUTCOMES = {
    "record_matched": "matched",
    "record_not_matched": "not_matched",
    "close": "closed",
    "expire": "closed",
}

REQUEST_WORKFLOW = Workflow(
    name="coordination_request",
    transitions=TRANSITIONS,
    roles={
        POSTER: is_poster,
        OFFICE: is_support_staff,
        SCHEDULE: ContextRole(lambda user, obj, context: context.extra.get("scheduled") is True),
    },
    audit_model=CoordinationRequestStatusChange,
    subject_field="request",
    explain=refusal,
)
