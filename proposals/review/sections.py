"""What open review adds to a proposal's page: its frozen results in the rounds published so far."""

from kunitachi_kyodo.sections import adds_to
from proposals.review.selectors import published_results_of


@adds_to("proposals:proposal_detail")
def published_review_results(proposal, *, user) -> dict:
    return {"review_results": published_results_of(proposal)}
