"""Open review in the admin. Once a round is published its numbers are read-only here too:
the results pages read the frozen copy, and the sheets and decisions behind it stay as published.
"""

from django.contrib import admin

from kunitachi_kyodo.admin import FrozenModelAdmin, FrozenTabularInline, RecordAdmin

from .models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewReminder,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)


def sheet_is_frozen(sheet: ScoreSheet) -> bool:
    return sheet.submitted_at is not None or sheet.round.is_published


def round_is_frozen(review_round: ReviewRound) -> bool:
    return review_round.is_published


def _published(review_round) -> bool:
    return review_round is not None and review_round.is_published


class ReviewEntryInline(admin.TabularInline):
    model = ReviewEntry
    extra = 0
    raw_id_fields = ["proposal"]
    fields = ["proposal", "presentation_order", "decision", "reason", "frozen_result"]

    def get_readonly_fields(self, request, obj=None):
        if _published(obj):
            return self.fields
        # Decisions and their reasons are recorded on the review pages (entry_decide), never here.
        return ["decision", "reason", "frozen_result"]

    def has_add_permission(self, request, obj=None):
        return not _published(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _published(obj) and super().has_delete_permission(request, obj)


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
    readonly_fields = [
        "status",
        "published_at",
        "published_by",
        "closed_incomplete",
        "frozen_scheme",
    ]
    inlines = [ReviewEntryInline, ReviewerAssignmentInline]

    def get_readonly_fields(self, request, obj=None):
        if _published(obj):
            # What the round was judged by stays as published; only its title may be corrected.
            return [*self.readonly_fields, "stage", "fiscal_year", "call", "criterion_set"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return not _published(obj) and super().has_delete_permission(request, obj)


@admin.register(ReviewSession)
class ReviewSessionAdmin(admin.ModelAdmin):
    list_display = ["round", "starts_at", "place", "is_announced", "minutes_published"]
    list_filter = ["is_announced", "minutes_published"]
    search_fields = ["place", "description", "minutes"]


@admin.register(ReviewReminder)
class ReviewReminderAdmin(RecordAdmin):
    list_display = ["session", "reviewer", "sheets_left", "sent_at"]
    list_select_related = ["session__round", "reviewer"]
    search_fields = ["session__place", "session__round__title", "reviewer__full_name"]


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(admin.ModelAdmin):
    list_display = ["round", "proposal", "reviewer", "declared_at"]
    list_select_related = ["round", "proposal", "reviewer"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and _published(obj.round):
            return ["round", "proposal", "reviewer", "reason"]
        return []

    def has_delete_permission(self, request, obj=None):
        return not (obj and _published(obj.round)) and super().has_delete_permission(request, obj)


class ScoreInline(FrozenTabularInline):
    model = Score
    extra = 0
    is_frozen = staticmethod(sheet_is_frozen)
    fields = ["criterion", "value", "comment"]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None and _published(obj.round) else []

    def has_add_permission(self, request, obj=None):
        published = obj is not None and _published(obj.round)
        return not published and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        published = obj is not None and _published(obj.round)
        return not published and super().has_delete_permission(request, obj)


@admin.register(ScoreSheet)
class ScoreSheetAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(sheet_is_frozen)
    list_display = ["round", "proposal", "reviewer", "submitted_at"]
    list_filter = ["round"]
    list_select_related = ["round", "proposal", "reviewer"]
    fields = ["round", "proposal", "reviewer", "overall_comment", "submitted_at"]
    inlines = [ScoreInline]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None and _published(obj.round) else []

    def has_delete_permission(self, request, obj=None):
        return not (obj and _published(obj.round)) and super().has_delete_permission(request, obj)
