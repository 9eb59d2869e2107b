from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.admin import AuditEntryAdmin, AuditEntryInline

from .models import (
    ActivityField,
    Department,
    District,
    Invitation,
    Membership,
    Organization,
    OrganizationChange,
    OrganizationStatusChange,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "full_name",
        "is_active",
        "is_city_staff",
        "department",
        "is_collaboration_coordinator",
        "is_reviewer",
        "is_support_staff",
        "is_support_lead",
        "is_staff",
        "date_joined",
    ]
    list_filter = [
        "is_active",
        "is_city_staff",
        "is_collaboration_coordinator",
        "is_reviewer",
        "is_support_staff",
        "is_support_lead",
        "is_staff",
        "department",
    ]
    search_fields = ["email", "full_name", "full_name_kana"]
    list_select_related = ["department"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("氏名"), {"fields": ["full_name", "full_name_kana"]}),
        (
            _("役割"),
            {
                "fields": [
                    "is_city_staff",
                    "department",
                    "is_collaboration_coordinator",
                    "is_reviewer",
                    "is_support_staff",
                    "is_support_lead",
                ]
            },
        ),
        (
            _("権限"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("日時"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class OrganizationStatusChangeInline(AuditEntryInline):
    model = OrganizationStatusChange


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "is_public", "representative_name", "created_at"]
    list_filter = ["status", "kind", "is_public", "fields", "districts"]
    search_fields = ["name", "name_kana", "representative_name", "email"]
    filter_horizontal = ["fields", "districts"]
    readonly_fields = ["status", "created_by", "created_at", "updated_at"]
    inlines = [MembershipInline, OrganizationStatusChangeInline]
    date_hierarchy = "created_at"


@admin.register(OrganizationStatusChange)
class OrganizationStatusChangeAdmin(AuditEntryAdmin):
    list_display = ["organization", *AuditEntryAdmin.list_display]
    search_fields = ["organization__name", "comment"]
    list_select_related = ["organization", "actor"]


@admin.register(OrganizationChange)
class OrganizationChangeAdmin(admin.ModelAdmin):
    """The record of identity changes; decided on the office's review page, not here."""

    list_display = ["organization", "status", "requested_by", "requested_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["organization__name", "reason"]
    list_select_related = ["organization", "requested_by", "decided_by"]
    readonly_fields = [
        "organization",
        "proposed",
        "previous",
        "status",
        "requested_by",
        "requested_at",
        "decided_by",
        "decided_at",
        "reason",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__full_name", "organization__name"]
    list_select_related = ["user", "organization"]
    autocomplete_fields = ["user", "organization"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "invited_by", "created_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization", "invited_by"]
    readonly_fields = ["token", "created_at", "accepted_at", "accepted_by"]


@admin.register(ActivityField)
class ActivityFieldAdmin(admin.ModelAdmin):
    list_display = ["number", "short_name", "name"]
    search_fields = ["name", "short_name"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "kana", "order"]
    list_editable = ["order"]
    search_fields = ["name", "kana"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone", "order", "is_active"]
    list_filter = ["is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "kana"]
