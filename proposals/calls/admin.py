from django.contrib import admin

from kunitachi_kyodo.admin import StoredFileInline

from .models import Call, CallAttachment, CallBriefing, CallQuestion, CallQuestionStatusChange


class CallAttachmentInline(StoredFileInline):
    model = CallAttachment


class CallBriefingInline(admin.TabularInline):
    model = CallBriefing
    extra = 0


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
    inlines = [CallAttachmentInline, CallBriefingInline]


class QuestionStatusChangeInline(admin.TabularInline):
    model = CallQuestionStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["action", "from_status", "to_status", "actor", "comment", "created_at"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CallQuestion)
class CallQuestionAdmin(admin.ModelAdmin):
    """Read-mostly: states move only through the staff's pages (the workflow writes the audit)."""

    list_display = ["call", "status", "asked_at", "answered_at"]
    list_filter = ["status", "call__department"]
    search_fields = ["text", "public_text", "answer", "call__title"]
    list_select_related = ["call"]
    date_hierarchy = "asked_at"
    readonly_fields = [
        "call",
        "asked_by",
        "text",
        "status",
        "asked_at",
        "answered_at",
        "answered_by",
    ]
    inlines = [QuestionStatusChangeInline]
