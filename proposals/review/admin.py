from django.contrib import admin

from kunitachi_kyodo.admin import FrozenModelAdmin, FrozenTabularInline

from .models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)


def sheet_is_frozen(sheet: ScoreSheet) -> bool:
    return sheet.submitted_at is not None or sheet.round.is_published


def round_is_frozen(review_round: ReviewRound) -> bool:
    return review_round.is_published


class ReviewEntryInline(FrozenTabularInline):
    model = ReviewEntry
    extra = 0
    raw_id_fields = ["proposal"]
    # Decisions and their reasons are recorded on the review pages (entry_decide), never here.
    readonly_fields = ["decision", "reason"]
    is_frozen = staticmethod(round_is_frozen)


class ReviewerAssignmentInline(FrozenTabularInline):
    model = ReviewerAssignment
    extra = 0
    raw_id_fields = ["reviewer"]
    is_frozen = staticmethod(round_is_frozen)


@admin.register(ReviewRound)
class ReviewRoundAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(round_is_frozen)
    list_display = ["title", "stage", "fiscal_year", "status", "published_at"]
    list_filter = ["stage", "status", "fiscal_year"]
    search_fields = ["title"]
    readonly_fields = ["status", "published_at", "published_by", "closed_incomplete"]
    inlines = [ReviewEntryInline, ReviewerAssignmentInline]


@admin.register(ReviewSession)
class ReviewSessionAdmin(admin.ModelAdmin):
    list_display = ["round", "starts_at", "place", "is_announced", "minutes_published"]
    list_filter = ["is_announced", "minutes_published"]
    search_fields = ["place", "description", "minutes"]


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(admin.ModelAdmin):
    list_display = ["round", "proposal", "reviewer", "declared_at"]
    list_select_related = ["round", "proposal", "reviewer"]


class ScoreInline(FrozenTabularInline):
    model = Score
    extra = 0
    is_frozen = staticmethod(sheet_is_frozen)


@admin.register(ScoreSheet)
class ScoreSheetAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(sheet_is_frozen)
    list_display = ["round", "proposal", "reviewer", "submitted_at"]
    list_filter = ["round"]
    list_select_related = ["round", "proposal", "reviewer"]
    inlines = [ScoreInline]
