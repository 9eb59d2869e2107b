from django.contrib import admin

from .models import CoordinationRequest


@admin.register(CoordinationRequest)
class CoordinationRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "outcome", "published_at"]
    list_filter = ["status", "kind", "outcome"]
    readonly_fields = ["status", "outcome", "outcome_reason"]
