from django.contrib import admin

from kunitachi_kyodo.admin import StoredFileInline

from .models import Call, CallAttachment


class CallAttachmentInline(StoredFileInline):
    model = CallAttachment


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
