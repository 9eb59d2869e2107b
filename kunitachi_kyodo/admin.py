"""Admin pieces every app shares: attachments shown read-only, audit logs never edited,
and frozen records (submitted scores, published results, confirmed agreements…) shown,
not changed: the services refuse to change them, and the admin says the same. Each app
gives its admins an `is_frozen(obj)`; an inline is judged by its parent object.
"""

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


class RecordAdmin(admin.ModelAdmin):
    """Records written by the portal only and never changed (logs, submitted versions, the
    receipt sequence): shown in the admin, never added, edited or deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditEntryAdmin(RecordAdmin):
    list_display = AUDIT_FIELDS
    list_filter = ["action", "to_status", "is_public"]
    search_fields = ["comment"]


class FrozenMixin:
    """A model admin or inline whose object (an inline's parent) is read-only once frozen."""

    @staticmethod
    def is_frozen(obj) -> bool:
        raise NotImplementedError

    def _frozen(self, obj) -> bool:
        return obj is not None and self.is_frozen(obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


class FrozenInlineMixin(FrozenMixin):
    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)


class FrozenModelAdmin(FrozenMixin, admin.ModelAdmin):
    pass


class FrozenTabularInline(FrozenInlineMixin, admin.TabularInline):
    pass
