"""What open review adds to a proposal's page: its published results."""

from kunitachi_kyodo.sections import adds_to
from proposals.review.models import ReviewEntry, ReviewRound


@adds_to("proposals:proposal_detail")
def published_review_results(proposal, *, user) -> dict:
    """The proposal's entries in rounds whose results are published, ranked within each round.

    One query: every entry of those rounds is read, since a rank is only meaningful among
    the whole round.
    """
    rounds = ReviewEntry.objects.filter(
        proposal=proposal, round__status=ReviewRound.Status.PUBLISHED
    ).values("round_id")
    entries = list(
        ReviewEntry.objects.filter(round_id__in=rounds)
        .with_results()
        .select_related("round")
        .order_by("round__published_at", "round_id")
    )
    sizes: dict[int, int] = {}
    for entry in entries:
        sizes[entry.round_id] = sizes.get(entry.round_id, 0) + 1
    return {
        "review_results": [
            {
                "entry": entry,
                "round": entry.round,
                "total": entry.total,
                "rank": entry.rank if entry.total is not None else None,
                "of": sizes[entry.round_id],
            }
            for entry in entries
            if entry.proposal_id == proposal.pk
        ]
    }
