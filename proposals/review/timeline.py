"""What open review adds to a proposal's record: the publication of each round it was in."""

from kunitachi_kyodo.timeline import contributes_to, labelled

from .models import RoundStatusChange
from .workflow import ROUND_WORKFLOW


@contributes_to("proposals.proposal")
def round_publications(proposal, *, private: bool) -> list:
    rows = RoundStatusChange.objects.public().filter(round__entries__proposal=proposal)
    return labelled(rows, ROUND_WORKFLOW)
