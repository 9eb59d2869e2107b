from django.contrib import admin

from .models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)


class ReviewEntryInline(admin.TabularInline):
    model = ReviewEntry
    extra = 0
    raw_id_fields = ["proposal"]


class ReviewerAssignmentInline(admin.TabularInline):
    model = ReviewerAssignment
    extra = 0
    raw_id_fields = ["reviewer"]


@admin.register(ReviewRound)
class ReviewRoundAdmin(admin.ModelAdmin):
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


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


@admin.register(ScoreSheet)
class ScoreSheetAdmin(admin.ModelAdmin):
    list_display = ["round", "proposal", "reviewer", "submitted_at"]
    list_filter = ["round"]
    list_select_related = ["round", "proposal", "reviewer"]
    inlines = [ScoreInline]
