from django.contrib import admin

from kunitachi_kyodo.admin import AuditEntryInline

from .models import Consultation, ConsultationStatusChange, FollowUp


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ["recorded_by"]


class ConsultationStatusChangeInline(AuditEntryInline):
    model = ConsultationStatusChange


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["consulted_on", "summary", "category", "channel", "asker_kind", "status"]
    list_filter = ["status", "category", "channel", "asker_kind"]
    search_fields = ["summary", "asker_name"]
    raw_id_fields = ["organization", "handled_by"]
    readonly_fields = ["status"]
    inlines = [FollowUpInline, ConsultationStatusChangeInline]
