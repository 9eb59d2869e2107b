"""The proposal's workflow table: (state, action) → who may, where it leads, what people see.

Views (which buttons show), `proposal_transition` (what is allowed) and the
tests (every move × every persona) all read this table.
"""

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import ContextRole, Guard, Transition, Workflow, moves
from organizations.permissions import refusal
from proposals import permissions

from .models import ProposalStatus as S
from .models import StatusChange

# Who may act, relative to a proposal.
PROPOSER = "proposer"  # the citizen who proposed, or an editor/representative of the proposing organization
CITY_STAFF = "city_staff"  # staff of the proposal's department, coordinators and administrators
# Decisions (採択・不採択, and passing a written screening) are the publication of a
# review round: held only inside round_publish, for the proposals of that round.
REVIEW = "review"


# --- Guards: what must be true for a move, in words the proposer understands ------------


def _complete(proposal, context) -> list[str]:
    said = {
        "publish_consent": _("公開への同意にチェックを入れてください。"),
        "role_shares": _("役割分担を1行以上書いてください。"),
    }
    return [
        said.get(name)
        or _("「%(field)s」を書いてください。")
        % {"field": proposal._meta.get_field(name).verbose_name}
        for name in proposal.missing_to_submit()
    ]


def _call_is_open(proposal, context) -> list[str]:
    call = proposal.call
    if call is None or call.is_open(context.now):
        return []
    return [
        _("「%(call)s」の募集期間（%(closes)s 締切）の外のため、提出できません。")
        % {
            "call": call.title,
            "closes": formats.date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT"),
        }
    ]


def _city_answered(proposal) -> bool:
    # The city side of a consultation: the department's staff or the support office.
    return proposal.consultation_messages.filter(
        Q(author__is_city_staff=True) | Q(author__is_support_staff=True)
    ).exists()


def _consulted_if_required(proposal, context) -> list[str]:
    if proposal.call is None or not proposal.call.requires_consultation:
        return []
    if _city_answered(proposal):
        return []
    if proposal.status != S.CONSULTATION:
        return [
            _(
                "この募集では、提出の前に事前相談が必要です。"
                "「事前相談を始める」から相談してください。"
            )
        ]
    return [
        _("事前相談に、市（担当課または支援室）からの回答がまだありません。回答を待ってください。")
    ]


def _answered(proposal, context) -> list[str]:
    """A consultation is done when the city has answered (finding: a click used to be enough)."""
    if _city_answered(proposal):
        return []
    return [
        _(
            "市（担当課または支援室）からの回答がまだありません。"
            "回答を待ってから相談を終えてください。相談中も提案は編集できます。"
        )
    ]


def _budget_fits_the_call(proposal, context) -> list[str]:
    # Finding: 99,999,999,999円 of income against 60,000円 of spending under a 1,200,000円 cap
    # was submitted, scored and adopted without a word.
    return list(proposal.budget_problems(submitting=True).values())


ANSWERED = Guard("city_answered", _answered)
BUDGET_FITS = Guard("budget_fits_the_call", _budget_fits_the_call)
COMPLETE = Guard("complete", _complete)
CALL_OPEN = Guard("call_open", _call_is_open)
CONSULTED = Guard("consulted_if_required", _consulted_if_required)

WITHDRAWABLE = [S.DRAFT, S.CONSULTATION, S.SUBMITTED, S.SCREENING, S.OPEN_REVIEW, S.RETURNED]

TRANSITIONS: list[Transition] = [
    *moves("consult", [S.DRAFT], S.CONSULTATION, {PROPOSER}, _("事前相談を始める")),
    *moves(
        "end_consultation",
        [S.CONSULTATION],
        S.DRAFT,
        {PROPOSER},
        _("相談を終える"),
        _("事前相談を終えました"),
        style="secondary",
        guards=(ANSWERED,),
    ),
    *moves(
        "submit",
        [S.DRAFT, S.CONSULTATION],
        S.SUBMITTED,
        {PROPOSER},
        _("提案を提出する"),
        _("提案が提出されました"),
        guards=(COMPLETE, CALL_OPEN, CONSULTED, BUDGET_FITS),
        irreversible=_(
            "提出すると、市から差し戻されない限り内容を変更できません。事業名・提案者名・公開用の概要と経過が公開されます。"
        ),
    ),
    *moves(
        "resubmit",
        [S.RETURNED],
        S.SUBMITTED,
        {PROPOSER},
        _("修正して再提出する"),
        _("修正した提案が再提出されました"),
        guards=(COMPLETE, BUDGET_FITS),
        irreversible=_("再提出すると、再び差し戻されない限り内容を変更できません。"),
    ),
    *moves(
        "screen",
        [S.SUBMITTED],
        S.SCREENING,
        {CITY_STAFF},
        _("一次審査（書類審査）を始める"),
        _("一次審査（書類審査）が始まりました"),
    ),
    *moves(
        "return",
        [S.SUBMITTED, S.SCREENING],
        S.RETURNED,
        {CITY_STAFF},
        _("修正を求めて差し戻す"),
        _("修正のため提案者に差し戻されました"),
        comment_required=True,
        style="warning",
    ),
    *moves(
        "to_open_review",
        [S.SCREENING],
        S.OPEN_REVIEW,
        {CITY_STAFF, REVIEW},
        _("公開審査（二次審査）に進める"),
        _("一次審査を通過し、公開審査に進みました"),
    ),
    *moves(
        "adopt",
        [S.SCREENING, S.OPEN_REVIEW],
        S.ADOPTED,
        {REVIEW},
        _("採択する"),
        _("採択されました"),
        comment_required=True,
        comment_is_public=True,
        style="success",
    ),
    *moves(
        "not_adopt",
        [S.SCREENING, S.OPEN_REVIEW],
        S.NOT_ADOPTED,
        {REVIEW},
        _("不採択とする"),
        _("不採択となりました"),
        comment_required=True,
        comment_is_public=True,
        style="danger",
    ),
    *moves(
        "withdraw",
        WITHDRAWABLE,
        S.WITHDRAWN,
        {PROPOSER},
        _("提案を取り下げる"),
        _("提案者が提案を取り下げました"),
        style="danger",
        irreversible=_(
            "取り下げた提案は元に戻せません。もう一度提案するときは、新しく作ってください。"
        ),
    ),
]

# A withdrawal before the first submission is not public: the proposal never was.
PRIVATE_UNTIL_SUBMITTED = {"withdraw"}


def publishes_its_round(user, proposal, context) -> bool:
    """The actor is publishing a review round (passed by round_publish) this proposal is in."""
    review_round = context.extra.get("review_round")
    return (
        review_round is not None
        and user.has_perm("proposals.manage_round", review_round)
        and user.has_perm("proposals.decide_proposal", proposal)
        and review_round.entries.filter(proposal_id=proposal.pk).exists()
    )


# Each role is held by whoever passes its named predicate (proposals.permissions).
ROLES = {
    PROPOSER: permissions.is_proposer,
    CITY_STAFF: permissions.decides_proposal,
    REVIEW: ContextRole(publishes_its_round),
}


def is_public(proposal, transition: Transition, source: str) -> bool:
    """Nothing of a proposal is public before its first submission."""
    first_submission = transition.target == S.SUBMITTED and proposal.submitted_at is None
    if transition.action in PRIVATE_UNTIL_SUBMITTED and proposal.submitted_at is None:
        return False
    return transition.is_public and (proposal.submitted_at is not None or first_submission)


PROPOSAL_WORKFLOW = Workflow(
    name="proposal",
    transitions=TRANSITIONS,
    roles=ROLES,
    audit_model=StatusChange,
    subject_field="proposal",
    is_public=is_public,
    explain=refusal,
)

transition_for = PROPOSAL_WORKFLOW.transition_for
transitions_from = PROPOSAL_WORKFLOW.transitions_from
roles_of = PROPOSAL_WORKFLOW.roles_of
allowed_transitions = PROPOSAL_WORKFLOW.allowed
describe = PROPOSAL_WORKFLOW.describe
