from django.contrib import admin

from kunitachi_kyodo.admin import (
    AuditEntryAdmin,
    AuditEntryInline,
    FrozenInlineMixin,
    FrozenModelAdmin,
    FrozenTabularInline,
    StoredFileInline,
)

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


def evaluation_is_frozen(evaluation: Evaluation) -> bool:
    return evaluation.submitted_at is not None  # and so a published one


def agreement_is_frozen(agreement: Agreement) -> bool:
    return agreement.is_locked or agreement.project.is_finished


def direction_is_frozen(direction: Direction) -> bool:
    return direction.is_frozen


def report_is_frozen(report: Report) -> bool:
    return report.submitted_at is not None


class ProjectStatusChangeInline(AuditEntryInline):
    model = ProjectStatusChange


@admin.register(ProjectStatusChange)
class ProjectStatusChangeAdmin(AuditEntryAdmin):
    list_display = ["project", *AuditEntryAdmin.list_display]
    search_fields = ["project__title", "comment"]
    list_select_related = ["project", "actor"]


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
    inlines = [ProjectStatusChangeInline]


class ReportValueInline(FrozenTabularInline):
    model = ReportValue
    extra = 0
    is_frozen = staticmethod(report_is_frozen)


class ReportAttachmentInline(FrozenInlineMixin, StoredFileInline):
    model = ReportAttachment
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
