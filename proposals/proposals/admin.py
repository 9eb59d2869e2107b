from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.admin import (
    AuditEntryAdmin,
    AuditEntryInline,
    RecordAdmin,
    StoredFileInline,
)

from .models import (
    BudgetLine,
    ConsultationMessage,
    Notice,
    NoticeSequence,
    NoticeTemplate,
    Proposal,
    ProposalAttachment,
    ProposalRoleShare,
    ProposalVersion,
    ReceiptSequence,
    StatusChange,
)
from .validators import PLACEHOLDERS


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


def placeholder_help():
    """The placeholders a template may use, each with what it is filled with."""
    return format_html(
        "{}<ul>{}</ul>{}",
        _("次の差し込み項目が使えます（半角の波かっこで囲みます）。"),
        format_html_join(
            "", "<li><code>{{{}}}</code>：{}</li>", ((n, d) for n, d in PLACEHOLDERS.items())
        ),
        _(
            "本文には {理由} が必要です。「記」だけの行は中央に、「以上」だけの行は右に寄せて印刷します。"
        ),
    )


class NoticeTemplateForm(forms.ModelForm):
    class Meta:
        model = NoticeTemplate
        fields = ["kind", "is_active", "sender", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request: shown in the language of the page.
        self.fields["subject"].help_text = _("件名にも差し込み項目が使えます（例：{事業名}）。")
        self.fields["body"].help_text = placeholder_help()


@admin.register(NoticeTemplate)
class NoticeTemplateAdmin(admin.ModelAdmin):
    """The city's wording of its notices. A change applies to notices issued afterwards only."""

    form = NoticeTemplateForm
    list_display = ["kind", "subject", "is_active", "updated_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["subject", "body"]


@admin.register(Notice)
class NoticeAdmin(RecordAdmin):
    """Issued notices are letters already sent: shown, never changed."""

    list_display = ["number", "kind", "proposal", "notice_date", "addressee"]
    list_filter = ["kind"]
    search_fields = ["number", "subject", "addressee", "proposal__title"]
    list_select_related = ["proposal"]


@admin.register(NoticeSequence)
class NoticeSequenceAdmin(RecordAdmin):
    """A number changed here could be given twice: shown, never edited."""

    list_display = ["fiscal_year", "last_number"]
