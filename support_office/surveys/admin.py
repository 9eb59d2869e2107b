from django.contrib import admin

from .models import Choice, Question, Survey


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "audience", "created_at"]
    list_filter = ["status", "audience"]
    readonly_fields = ["status", "opened_at", "published_at"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "survey", "order", "kind"]
    inlines = [ChoiceInline]
