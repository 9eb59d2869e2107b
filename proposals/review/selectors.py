"""Page-level reads of open review: a round's results.

There is one computation, scoring.compute. A published round shows what was stored when it
was published (ReviewRound.frozen_scheme, ReviewEntry.frozen_result), whatever has become
of its criterion set since; an unpublished round, seen by staff only, is computed live from
the submitted sheets by the same function.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, F, OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.guideline import scoring
from proposals.guideline.models import points_label
from proposals.review.models import ConflictOfInterest, ReviewEntry, ReviewRound, Score

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


def _columns(scheme: scoring.Scheme) -> list[CriterionColumn]:
    return [
        CriterionColumn(c.key, c.name, points_label(c.scale, c.max_points)) for c in scheme.criteria
    ]


def _entries(review_round: ReviewRound) -> list[ReviewEntry]:
    """The round's entries with their proposals and each one's requested amount (希望額)."""
    return list(
        ReviewEntry.objects.filter(round=review_round)
        .annotate(requested_amount=F("proposal__requested_amount"))
        .select_related("proposal", "proposal__organization", "proposal__proposer")
        .order_by("presentation_order", "pk")
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
        return RoundResults(scheme, _columns(scheme), _rows(scheme, entries, results), True)

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
    return RoundResults(scheme, _columns(scheme), _rows(scheme, entries, results), False, problems)


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
