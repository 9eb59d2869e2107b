from django.contrib import admin

from kunitachi_kyodo.admin import AuditEntryInline

from .models import Newsletter, Post, PostStatusChange, Subscriber


class PostStatusChangeInline(AuditEntryInline):
    model = PostStatusChange


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "organization", "status", "published_at"]
    list_filter = ["status", "category"]
    search_fields = ["title"]
    raw_id_fields = ["organization", "author"]
    readonly_fields = ["status", "published_at"]
    inlines = [PostStatusChangeInline]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "created_at", "confirmed_at", "unsubscribed_at"]
    search_fields = ["email"]


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["month", "subject", "sent_at", "recipient_count"]
    readonly_fields = ["month", "subject", "body", "sent_at", "sent_by", "recipient_count"]
