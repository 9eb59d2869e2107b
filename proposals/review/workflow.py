"""The review round's workflow table: prepared, scored, then published in one act.

Publishing a round is the decision: it applies every entry's decision to its
proposal (through the proposal table's REVIEW role) and freezes the results; a round whose
results cannot be computed (sums in points out of different maxima) is not published.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Guard, Transition, Workflow, moves
from organizations.permissions import refusal
from proposals.permissions import manages_round

from .models import ReviewRound, RoundStatusChange
from .selectors import live_results, missing_sheets

STAFF = "staff"  # staff who may manage the round (its department; see permissions)


def _has_entries_and_reviewers(review_round, context) -> list[str]:
    if review_round.entries.exists() and review_round.assignments.exists():
        return []
    return [gettext_now("採点を始めるには、提案と審査委員を1件以上登録してください。")]


def _every_entry_decided(review_round, context) -> list[str]:
    undecided = [
        e.proposal.title for e in review_round.entries.select_related("proposal") if not e.decision
    ]
    if not undecided:
        return []
    return [gettext_now("決定が入力されていない提案があります。"), *undecided]


def _sheets_in_or_closed(review_round, context) -> list[str]:
    missing = missing_sheets(review_round)  # the sheets the manage page counts as missing
    if not missing or context.extra.get("close_incomplete"):
        return []
    return [gettext_now("未提出の採点票があります。")] + [
        f"{reviewer.full_name}：{proposal.title}" for reviewer, proposal in missing
    ]


def _actor_decides_every_entry(review_round, context) -> list[str]:
    # A coordinator may have put another department's proposal in: then only a
    # coordinator (or an administrator) may decide it, and so publish the round.
    undecidable = [
        e.proposal.title
        for e in review_round.entries.select_related("proposal__call")
        if not context.actor.has_perm("proposals.decide_proposal", e.proposal)
    ]
    if not undecidable:
        return []
    return [
        gettext_now("他の課の提案が入っているため、協働推進担当が公表してください。")
    ] + undecidable


DECIDES_EVERY_ENTRY = Guard("actor_decides_every_entry", _actor_decides_every_entry)


def _results_computable(review_round, context) -> list[str]:
    """Sums in points out of different maxima cannot be ranked: say why, before publishing."""
    try:
        live_results(review_round)
    except ValidationError as error:
        return error.messages
    return []


READY_TO_SCORE = Guard("has_entries_and_reviewers", _has_entries_and_reviewers)
SHEETS_IN = Guard("sheets_in_or_explicitly_closed", _sheets_in_or_closed)
ALL_DECIDED = Guard("every_entry_decided", _every_entry_decided)
COMPUTABLE = Guard("results_computable", _results_computable)

S = ReviewRound.Status

TRANSITIONS: list[Transition] = [
    *moves(
        "start_scoring",
        [S.PREPARING],
        S.SCORING,
        {STAFF},
        _("採点を始める"),
        guards=(READY_TO_SCORE,),
    ),
    *moves(
        "publish",
        [S.SCORING],
        S.PUBLISHED,
        {STAFF},
        _("結果を公表する"),
        _("審査の結果が公表されました"),
        style="success",
        guards=(DECIDES_EVERY_ENTRY, SHEETS_IN, ALL_DECIDED, COMPUTABLE),
        irreversible=_(
            "公表すると、点数・順位・採否とその理由が公開され、以後はだれも変更できません。採否は提案者に通知されます。"
        ),
    ),
]


ROUND_WORKFLOW = Workflow(
    name="review_round",
    transitions=TRANSITIONS,
    roles={STAFF: manages_round},
    audit_model=RoundStatusChange,
    subject_field="round",
    explain=refusal,
)
