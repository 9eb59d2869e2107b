from django.contrib import admin

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


@admin.register(CriterionSet)
class CriterionSetAdmin(admin.ModelAdmin):
    list_display = ["name", "pass_line", "is_default"]
    inlines = [CriterionInline]
