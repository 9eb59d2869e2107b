from django.contrib import admin

from kunitachi_kyodo.admin import AuditEntryAdmin, AuditEntryInline, StoredFileInline

from .models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    GoalScore,
    Indicator,
    ProjectStatusChange,
    Report,
    ReportAttachment,
    ReportValue,
    RoleShare,
    RuleScore,
)


class ProjectStatusChangeInline(AuditEntryInline):
    model = ProjectStatusChange


@admin.register(ProjectStatusChange)
class ProjectStatusChangeAdmin(AuditEntryAdmin):
    list_display = ["project", *AuditEntryAdmin.list_display]
    search_fields = ["project__title", "comment"]
    list_select_related = ["project", "actor"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class RoleShareInline(admin.TabularInline):
    model = RoleShare
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
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
    inlines = [ProjectStatusChangeInline]


class ReportValueInline(admin.TabularInline):
    model = ReportValue
    extra = 0


class ReportAttachmentInline(StoredFileInline):
    model = ReportAttachment


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["project", "kind", "due_on", "submitted_at", "reminded_at"]
    list_filter = ["kind"]
    search_fields = ["project__title", "narrative"]
    list_select_related = ["project"]
    inlines = [ReportValueInline, ReportAttachmentInline]


class RuleScoreInline(admin.TabularInline):
    model = RuleScore
    extra = 0


class GoalScoreInline(admin.TabularInline):
    model = GoalScore
    extra = 0


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["project", "kind", "author", "submitted_at", "published_at"]
    list_filter = ["kind"]
    search_fields = ["project__title", "overall_comment"]
    list_select_related = ["project", "author"]
    inlines = [RuleScoreInline, GoalScoreInline]


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ["project", "choice", "decided_by", "decided_at", "published_at"]
    list_filter = ["choice"]
    list_select_related = ["project", "decided_by"]
