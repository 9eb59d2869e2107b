"""Admin pieces every app shares: attachments shown read-only, audit logs never edited."""

from django.contrib import admin

FILE_FIELDS = ["original_name", "content_type", "size", "uploaded_by", "created_at"]
AUDIT_FIELDS = ["created_at", "actor", "action", "from_status", "to_status", "comment", "is_public"]


class StoredFileInline(admin.TabularInline):
    """Uploaded files: their facts read-only (a file is replaced by uploading, not edited)."""

    extra = 0
    fields = FILE_FIELDS
    readonly_fields = FILE_FIELDS


class AuditEntryInline(admin.TabularInline):
    """A thing's audit rows, read-only: the log is written by the workflow engine only."""

    extra = 0
    can_delete = False
    fields = AUDIT_FIELDS
    readonly_fields = AUDIT_FIELDS

    def has_add_permission(self, request, obj=None):
        return False


class AuditEntryAdmin(admin.ModelAdmin):
    list_display = AUDIT_FIELDS
    list_filter = ["action", "to_status", "is_public"]
    search_fields = ["comment"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the log is written by the workflow engine only

    def has_delete_permission(self, request, obj=None):
        return False
