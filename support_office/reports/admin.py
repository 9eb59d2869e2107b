from django.contrib import admin

from .models import ClosedFigure, ClosedFiscalYear


class ClosedFigureInline(admin.TabularInline):
    model = ClosedFigure
    extra = 0
    can_delete = False
    fields = ["slug", "title", "rows"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ClosedFiscalYear)
class ClosedFiscalYearAdmin(admin.ModelAdmin):
    list_display = ["fiscal_year", "closed_at"]
    readonly_fields = ["fiscal_year", "closed_at"]
    inlines = [ClosedFigureInline]
