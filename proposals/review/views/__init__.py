"""Open review's pages: public, reviewers', city staff's."""

from .public import (
    review_index,
    round_results,
    session_detail,
    session_ical,
)
from .reviewer import conflict_declare, my_reviews, score_sheet
from .staff import (
    entry_decide,
    round_add_proposal,
    round_assign_reviewer,
    round_manage,
    round_publish,
    round_start_scoring,
    session_create,
    session_edit,
    staff_round_list,
)

__all__ = [
    "review_index",
    "round_results",
    "session_detail",
    "session_ical",
    "my_reviews",
    "score_sheet",
    "conflict_declare",
    "staff_round_list",
    "round_manage",
    "round_add_proposal",
    "round_assign_reviewer",
    "round_start_scoring",
    "entry_decide",
    "round_publish",
    "session_create",
    "session_edit",
]
