from django.contrib import admin

from ..models import (
    Agreement,
    BudgetLine,
    Call,
    CallAttachment,
    CollaborationProject,
    ConflictOfInterest,
    ConsultationMessage,
    Criterion,
    CriterionSet,
    Direction,
    Evaluation,
    GoalScore,
    Indicator,
    Proposal,
    ProposalAttachment,
    ProposalRoleShare,
    Report,
    ReportAttachment,
    ReportValue,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
    RoleShare,
    RuleScore,
    Score,
    ScoreSheet,
    StatusChange,
)
from .frozen import (
    FrozenModelAdmin,
    FrozenTabularInline,
    agreement_is_frozen,
    direction_is_frozen,
    evaluation_is_frozen,
    report_is_frozen,
    round_is_frozen,
    sheet_is_frozen,
)

FILE_FIELDS = ["original_name", "content_type", "size", "uploaded_by", "created_at"]


class CallAttachmentInline(admin.TabularInline):
    model = CallAttachment
    extra = 0
    fields = FILE_FIELDS
    readonly_fields = FILE_FIELDS


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "department",
        "status",
        "opens_at",
        "closes_at",
        "requires_consultation",
    ]
    list_filter = ["status", "department", "forms", "requires_consultation"]
    search_fields = ["title", "background", "expected_outcome"]
    list_select_related = ["department"]
    date_hierarchy = "opens_at"
    filter_horizontal = ["forms"]
    readonly_fields = ["status", "published_at", "created_by", "created_at", "updated_at"]
    inlines = [CallAttachmentInline]


class ProposalRoleShareInline(admin.TabularInline):
    model = ProposalRoleShare
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class ProposalAttachmentInline(admin.TabularInline):
    model = ProposalAttachment
    extra = 0
    fields = FILE_FIELDS
    readonly_fields = FILE_FIELDS


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fk_name = "proposal"
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "action", "from_status", "to_status", "comment", "is_public"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "proposer_name", "origin", "status", "department", "submitted_at"]
    list_filter = ["status", "origin", "department", "call"]
    search_fields = ["title", "public_summary", "organization__name", "proposer__full_name"]
    list_select_related = ["organization", "proposer", "department"]
    readonly_fields = ["status", "version", "submitted_at", "created_at", "updated_at"]
    raw_id_fields = ["proposer", "organization", "call"]
    inlines = [
        ProposalRoleShareInline,
        BudgetLineInline,
        ProposalAttachmentInline,
        StatusChangeInline,
    ]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "proposal",
        "project",
        "action",
        "from_status",
        "to_status",
        "actor",
        "is_public",
    ]
    list_filter = ["action", "to_status", "is_public"]
    search_fields = ["proposal__title", "project__title", "comment"]
    list_select_related = ["proposal", "project", "actor"]

    def has_change_permission(self, request, obj=None):
        return False  # the log is written by the services only

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ConsultationMessage)
class ConsultationMessageAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at"]
    search_fields = ["proposal__title", "body"]
    list_select_related = ["proposal", "author"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(CriterionSet)
class CriterionSetAdmin(admin.ModelAdmin):
    list_display = ["name", "pass_line", "is_default"]
    inlines = [CriterionInline]


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


class IndicatorInline(FrozenTabularInline):
    model = Indicator
    extra = 0
    is_frozen = staticmethod(agreement_is_frozen)


class RoleShareInline(FrozenTabularInline):
    model = RoleShare
    extra = 0
    is_frozen = staticmethod(agreement_is_frozen)


@admin.register(Agreement)
class AgreementAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(agreement_is_frozen)
    list_display = ["project", "version", "partner_confirmed_at", "department_confirmed_at"]
    search_fields = ["project__title", "shared_goal"]
    list_select_related = ["project"]
    readonly_fields = [
        "partner_confirmed_by",
        "partner_confirmed_at",
        "department_confirmed_by",
        "department_confirmed_at",
    ]
    inlines = [IndicatorInline, RoleShareInline]


@admin.register(CollaborationProject)
class CollaborationProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "origin", "department", "form", "first_fiscal_year", "status"]
    list_filter = ["status", "origin", "department", "form", "first_fiscal_year"]
    search_fields = ["title", "summary", "partners__name"]
    list_select_related = ["department", "form"]
    filter_horizontal = ["partners", "cooperation_kinds"]
    readonly_fields = ["status", "created_by", "created_at", "updated_at"]
    raw_id_fields = ["proposal"]


class ReportValueInline(FrozenTabularInline):
    model = ReportValue
    extra = 0
    is_frozen = staticmethod(report_is_frozen)


class ReportAttachmentInline(FrozenTabularInline):
    model = ReportAttachment
    extra = 0
    fields = FILE_FIELDS
    readonly_fields = FILE_FIELDS
    is_frozen = staticmethod(report_is_frozen)


@admin.register(Report)
class ReportAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(report_is_frozen)
    list_display = ["project", "kind", "due_on", "submitted_at", "reminded_at"]
    list_filter = ["kind"]
    search_fields = ["project__title", "narrative"]
    list_select_related = ["project"]
    inlines = [ReportValueInline, ReportAttachmentInline]


class RuleScoreInline(FrozenTabularInline):
    model = RuleScore
    extra = 0
    is_frozen = staticmethod(evaluation_is_frozen)


class GoalScoreInline(FrozenTabularInline):
    model = GoalScore
    extra = 0
    is_frozen = staticmethod(evaluation_is_frozen)


@admin.register(Evaluation)
class EvaluationAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(evaluation_is_frozen)
    list_display = ["project", "kind", "author", "submitted_at", "published_at"]
    list_filter = ["kind"]
    search_fields = ["project__title", "overall_comment"]
    list_select_related = ["project", "author"]
    inlines = [RuleScoreInline, GoalScoreInline]


@admin.register(Direction)
class DirectionAdmin(FrozenModelAdmin):
    is_frozen = staticmethod(direction_is_frozen)
    list_display = ["project", "choice", "decided_by", "decided_at", "published_at"]
    list_filter = ["choice"]
    list_select_related = ["project", "decided_by"]
