"""What review adds to the permission vocabulary: the predicates that read its own models.

An assigned reviewer reads the proposals of their round whole, and neither reads the private
parts of nor scores a proposal they declared a conflict on. The shared predicates are in
proposals/permissions.py; this module is imported by the app's ready().
"""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.permissions import predicate
from proposals.permissions import is_entry_reviewer, is_proposal_city_side, is_proposer
from proposals.review.models import ConflictOfInterest, ReviewerAssignment


@predicate(_("利害関係を申告した提案です。"))
def is_conflicted_reviewer(user, proposal) -> bool:
    return (
        proposal is not None
        and user.is_authenticated
        and ConflictOfInterest.objects.filter(reviewer=user, proposal=proposal).exists()
    )


@predicate(_("この提案を審査する審査委員ではありません。"))
def reviews_proposal(user, proposal) -> bool:
    """A reviewer assigned to a round that reviews this proposal (they read it whole, files too)."""
    return (
        proposal is not None
        and user.is_authenticated
        and user.is_reviewer
        and ReviewerAssignment.objects.filter(
            reviewer=user, round__entries__proposal=proposal
        ).exists()
    )


@predicate(_("利害関係を申告した提案は採点しません。"))
def is_conflicted_on_entry(user, entry) -> bool:
    """A conflict declared on the entry's proposal in the entry's round."""
    return (
        entry is not None
        and user.is_authenticated
        and ConflictOfInterest.objects.filter(
            reviewer=user, round_id=entry.round_id, proposal_id=entry.proposal_id
        ).exists()
    )


reviews_without_conflict = reviews_proposal & (~is_conflicted_reviewer).because(
    _("利害関係を申告した提案の非公開部分は見られません。"), name="has_no_conflict"
)

# Budget details, attachments and the consultation thread: never public. Assigned reviewers
# read the whole proposal (they score it), unless they declared a conflict on it.
rules.add_perm(
    "proposals.view_private_parts", is_proposer | is_proposal_city_side | reviews_without_conflict
)
rules.add_perm(
    "proposals.score_entry",
    is_entry_reviewer
    & (~is_conflicted_on_entry).because(
        _("利害関係を申告した提案は採点しません。"), name="has_no_conflict_on_entry"
    ),
)
