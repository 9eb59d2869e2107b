from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    CollaborationRule,
    Criterion,
    CriterionSet,
    GuidelinePage,
    GuidelineRevision,
    ProjectForm,
)


@admin.register(CollaborationRule)
class CollaborationRuleAdmin(admin.ModelAdmin):
    list_display = ["number", "short_name", "text", "code"]
    search_fields = ["text", "short_name", "explanation"]


class ProjectFormKindInline(admin.TabularInline):
    model = ProjectForm
    fk_name = "parent"
    extra = 0
    fields = ["code", "name", "description", "order", "is_active"]


@admin.register(ProjectForm)
class ProjectFormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "lead", "parent", "order", "is_active"]
    list_filter = ["lead", "is_active", "parent"]
    search_fields = ["name", "description"]
    list_select_related = ["parent"]
    inlines = [ProjectFormKindInline]


class GuidelineRevisionInline(admin.StackedInline):
    """Revising the guideline adds a version; earlier versions stay readable."""

    model = GuidelineRevision
    extra = 0
    fields = ["number", "effective_on", "note", "body", "is_published", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]
    ordering = ["-number"]


@admin.register(GuidelinePage)
class GuidelinePageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "data_panel", "order"]
    list_editable = ["order"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GuidelineRevisionInline]

    def save_formset(self, request, form, formset, change):
        revisions = formset.save(commit=False)
        for revision in revisions:
            if revision.created_by_id is None:
                revision.created_by = request.user
            revision.save()
        formset.save_m2m()
        for deleted in formset.deleted_objects:
            deleted.delete()


@admin.register(GuidelineRevision)
class GuidelineRevisionAdmin(admin.ModelAdmin):
    list_display = [
        "page",
        "number",
        "effective_on",
        "note",
        "is_published",
        "created_by",
        "created_at",
    ]
    list_filter = ["page", "is_published"]
    search_fields = ["body", "note"]
    list_select_related = ["page", "created_by"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = [
        "order",
        "name",
        "description",
        "scale",
        "max_points",
        "veto_at_most",
        "tie_break_order",
    ]


@admin.register(CriterionSet)
class CriterionSetAdmin(admin.ModelAdmin):
    """A set is shared by calls and rounds; published rounds keep their own frozen copy."""

    list_display = ["name", "total_as", "converts_to_100", "pass_line", "is_default"]
    search_fields = ["name", "criteria__name"]
    fieldsets = [
        (None, {"fields": ["name", "is_default"]}),
        (
            _("合計点と判定"),
            {
                "fields": [
                    "total_as",
                    "converts_to_100",
                    "pass_line",
                    "aggregation",
                    "conflict",
                    "tie_break_requested_amount",
                    "decimals",
                    "on_100_decimals",
                ],
                "description": _(
                    "結果を公表した審査回は、公表した時点の基準と点数を保存しています。"
                    "ここで変更しても、公表済みの結果は変わりません。"
                ),
            },
        ),
    ]
    inlines = [CriterionInline]
