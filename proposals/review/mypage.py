"""A reviewer's work as マイページ shows it (a selector kept apart from selectors.py)."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from organizations.models import User
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ScoreSheet,
)


def review_work_of(user: User, *, limit: int = 10) -> list[dict]:
    """A reviewer's rounds and how many sheets each still needs, in one query."""
    if not user.is_reviewer:
        return []

    def count(queryset):
        return Coalesce(
            Subquery(queryset.values("round_id").annotate(n=Count("pk")).values("n")), 0
        )

    mine = {"round_id": OuterRef("round_id"), "reviewer_id": OuterRef("reviewer_id")}
    assignments = (
        ReviewerAssignment.objects.filter(reviewer=user)
        .select_related("round")
        .annotate(
            entry_count=count(ReviewEntry.objects.filter(round_id=OuterRef("round_id"))),
            submitted_count=count(ScoreSheet.objects.filter(submitted_at__isnull=False, **mine)),
            conflict_count=count(ConflictOfInterest.objects.filter(**mine)),
        )
        .order_by("-round__created_at")[:limit]
    )
    return [
        {
            "round": a.round,
            "left": a.entry_count - a.submitted_count - a.conflict_count,
            "is_scoring": a.round.status == a.round.Status.SCORING,
        }
        for a in assignments
    ]
