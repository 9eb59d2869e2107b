"""Page-level reads of open review: the public pages, reviewers' sheets, the staff's pages of
a round, and a round's results.

There is one computation, scoring.compute. A published round shows what was stored when it
was published (ReviewRound.frozen_scheme, ReviewEntry.frozen_result), whatever has become
of its criterion set since; an unpublished round, seen by staff only, is computed live from
the submitted sheets by the same function.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organizations.models import User
from proposals.calls.models import Call
from proposals.guideline import scoring
from proposals.guideline.models import Criterion, points_label
from proposals.proposals.models import Proposal
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

VERDICT_LABELS = {
    scoring.MEETS: gettext_lazy("基準以上"),
    scoring.BELOW: gettext_lazy("基準未満"),
    scoring.VETOED: gettext_lazy("拒否要件により不採択相当"),
    scoring.UNSCORED: gettext_lazy("採点なし"),
    scoring.NO_LINE: "",
}


@dataclass(frozen=True)
class CriterionColumn:
    key: str
    name: str
    points_label: str  # 「10点満点」 or 「0〜5点・配点20点」, as the set said when it was used
    description: str = ""


@dataclass(frozen=True)
class ResultRow:
    entry: ReviewEntry
    result: scoring.EntryResult
    points: list[Decimal | None]  # per criterion, in the columns' order, as shown

    @property
    def total(self) -> str:
        """「315点／424点満点」, with 「（100点換算 74.3点）」 where the scheme converts."""
        result = self.result
        if result.points is None:
            return ""
        if result.max_points == 100 and result.on_100 == result.points:
            return scoring.format_points(result.points, result.max_points)  # said once is enough
        return scoring.format_total(result)

    @property
    def verdict(self) -> str:
        return str(VERDICT_LABELS[self.result.verdict])


@dataclass(frozen=True)
class RoundResults:
    scheme: scoring.Scheme
    columns: list[CriterionColumn]
    rows: list[ResultRow]  # by rank; unranked last, in presentation order
    frozen: bool
    problems: tuple[str, ...] = ()  # why a live preview cannot be ranked yet

    @property
    def has_pass_line(self) -> bool:
        return self.scheme.pass_line is not None

    @property
    def pass_line(self) -> Decimal | None:
        return self.scheme.pass_line


def criterion_columns(scheme: scoring.Scheme) -> list[CriterionColumn]:
    return [
        CriterionColumn(c.key, c.name, points_label(c.scale, c.max_points)) for c in scheme.criteria
    ]


def _presented(entries: QuerySet[ReviewEntry]) -> QuerySet[ReviewEntry]:
    """Entries with their proposals, organizations and proposers, in presentation order."""
    return entries.select_related("proposal__organization", "proposal__proposer").order_by(
        "presentation_order", "pk"
    )


def _entries(review_round: ReviewRound) -> list[ReviewEntry]:
    """The round's entries with their proposals and each one's requested amount (希望額)."""
    return list(
        _presented(
            ReviewEntry.objects.filter(round=review_round).annotate(
                requested_amount=F("proposal__requested_amount")
            )
        )
    )


def scoring_entries(review_round: ReviewRound, entries: list[ReviewEntry]) -> list[scoring.Entry]:
    """The round's submitted sheets and declared conflicts, as scoring.compute reads them."""
    sheets: dict[int, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for proposal_id, reviewer_id, criterion_id, value in Score.objects.filter(
        sheet__round=review_round, sheet__submitted_at__isnull=False
    ).values_list("sheet__proposal_id", "sheet__reviewer_id", "criterion_id", "value"):
        sheets[proposal_id][reviewer_id][str(criterion_id)] = value
    conflicts: dict[int, set[int]] = defaultdict(set)
    for proposal_id, reviewer_id in ConflictOfInterest.objects.filter(
        round=review_round
    ).values_list("proposal_id", "reviewer_id"):
        conflicts[proposal_id].add(reviewer_id)
    return [
        scoring.Entry(
            key=entry.proposal_id,
            sheets=dict(sheets[entry.proposal_id]),
            conflicts=frozenset(conflicts[entry.proposal_id]),
            requested_amount=entry.requested_amount,
        )
        for entry in entries
    ]


def incomparable_problems(
    scheme: scoring.Scheme, entries: list[ReviewEntry], computed: list[scoring.Entry]
) -> list[str]:
    """Why sums in points cannot be ranked: each proposal's maximum, in Japanese."""
    titles = {entry.proposal_id: entry.proposal.title for entry in entries}
    lines = [
        _(
            "この審査基準は委員全員の合計点を100点換算せずに比べるため、すべての提案を同じ"
            "人数の委員が採点している必要があります。満点が提案によって異なります："
        )
    ]
    for item in computed:
        [result] = scoring.compute(scheme, [item])
        if result.max_points is not None:
            lines.append(
                _("「%(title)s」%(max)s点満点（%(sheets)s人の委員が採点、利害関係%(conflicts)s人）")
                % {
                    "title": titles[item.key],
                    "max": result.max_points,
                    "sheets": result.scored_by,
                    "conflicts": result.conflicts,
                }
            )
    lines.append(
        _(
            "未提出の採点票を提出してもらうか、利害関係の扱いを「ほかの委員の平均で埋める」"
            "にした審査基準を使ってください。"
        )
    )
    return lines


def _compute(scheme, entries, computed) -> list[scoring.EntryResult]:
    try:
        return scoring.compute(scheme, computed)
    except scoring.IncomparableTotals as error:
        raise ValidationError(incomparable_problems(scheme, entries, computed)) from error
    except ValueError as error:
        # A sheet that does not match the set (a criterion added after it was submitted).
        raise ValidationError(
            _("採点票が審査基準と合わないため集計できません（%(error)s）。") % {"error": error}
        ) from error


def live_results(
    review_round: ReviewRound,
) -> tuple[list[ReviewEntry], scoring.Scheme, list[scoring.EntryResult]]:
    """Compute the round now under its criterion set. Raises ValidationError if it cannot."""
    entries = _entries(review_round)
    scheme = review_round.criterion_set.scheme()
    return entries, scheme, _compute(scheme, entries, scoring_entries(review_round, entries))


def _rows(scheme, entries, results) -> list[ResultRow]:
    by_key = {result.key: result for result in results}
    rows = []
    for entry in entries:
        result = by_key.get(entry.proposal_id) or scoring.EntryResult(
            key=entry.proposal_id, verdict=scoring.UNSCORED
        )
        points = [result.criterion_points.get(c.key) for c in scheme.criteria]
        rows.append(ResultRow(entry=entry, result=result, points=points))
    # By rank, the unranked last; the presentation order between equals.
    return sorted(rows, key=lambda row: (row.result.rank is None, row.result.rank or 0))


def round_results(review_round: ReviewRound) -> RoundResults:
    """The round's results: frozen once published, computed live before (for staff)."""
    entries = _entries(review_round)
    if review_round.is_published:
        scheme = scoring.Scheme.from_dict(review_round.frozen_scheme)
        results = [
            scoring.EntryResult.from_dict(entry.frozen_result)
            for entry in entries
            if entry.frozen_result is not None
        ]
        return RoundResults(
            scheme, criterion_columns(scheme), _rows(scheme, entries, results), True
        )

    scheme = review_round.criterion_set.scheme()
    computed = scoring_entries(review_round, entries)
    problems: tuple[str, ...] = ()
    try:
        results = _compute(scheme, entries, computed)
    except ValidationError as error:
        # The preview still shows each proposal's own numbers, without ranks.
        problems = tuple(error.messages)
        results = []
        for item in computed:
            try:
                [result] = scoring.compute(scheme, [item])
            except ValueError:
                continue
            results.append(replace(result, rank=None))
    return RoundResults(
        scheme, criterion_columns(scheme), _rows(scheme, entries, results), False, problems
    )


def published_entries_by_rank(review_round: ReviewRound) -> QuerySet[ReviewEntry]:
    """A published round's entries in the order of its results, for a page sliced in SQL.

    The frozen rank first (the unranked last), then the presentation order: the order
    `_rows` gives, without reading every entry of a 2,000-entry round to show 50.
    """
    rank = Cast(KT("frozen_result__rank"), IntegerField())
    return _presented(
        ReviewEntry.objects.filter(round=review_round).annotate(
            requested_amount=F("proposal__requested_amount")
        )
    ).order_by(rank.asc(nulls_last=True), "presentation_order", "pk")


def published_results_of_entries(review_round: ReviewRound, entries) -> RoundResults:
    """The frozen results of some of a published round's entries (one page of them)."""
    entries = list(entries)
    scheme = scoring.Scheme.from_dict(review_round.frozen_scheme)
    results = [
        scoring.EntryResult.from_dict(entry.frozen_result)
        for entry in entries
        if entry.frozen_result is not None
    ]
    return RoundResults(scheme, criterion_columns(scheme), _rows(scheme, entries, results), True)


def published_results_of(proposal) -> list[dict]:
    """A proposal's frozen results in the rounds published so far, with each round's size."""
    sizes = (
        ReviewEntry.objects.filter(round_id=OuterRef("round_id"))
        .values("round_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    entries = (
        ReviewEntry.objects.filter(proposal=proposal, round__status=ReviewRound.Status.PUBLISHED)
        .annotate(of=Subquery(sizes))
        .select_related("round")
        .order_by("round__published_at", "round_id")
    )
    rows = []
    for entry in entries:
        result = (
            scoring.EntryResult.from_dict(entry.frozen_result)
            if entry.frozen_result is not None
            else scoring.EntryResult(key=entry.proposal_id, verdict=scoring.UNSCORED)
        )
        rows.append(
            {
                "entry": entry,
                "round": entry.round,
                "row": ResultRow(entry=entry, result=result, points=[]),
                "rank": result.rank,
                "of": entry.of,
            }
        )
    return rows


# --- Where the score sheets stand ------------------------------------------------------

# Where a reviewer stands on one proposal: the same four states on the reviewer's list
# and on the staff's progress table, each page with its own words for them.
SUBMITTED, DRAFT, CONFLICT, TODO = "submitted", "draft", "conflict", "todo"
OWED = (DRAFT, TODO)  # a sheet still to be submitted


def _standing(key_fields: tuple[str, str], **where) -> Callable[[tuple[int, int]], str]:
    """The state of each sheet (keyed by `key_fields`) among the sheets and conflicts `where`."""
    sheets = {
        (first, second): submitted_at
        for first, second, submitted_at in ScoreSheet.objects.filter(**where).values_list(
            *key_fields, "submitted_at"
        )
    }
    conflicts = set(ConflictOfInterest.objects.filter(**where).values_list(*key_fields))

    def state(key: tuple[int, int]) -> str:
        if key in conflicts:
            return CONFLICT
        if key in sheets:
            return SUBMITTED if sheets[key] else DRAFT
        return TODO

    return state


def missing_sheets(round_: ReviewRound) -> list[tuple[User, Proposal]]:
    """(reviewer, proposal) pairs owing a submitted sheet, conflicts aside: the publish guard."""
    entries = list(round_.entries.select_related("proposal"))
    assignments = list(round_.assignments.select_related("reviewer"))
    submitted = set(
        ScoreSheet.objects.filter(round=round_, submitted_at__isnull=False).values_list(
            "reviewer_id", "proposal_id"
        )
    )
    conflicted = set(
        ConflictOfInterest.objects.filter(round=round_).values_list("reviewer_id", "proposal_id")
    )
    return [
        (a.reviewer, e.proposal)
        for a in assignments
        for e in entries
        if (a.reviewer_id, e.proposal_id) not in submitted | conflicted
    ]


def sheets_owed_by_reviewer(round_: ReviewRound) -> dict[User, list[Proposal]]:
    """Each reviewer still owing sheets in the round, with those proposals in presentation order."""
    owed: dict[User, list[Proposal]] = defaultdict(list)
    for reviewer, proposal in missing_sheets(round_):
        owed[reviewer].append(proposal)
    return dict(owed)


def sessions_to_remind(*, now: datetime.datetime, days_before: int) -> QuerySet[ReviewSession]:
    """Sessions still ahead and at most `days_before` days away (by the date in the city's
    time zone), of rounds being scored: a round in preparation has no sheet open to fill."""
    last_day = timezone.localdate(now) + datetime.timedelta(days=days_before)
    return (
        ReviewSession.objects.filter(
            starts_at__gt=now,
            starts_at__date__lte=last_day,
            round__status=ReviewRound.Status.SCORING,
        )
        .select_related("round")
        .order_by("starts_at", "pk")
    )


def reviewers_reminded(session: ReviewSession) -> set[int]:
    """The ids of the reviewers already reminded before this session."""
    return set(ReviewReminder.objects.filter(session=session).values_list("reviewer_id", flat=True))


# --- Public pages -----------------------------------------------------------------------


def announced_sessions() -> QuerySet[ReviewSession]:
    """Every announced session with its round, the earliest first: the public index."""
    return (
        ReviewSession.objects.filter(is_announced=True)
        .select_related("round")
        .order_by("starts_at", "pk")
    )


def published_rounds() -> QuerySet[ReviewRound]:
    """The rounds whose results are published, the latest first: the public index."""
    return ReviewRound.objects.filter(status=ReviewRound.Status.PUBLISHED).order_by(
        "-published_at", "-pk"
    )


def published_rounds_with_call() -> QuerySet[ReviewRound]:
    """Published rounds with their call, for anyone: the results page looks one up."""
    return ReviewRound.objects.select_related("call").filter(status=ReviewRound.Status.PUBLISHED)


def published_entries() -> QuerySet[ReviewEntry]:
    """Every entry of every published round with its round and proposer, round by round, in
    presentation order: the review results' open data, read one chunk at a time."""
    return (
        ReviewEntry.objects.filter(round__status=ReviewRound.Status.PUBLISHED)
        .select_related("round__department", "proposal__organization", "proposal__proposer")
        .order_by("round__published_at", "round_id", "presentation_order", "pk")
    )


def round_reviewers(review_round: ReviewRound) -> QuerySet[ReviewerAssignment]:
    """The round's reviewers by kind (external first), as its public results name them."""
    return review_round.assignments.select_related("reviewer").order_by("kind", "pk")


def announced_sessions_of(review_round: ReviewRound) -> QuerySet[ReviewSession]:
    """The round's announced sessions, for anyone (its results page)."""
    return review_round.sessions.filter(is_announced=True)


def sessions_with_round() -> QuerySet[ReviewSession]:
    """Sessions with their round: the session page, its iCal and the staff's edit form."""
    return ReviewSession.objects.select_related("round")


def round_entries(review_round: ReviewRound) -> QuerySet[ReviewEntry]:
    """The round's entries with their proposers, in presentation order: session page, sheets."""
    return _presented(review_round.entries.all())


# --- Reviewers --------------------------------------------------------------------------


def reviewer_tasks(
    user: User,
) -> list[tuple[ReviewerAssignment, list[tuple[ReviewEntry, str]]]]:
    """A reviewer's rounds, latest first, each entry with where the reviewer's sheet stands."""
    assignments = list(
        ReviewerAssignment.objects.filter(reviewer=user)
        .select_related("round")
        .order_by("-round__fiscal_year", "-round__created_at")
    )
    round_ids = [a.round_id for a in assignments]
    entries = _presented(ReviewEntry.objects.filter(round_id__in=round_ids))
    state = _standing(("round_id", "proposal_id"), reviewer=user, round_id__in=round_ids)
    by_round: dict[int, list] = {round_id: [] for round_id in round_ids}
    for entry in entries:
        by_round[entry.round_id].append((entry, state((entry.round_id, entry.proposal_id))))
    return [(a, by_round[a.round_id]) for a in assignments]


def rounds_to_score() -> QuerySet[ReviewRound]:
    """Rounds with their criterion set: a reviewer's score sheet looks one up."""
    return ReviewRound.objects.select_related("criterion_set")


def is_assigned(review_round: ReviewRound, user: User) -> bool:
    """Whether the user is assigned to the round as a reviewer: only they have sheets to fill."""
    return review_round.assignments.filter(reviewer=user).exists()


def round_criteria(review_round: ReviewRound) -> QuerySet[Criterion]:
    """The criteria of the round's set, in their order: what a reviewer's sheet scores."""
    return Criterion.objects.filter(criterion_set_id=review_round.criterion_set_id)


def _scores_prefetch() -> Prefetch:
    return Prefetch(
        "scores",
        queryset=Score.objects.select_related("criterion").order_by("criterion__order", "pk"),
    )


def sheet_of(review_round: ReviewRound, proposal: Proposal, reviewer: User) -> ScoreSheet | None:
    """The reviewer's own sheet on the proposal with its scores, or None (not started)."""
    return (
        ScoreSheet.objects.filter(round=review_round, proposal=proposal, reviewer=reviewer)
        .prefetch_related(_scores_prefetch())
        .first()
    )


def has_submitted(review_round: ReviewRound, proposal: Proposal, reviewer: User) -> bool:
    """Whether the reviewer's sheet on the proposal is submitted (final): the sheet's POST."""
    return ScoreSheet.objects.filter(
        round=review_round, proposal=proposal, reviewer=reviewer, submitted_at__isnull=False
    ).exists()


def other_sheets(
    review_round: ReviewRound, proposal: Proposal, reviewer: User
) -> QuerySet[ScoreSheet]:
    """Others' submitted sheets on the proposal, with scores: for a reviewer who submitted too."""
    return (
        ScoreSheet.objects.filter(round=review_round, proposal=proposal, submitted_at__isnull=False)
        .exclude(reviewer=reviewer)
        .select_related("reviewer")
        .prefetch_related(_scores_prefetch())
        .order_by("submitted_at", "pk")
    )


# --- City staff -------------------------------------------------------------------------


def rounds_to_manage() -> QuerySet[ReviewRound]:
    """Rounds with their criterion set and call: the staff's pages of one round look one up."""
    return ReviewRound.objects.select_related("criterion_set", "call")


def call_by_pk(pk: int | str) -> Call | None:
    """The call with this key, or None: the call a new round is created for."""
    return Call.objects.filter(pk=pk).first()


def rounds_for(user: User) -> QuerySet[ReviewRound]:
    """The rounds a staff member manages (all, for coordinators), with their entry counts."""
    rounds = ReviewRound.objects.all()
    if not user.has_perm("organizations.act_citywide"):
        rounds = rounds.in_department(user.department_id)
    return (
        rounds.select_related("call", "criterion_set", "department")
        .annotate(entry_count=Count("entries", distinct=True))
        .order_by("-fiscal_year", "-created_at")
    )


def addable_proposals(review_round: ReviewRound, user: User) -> QuerySet[Proposal]:
    """Proposals staff may add: waiting for this stage, not in yet, of the round's department."""
    # Coordinators may add any: they decide them.
    proposals = Proposal.objects.filter(status=STAGE_STATUS[review_round.stage])
    if not user.has_perm("organizations.act_citywide"):
        proposals = proposals.in_department(review_round.department_id)
    return (
        proposals.exclude(review_entries__round=review_round)
        .select_related("organization", "proposer")
        .order_by("title", "pk")
    )


def assignable_reviewers(review_round: ReviewRound) -> QuerySet[User]:
    """Active registered reviewers not yet on the round, by reading of their name (for staff)."""
    return (
        User.objects.filter(is_reviewer=True, is_active=True)
        .exclude(review_assignments__round=review_round)
        .order_by("full_name_kana", "pk")
    )


def round_progress(
    review_round: ReviewRound, proposal_ids: list[int]
) -> list[tuple[ReviewerAssignment, list[str]]]:
    """Each reviewer with the state of their sheet on each proposal given: the progress table."""
    assignments = list(review_round.assignments.select_related("reviewer").order_by("pk"))
    state = _standing(("reviewer_id", "proposal_id"), round=review_round)
    return [
        (a, [state((a.reviewer_id, proposal_id)) for proposal_id in proposal_ids])
        for a in assignments
    ]


def entries_to_decide(review_round: ReviewRound) -> QuerySet[ReviewEntry]:
    """The round's entries with their round and proposal: staff look one up to decide it."""
    return ReviewEntry.objects.select_related("round", "proposal").filter(round=review_round)


def latest_published_rounds(
    *, department_id: int | None, field_id: int | None, limit: int
) -> QuerySet[ReviewRound]:
    """Published rounds, latest publication first, of a department or a field (the feeds).

    A round is in a field's feed when a proposal it judged comes from an organization
    working in that field.
    """
    rounds = published_rounds().select_related("department", "call")
    if department_id is not None:
        rounds = rounds.filter(department_id=department_id)
    if field_id is not None:
        judged = ReviewEntry.objects.filter(proposal__organization__fields=field_id)
        rounds = rounds.filter(pk__in=judged.values("round"))
    return rounds[:limit]


def announced_sessions_since(since: datetime.datetime) -> QuerySet[ReviewSession]:
    """Announced sessions from `since` on, with the department running them (the calendar)."""
    return announced_sessions().filter(starts_at__gte=since).select_related("round__department")
