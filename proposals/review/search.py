"""What the search finds of this stage: review rounds whose results are published.

A round is found by its name, its call and the titles of the proposals it judged, never
before publication: until then its scores and decisions are the committee's.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes
from proposals.review.models import ReviewEntry, ReviewRound


def _published_rounds():
    return (
        ReviewRound.objects.filter(status=ReviewRound.Status.PUBLISHED)
        .select_related("call")
        .prefetch_related(
            Prefetch("entries", queryset=ReviewEntry.objects.select_related("proposal"))
        )
    )


@indexes(kind="review_round", label=_("審査結果"), model=ReviewRound, public=_published_rounds)
def round_document(round_: ReviewRound) -> Document:
    titles = [entry.proposal.title for entry in round_.entries.all()]
    return Document(
        title=round_.title,
        url=round_.get_absolute_url(),
        # Data, not a sentence: the index is written once, read in every language.
        snippet="、".join(titles),
        text="\n".join([round_.title, round_.call.title if round_.call else "", *titles]),
        updated_at=round_.published_at,
    )
