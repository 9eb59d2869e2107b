"""The workflows as data: (state, action) → who may, where it leads, what people see.

Two tables, one shape: proposals (TRANSITIONS) and collaboration projects
(PROJECT_TRANSITIONS). Views (which buttons show), the transition services (what
is allowed) and the tests (every move × every persona) all read these tables.
Nothing else decides whether a proposal or a project may move.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from organizations.permissions import DEFAULT_REASON
from organizations.permissions import refusal as predicate_refusal

from . import permissions
from .models.projects import ProjectStatus as P
from .models.proposals import ProposalStatus as S

# Who may act, relative to a proposal.
PROPOSER = "proposer"  # the citizen who proposed, or an editor/representative of the proposing organization
CITY_STAFF = "city_staff"  # staff of the proposal's department, coordinators and administrators
# Who may act, relative to a project.
PARTNER = "partner"  # a representative or editor of a partner organization
DEPARTMENT = "department"  # staff of the project's department, coordinators and administrators

# Each role is held by whoever passes its named predicate (permissions.py): one vocabulary.
ROLE_PREDICATES = {
    PROPOSER: permissions.is_proposer,
    CITY_STAFF: permissions.decides_proposal,
}
PROJECT_ROLE_PREDICATES = {
    PARTNER: permissions.is_project_partner,
    DEPARTMENT: permissions.is_project_city_party,
}


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    actors: frozenset[str]
    label: str  # the button the actor sees
    public_label: str  # the line on the public timeline ("" = not shown publicly)
    comment_required: bool = False
    comment_is_public: bool = False  # decisions carry their reason to the public
    style: str = "primary"

    @property
    def is_public(self) -> bool:
        return bool(self.public_label)


def _t(action, sources, target, actors, label, public_label="", **extra) -> list[Transition]:
    return [
        Transition(action, source, target, frozenset(actors), label, public_label, **extra)
        for source in sources
    ]


WITHDRAWABLE = [S.DRAFT, S.CONSULTATION, S.SUBMITTED, S.SCREENING, S.OPEN_REVIEW, S.RETURNED]

TRANSITIONS: list[Transition] = [
    *_t("consult", [S.DRAFT], S.CONSULTATION, {PROPOSER}, _("事前相談を始める")),
    *_t(
        "end_consultation",
        [S.CONSULTATION],
        S.DRAFT,
        {PROPOSER},
        _("相談を終えて編集に戻る"),
        style="secondary",
    ),
    *_t(
        "submit",
        [S.DRAFT, S.CONSULTATION],
        S.SUBMITTED,
        {PROPOSER},
        _("提案を提出する"),
        _("提案が提出されました"),
    ),
    *_t(
        "resubmit",
        [S.RETURNED],
        S.SUBMITTED,
        {PROPOSER},
        _("修正して再提出する"),
        _("修正した提案が再提出されました"),
    ),
    *_t(
        "screen",
        [S.SUBMITTED],
        S.SCREENING,
        {CITY_STAFF},
        _("一次審査（書類審査）を始める"),
        _("一次審査（書類審査）が始まりました"),
    ),
    *_t(
        "return",
        [S.SUBMITTED, S.SCREENING],
        S.RETURNED,
        {CITY_STAFF},
        _("修正を求めて差し戻す"),
        _("修正のため提案者に差し戻されました"),
        comment_required=True,
        style="warning",
    ),
    *_t(
        "to_open_review",
        [S.SCREENING],
        S.OPEN_REVIEW,
        {CITY_STAFF},
        _("公開審査（二次審査）に進める"),
        _("一次審査を通過し、公開審査に進みました"),
    ),
    *_t(
        "adopt",
        [S.OPEN_REVIEW],
        S.ADOPTED,
        {CITY_STAFF},
        _("採択する"),
        _("採択されました"),
        comment_required=True,
        comment_is_public=True,
        style="success",
    ),
    *_t(
        "not_adopt",
        [S.SCREENING, S.OPEN_REVIEW],
        S.NOT_ADOPTED,
        {CITY_STAFF},
        _("不採択とする"),
        _("不採択となりました"),
        comment_required=True,
        comment_is_public=True,
        style="danger",
    ),
    *_t(
        "withdraw",
        WITHDRAWABLE,
        S.WITHDRAWN,
        {PROPOSER},
        _("提案を取り下げる"),
        _("提案者が提案を取り下げました"),
        style="danger",
    ),
]

# A withdrawal before the first submission is not public: the proposal never was.
PRIVATE_UNTIL_SUBMITTED = {"withdraw"}

_BY_KEY = {(t.source, t.action): t for t in TRANSITIONS}


def transition_for(status: str, action: str) -> Transition | None:
    return _BY_KEY.get((status, action))


def transitions_from(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == status]


def roles_of(user, proposal) -> set[str]:
    """The workflow roles a user holds on a proposal."""
    return {role for role, held in ROLE_PREDICATES.items() if held.test(user, proposal)}


def refusal(actors, user, obj, *, project: bool = False) -> str:
    """Why `user` holds none of the roles `actors` on `obj`, in the predicates' words."""
    held_by = PROJECT_ROLE_PREDICATES if project else ROLE_PREDICATES
    for role in sorted(actors):
        reason = predicate_refusal(held_by[role], user, obj)
        if reason:
            return reason
    return str(DEFAULT_REASON)


def allowed_transitions(user, proposal) -> list[Transition]:
    roles = roles_of(user, proposal)
    return [t for t in transitions_from(proposal.status) if t.actors & roles]


def describe(change) -> str:
    """What a StatusChange row says on a timeline: the public wording when there is one."""
    if change.project_id:
        transition = project_transition_for(change.from_status, change.action)
    else:
        transition = transition_for(change.from_status, change.action)
    if transition is not None and transition.public_label:
        return str(transition.public_label)
    if transition is not None:
        return str(transition.label)
    return change.to_status


# --- Collaboration projects ------------------------------------------------------------

PROJECT_TRANSITIONS: list[Transition] = [
    # Creation is recorded like a move from nothing, so the timeline starts with it.
    *_t(
        "create",
        [""],
        P.AGREEMENT,
        {DEPARTMENT},
        _("協働事業にする"),
        _("協働事業として登録され、協定の準備が始まりました"),
    ),
    *_t(
        "start",
        [P.AGREEMENT],
        P.ACTIVE,
        {DEPARTMENT},
        _("協定に基づき事業を開始する"),
        _("協定を結び、事業が始まりました"),
    ),
    *_t(
        "begin_reporting",
        [P.ACTIVE],
        P.REPORTING,
        {DEPARTMENT, PARTNER},
        _("報告の段階に進める"),
        _("事業の実施を終え、報告の段階に入りました"),
    ),
    *_t(
        "complete_evaluation",
        [P.REPORTING],
        P.EVALUATED,
        {DEPARTMENT},
        _("評価を完了する"),
        _("評価が完了しました"),
        style="success",
    ),
    *_t(
        "close",
        [P.EVALUATED],
        P.CLOSED,
        {DEPARTMENT},
        _("事業を終了する"),
        _("事業が終了しました"),
        style="secondary",
    ),
]

_PROJECT_BY_KEY = {(t.source, t.action): t for t in PROJECT_TRANSITIONS}


def project_transition_for(status: str, action: str) -> Transition | None:
    return _PROJECT_BY_KEY.get((status, action))


def project_roles_of(user, project) -> set[str]:
    """The workflow roles a user holds on a project."""
    return {role for role, held in PROJECT_ROLE_PREDICATES.items() if held.test(user, project)}


def project_allowed_transitions(user, project) -> list[Transition]:
    roles = project_roles_of(user, project)
    return [
        t
        for t in PROJECT_TRANSITIONS
        if t.source == project.status and t.actors & roles and t.action != "create"
    ]
