from django.contrib import admin

from kunitachi_kyodo.admin import (
    AuditEntryAdmin,
    AuditEntryInline,
    RecordAdmin,
    StoredFileInline,
)

from .models import (
    BudgetLine,
    ConsultationMessage,
    Proposal,
    ProposalAttachment,
    ProposalRoleShare,
    ProposalVersion,
    ReceiptSequence,
    StatusChange,
)


class ProposalRoleShareInline(admin.TabularInline):
    model = ProposalRoleShare
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class ProposalAttachmentInline(StoredFileInline):
    model = ProposalAttachment


class StatusChangeInline(AuditEntryInline):
    model = StatusChange


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "proposer_name", "origin", "status", "department", "submitted_at"]
    list_filter = ["status", "origin", "department", "call"]
    search_fields = ["title", "public_summary", "organization__name", "proposer__full_name"]
    list_select_related = ["organization", "proposer", "department"]
    readonly_fields = [
        "status",
        "receipt_number",
        "lock_version",
        "submitted_at",
        "created_at",
        "updated_at",
    ]
    raw_id_fields = ["proposer", "organization", "call"]
    inlines = [
        ProposalRoleShareInline,
        BudgetLineInline,
        ProposalAttachmentInline,
        StatusChangeInline,
    ]


@admin.register(ReceiptSequence)
class ReceiptSequenceAdmin(RecordAdmin):
    """A number changed here could be given twice: shown, never edited."""

    list_display = ["fiscal_year", "last_number"]


@admin.register(ProposalVersion)
class ProposalVersionAdmin(RecordAdmin):
    list_display = ["proposal", "number", "submitted_at"]
    list_select_related = ["proposal"]
    readonly_fields = ["proposal", "number", "submitted_at", "snapshot"]


@admin.register(StatusChange)
class StatusChangeAdmin(AuditEntryAdmin):
    list_display = ["proposal", *AuditEntryAdmin.list_display]
    search_fields = ["proposal__title", "comment"]
    list_select_related = ["proposal", "actor"]


@admin.register(ConsultationMessage)
class ConsultationMessageAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at"]
    search_fields = ["proposal__title", "body"]
    list_select_related = ["proposal", "author"]
