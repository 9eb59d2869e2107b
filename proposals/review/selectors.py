"""Page-level reads of open review: a round's results, computed by the database."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg

from proposals.guideline.models import Criterion
from proposals.review.models import ReviewEntry, ReviewRound, Score


@dataclass
class EntryResult:
    entry: ReviewEntry
    total: float | None
    rank: int | None
    reviewer_count: int
    means: list[tuple[Criterion, float | None]]
    passes: bool


def round_results(review_round: ReviewRound) -> list[EntryResult]:
    """Per proposal: per-criterion means, scaled total, rank and pass/fail, in three queries."""
    criteria = list(Criterion.objects.filter(criterion_set_id=review_round.criterion_set_id))
    entries = (
        ReviewEntry.objects.filter(round=review_round)
        .with_results()
        .select_related("proposal", "proposal__organization", "proposal__proposer")
        .order_by("rank", "presentation_order")
    )
    means: dict[int, dict[int, float]] = defaultdict(dict)
    for row in (
        Score.objects.filter(sheet__round=review_round, sheet__submitted_at__isnull=False)
        .values("sheet__proposal_id", "criterion_id")
        .annotate(mean=Avg("value"))
    ):
        means[row["sheet__proposal_id"]][row["criterion_id"]] = row["mean"]
    pass_line = review_round.criterion_set.pass_line
    return [
        EntryResult(
            entry=entry,
            total=entry.total,
            rank=entry.rank if entry.total is not None else None,
            reviewer_count=entry.reviewer_count,
            means=[
                (criterion, means[entry.proposal_id].get(criterion.pk)) for criterion in criteria
            ],
            passes=entry.total is not None and entry.total >= pass_line,
        )
        for entry in entries
    ]
