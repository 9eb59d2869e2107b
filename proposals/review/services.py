"""Open review (公開審査): set up rounds, score, decide, and publish the results in one act.

Scores and decisions stay private until `round_publish`; it stores the results, computed
by scoring.compute, and the scheme with the round, and nothing changes them afterwards.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.values import save_values
from organizations.models import User
from organizations.permissions import require
from proposals.calls.models import Call
from proposals.guideline.models import Criterion, CriterionSet
from proposals.proposals.models import Proposal
from proposals.proposals.services import proposal_transition
from proposals.review import selectors
from proposals.review.models import (
    STAGE_STATUS,
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewReminder,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)
from proposals.review.selectors import live_results, missing_sheets
from proposals.review.workflow import ROUND_WORKFLOW

# What a round's decisions do to its proposals, by stage (they wait in STAGE_STATUS).
DECISION_ACTIONS = {
    ReviewRound.Stage.SCREENING: {
        ReviewEntry.Decision.PASS: "to_open_review",
        ReviewEntry.Decision.NOT_ADOPT: "not_adopt",
    },
    ReviewRound.Stage.OPEN_REVIEW: {
        ReviewEntry.Decision.ADOPT: "adopt",
        ReviewEntry.Decision.NOT_ADOPT: "not_adopt",
    },
    ReviewRound.Stage.DOCUMENT: {
        ReviewEntry.Decision.ADOPT: "adopt",
        ReviewEntry.Decision.NOT_ADOPT: "not_adopt",
    },
}


def _require_manager(user: User, round_: ReviewRound) -> None:
    """The round's department, a coordinator or an administrator; anyone else is refused."""
    require(user, "proposals.manage_round", round_)


def _locked_round(round_: ReviewRound) -> ReviewRound:
    locked = ReviewRound.objects.select_for_update().get(pk=round_.pk)
    if locked.is_published:
        raise ValidationError(
            _("この審査回の結果は公表済みです。公表後の採点・決定は変更できません。")
        )
    return locked


def round_add_proposal(*, round: ReviewRound, proposal: Proposal, user: User) -> ReviewEntry:
    """Put a proposal in a round, at the end of the presentation order."""
    _require_manager(user, round)
    # Publishing the round decides the proposal: only one the user may decide goes in.
    require(user, "proposals.decide_proposal", proposal)
    with transaction.atomic():
        round_ = _locked_round(round)
        if proposal.status != STAGE_STATUS[round_.stage]:
            raise ValidationError(
                _("「%(title)s」は「%(status)s」のため、この審査回には入れられません。")
                % {"title": proposal.title, "status": proposal.get_status_display()}
            )
        if round_.entries.filter(proposal=proposal).exists():
            raise ValidationError(_("この提案はすでにこの審査回に入っています。"))
        order = round_.entries.count() + 1
        return ReviewEntry.objects.create(round=round_, proposal=proposal, presentation_order=order)


def reviewer_assign(
    *, round: ReviewRound, reviewer: User, user: User, kind: str, title: str = ""
) -> ReviewerAssignment:
    _require_manager(user, round)
    if not reviewer.is_reviewer:
        raise ValidationError(_("審査委員として登録された方だけを割り当てられます。"))
    with transaction.atomic():
        round_ = _locked_round(round)
        assignment, created = ReviewerAssignment.objects.get_or_create(
            round=round_, reviewer=reviewer, defaults={"kind": kind, "title": title}
        )
        if created:
            # By when (the first session) and where: each sheet's own page, not only the list.
            proposals = [entry.proposal for entry in round_.entries.select_related("proposal")]
            notify(
                [reviewer],
                message=_("「%(round)s」の審査委員に割り当てられました。")
                % {"round": round_.title},
                url=_my_round_url(round_),
                email_template="review/email/assigned",
                context={
                    "round": round_,
                    "sessions": list(round_.sessions.all()),
                    "sheets": _sheet_links(round_, proposals),
                },
            )
    return assignment


def _my_round_url(round_: ReviewRound) -> str:
    """The round's part of the reviewer's list (わたしの審査)."""
    return reverse("review:my_reviews") + f"#round-{round_.pk}-heading"


def _sheet_links(round_: ReviewRound, proposals: list[Proposal]) -> list[dict]:
    """Each proposal with the address of the reviewer's score sheet on it, for a mail."""
    return [
        {"proposal": proposal, "url": reverse("review:score_sheet", args=[round_.pk, proposal.pk])}
        for proposal in proposals
    ]


def round_start_scoring(*, round: ReviewRound, user: User) -> ReviewRound:
    return ROUND_WORKFLOW.perform(round, action="start_scoring", actor=user)


def _assignment(round_: ReviewRound, proposal: Proposal, reviewer: User) -> ReviewerAssignment:
    assignment = ReviewerAssignment.objects.filter(round=round_, reviewer=reviewer).first()
    if assignment is None or not round_.entries.filter(proposal=proposal).exists():
        raise PermissionDenied
    return assignment


def conflict_declare(
    *, round: ReviewRound, proposal: Proposal, reviewer: User, reason: str
) -> ConflictOfInterest:
    """A reviewer declares a conflict of interest: they will not score this proposal."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("利害関係の内容を入力してください。")})
    with transaction.atomic():
        round_ = _locked_round(round)
        _assignment(round_, proposal, reviewer)
        sheet = ScoreSheet.objects.filter(
            round=round_, proposal=proposal, reviewer=reviewer
        ).first()
        if sheet and sheet.submitted_at:
            raise ValidationError(
                _("採点票を提出した後は、利害関係を申告できません。事務局に連絡してください。")
            )
        if sheet:
            sheet.delete()  # an unsubmitted draft; a conflicted reviewer's marks must not stay
        conflict, _created = ConflictOfInterest.objects.get_or_create(
            round=round_, proposal=proposal, reviewer=reviewer, defaults={"reason": reason}
        )
    return conflict


def sheet_save(
    *,
    round: ReviewRound,
    proposal: Proposal,
    reviewer: User,
    scores: dict[int, tuple[int, str]],
    overall_comment: str = "",
    submit: bool = False,
) -> ScoreSheet:
    """Save a reviewer's scores (criterion id → (0..scale, comment)); submitting makes them final."""
    with transaction.atomic():
        round_ = _locked_round(round)
        _assignment(round_, proposal, reviewer)
        if round_.status != ReviewRound.Status.SCORING:
            raise ValidationError(_("この審査回は、まだ採点を受け付けていません。"))
        if ConflictOfInterest.objects.filter(
            round=round_, proposal=proposal, reviewer=reviewer
        ).exists():
            raise PermissionDenied
        criteria = {
            c.pk: c for c in Criterion.objects.filter(criterion_set_id=round_.criterion_set_id)
        }
        errors = {}
        for criterion_id, (value, comment) in scores.items():
            criterion = criteria.get(criterion_id)
            if criterion is None:
                raise ValidationError(_("この審査回にない審査項目です。"))
            if value is None or not 0 <= value <= criterion.scale:
                errors[criterion_id] = _("0から%(scale)sの整数で採点してください。") % {
                    "scale": criterion.scale
                }
            elif value <= 1 and not (comment or "").strip():
                errors[criterion_id] = _("0点・1点には、理由のコメントが必要です。")
        if submit:
            for criterion_id in criteria.keys() - {
                k for k, (v, _c) in scores.items() if v is not None
            }:
                errors.setdefault(criterion_id, _("すべての審査項目を採点してください。"))
        if errors:
            raise ValidationError({f"score_{key}": message for key, message in errors.items()})
        sheet, _created = ScoreSheet.objects.get_or_create(
            round=round_, proposal=proposal, reviewer=reviewer
        )
        if sheet.submitted_at:
            raise ValidationError(_("提出済みの採点票は変更できません。"))
        for criterion_id, (value, comment) in scores.items():
            if value is None:
                continue
            Score.objects.update_or_create(
                sheet=sheet,
                criterion_id=criterion_id,
                defaults={"value": value, "comment": (comment or "").strip()},
            )
        sheet.overall_comment = overall_comment.strip()
        if submit:
            sheet.submitted_at = timezone.now()
        sheet.save()
    return sheet


def entry_decide(*, entry: ReviewEntry, decision: str, reason: str, user: User) -> ReviewEntry:
    """Record a decision and its reason; it takes effect when the round's results are published."""
    _require_manager(user, entry.round)
    reason = reason.strip()
    with transaction.atomic():
        round_ = _locked_round(entry.round)
        if decision not in DECISION_ACTIONS[round_.stage]:
            raise ValidationError({"decision": _("この審査の段階では選べない決定です。")})
        if not reason:
            raise ValidationError(
                {"reason": _("決定の理由を入力してください。提案者に伝わり、公表されます。")}
            )
        ReviewEntry.objects.filter(pk=entry.pk).update(decision=decision, reason=reason)
        entry.refresh_from_db()
    return entry


def round_publish(*, round: ReviewRound, user: User, close_incomplete: bool = False) -> ReviewRound:
    """Publish every result of a round at once: apply each decision through the workflow, freeze scores."""
    return ROUND_WORKFLOW.perform(
        round,
        action="publish",
        actor=user,
        on_change=_apply_publication,
        close_incomplete=close_incomplete,
    )


def _apply_publication(round_: ReviewRound, change, transition, context) -> None:
    # Freeze everything the round was judged by, so that editing the criterion set later
    # (it is shared by later rounds) changes nothing published.
    entries, scheme, results = live_results(round_)
    by_proposal = {result.key: result for result in results}
    for entry in entries:
        ReviewEntry.objects.filter(pk=entry.pk).update(
            frozen_result=by_proposal[entry.proposal_id].to_dict()
        )
    for entry in round_.entries.select_related("proposal"):
        proposal_transition(
            proposal=entry.proposal,
            action=DECISION_ACTIONS[round_.stage][entry.decision],
            actor=context.actor,
            comment=entry.reason,
            review_round=round_,
        )
    ReviewRound.objects.filter(pk=round_.pk).update(
        status=transition.target,
        frozen_scheme=scheme.to_dict(),
        published_at=context.now,
        published_by=context.actor,
        closed_incomplete=bool(missing_sheets(round_)),
    )
    round_.refresh_from_db()


# --- Reminding reviewers before a session ---------------------------------------------


def send_review_reminders(*, days_before: int, now: datetime.datetime | None = None) -> int:
    """Mail every reviewer who still owes sheets, `days_before` days before a session, once per session."""
    now = now or timezone.now()
    sent = 0
    for session in selectors.sessions_to_remind(now=now, days_before=days_before):
        reminded = selectors.reviewers_reminded(session)
        for reviewer, proposals in selectors.sheets_owed_by_reviewer(session.round).items():
            if reviewer.pk not in reminded and _remind(session, reviewer, proposals):
                sent += 1
    return sent


def _remind(session: ReviewSession, reviewer: User, proposals: list[Proposal]) -> bool:
    """Record the reminder, then mail it; False if another run recorded it first."""
    round_ = session.round
    try:
        # The record comes first and in the same transaction as the mail: a second command
        # running at the same time fails on the unique pair, and its mail is never queued.
        with transaction.atomic():
            ReviewReminder.objects.create(
                session=session, reviewer=reviewer, sheets_left=len(proposals)
            )
            starts = formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
            notify(
                [reviewer],
                message=_(
                    "「%(round)s」の公開審査会（%(starts)s）が近づいています。"
                    "未提出の採点票が%(count)s件あります。"
                )
                % {"round": round_.title, "starts": starts, "count": len(proposals)},
                url=_my_round_url(round_),
                email_template="review/email/reminder",
                context={
                    "round": round_,
                    "session": session,
                    "sheets": _sheet_links(round_, proposals),
                },
            )
    except IntegrityError:
        return False
    return True


# --- Setting up rounds and sessions from the staff pages ---------------------------


def round_create(
    *,
    title: str,
    stage: str,
    fiscal_year: int,
    criterion_set: CriterionSet,
    user: User,
    department=None,
    call: Call | None = None,
) -> ReviewRound:
    """Create a round in preparation, run by its call's department (or the one given).

    A call's round scores against the set the call promised.
    """
    require(user, "proposals.manage_review")
    review_round = ReviewRound(
        title=title,
        stage=stage,
        fiscal_year=fiscal_year,
        call=call,
        # A call's round is its department's; otherwise the one given, or the creator's own.
        department=call.department if call is not None else (department or user.department),
        criterion_set=criterion_set,
        created_by=user,
        status=ReviewRound.Status.PREPARING,
    )
    _require_manager(user, review_round)
    if call is not None and criterion_set != call.scoring_set():
        raise ValidationError(
            {
                "criterion_set": _(
                    "事業の提示「%(call)s」の審査回は、募集で示した審査基準「%(set)s」で"
                    "採点します。別の基準は選べません。"
                )
                % {"call": call.title, "set": call.scoring_set()}
            }
        )
    criterion_set.scheme()  # refuses a set that cannot score (no criterion)
    review_round.save()
    return review_round


@dataclass(frozen=True)
class SessionValues:
    """A public presentation session (公開審査会): when, where, its notice and its minutes."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    description: str = ""
    is_announced: bool = False
    minutes: str = ""
    minutes_published: bool = False


def session_save(
    *, round: ReviewRound, values: SessionValues, user: User, session: ReviewSession | None = None
) -> ReviewSession:
    """Create a public presentation session of `round`, or edit `session`."""
    _require_manager(user, round)
    if session is not None and session.round_id != round.pk:
        raise PermissionDenied
    return save_values(session or ReviewSession(), values, round=round)
