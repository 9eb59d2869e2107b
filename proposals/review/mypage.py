"""A reviewer's work and what waits in open review, as マイページ shows them (selectors kept apart)."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
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


@waits_in
def tasks_of(user: User) -> list[Task]:
    """A reviewer's sheets still to fill; the department's rounds to prepare and to publish."""
    tasks = []
    if user.is_reviewer:
        left = sum(item["left"] for item in review_work_of(user) if item["is_scoring"])
        tasks += waiting(Task(_("未提出の採点票"), left, reverse("review:my_reviews")))
    if user.is_city_staff:
        rounds = ReviewRound.objects.all()
        if not user.has_perm("organizations.act_citywide"):
            rounds = rounds.filter(department_id=user.department_id)
        staff_list = reverse("review:staff_round_list")
        counts = rounds.aggregate(
            preparing=Count("pk", filter=Q(status=ReviewRound.Status.PREPARING)),
            scoring=Count("pk", filter=Q(status=ReviewRound.Status.SCORING)),
        )
        tasks += waiting(
            Task(_("準備中の審査回"), counts["preparing"], staff_list),
            Task(_("採点中の審査回（決定と公表を待つ）"), counts["scoring"], staff_list),
        )
    return tasks
