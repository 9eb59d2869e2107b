"""News (お知らせ・情報発信): the office's posts, organizations' posts and the newsletter.

An organization's post is published only after the office has read it; the office's own
posts it publishes itself. Public pages read `Post.objects.public()` only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.workflow import AuditEntry


class Category(models.TextChoices):
    NOTICE = "notice", pgettext_lazy("a category of news", "お知らせ")
    EVENT = "event", _("講座・イベント")
    FUNDING = "funding", _("助成金・補助金")
    ACTIVITY = "activity", _("団体の活動")
    VOLUNTEER = "volunteer", _("ボランティア募集")
    REPORT = "report", _("支援室だより")


class PostQuerySet(models.QuerySet):
    def public(self):
        """Published posts only: drafts, submitted and returned posts stay with their authors."""
        return self.filter(status=Post.Status.PUBLISHED)

    def for_listing(self):
        return self.select_related("organization", "author")

    def editable_by(self, user):
        """The posts a person may write: the office's (office staff), their organizations'."""
        if not user.is_authenticated:
            return self.none()
        mine = Q(
            organization__memberships__user=user,
            organization__memberships__role__in=["representative", "editor"],
        )
        if user.is_support_staff or user.is_superuser:
            mine |= Q(organization__isnull=True)
        return self.filter(mine).distinct()

    def awaiting_review(self):
        return self.filter(status=Post.Status.SUBMITTED)


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        SUBMITTED = "submitted", _("確認待ち")
        PUBLISHED = "published", _("公開中")
        RETURNED = "returned", _("差し戻し")

    title = models.CharField(_("タイトル"), max_length=200)
    category = models.CharField(_("分類"), max_length=20, choices=Category.choices)
    body = models.TextField(
        _("本文"),
        max_length=20000,
        help_text=_("Markdownで書けます（見出し、箇条書き、リンクなど）。"),
    )
    # Empty for the office's own posts.
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("団体"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作成者"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("作成日時"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = pgettext_lazy("news posts", "お知らせ")
        verbose_name_plural = pgettext_lazy("news posts", "お知らせ")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_post_has_date",
                violation_error_message=_("公開したお知らせには公開日時が必要です。"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("support_office:news:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def publisher_name(self) -> str:
        return self.organization.name if self.organization else str(_("NPO活動支援室"))


class PostStatusChange(AuditEntry):
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("お知らせの状態の変更記録")
        verbose_name_plural = _("お知らせの状態の変更記録")

    @property
    def subject(self):
        return self.post


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed and not unsubscribed: the addresses a newsletter goes to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscriber(models.Model):
    """An address that asked for the newsletter; it receives mail only once confirmed."""

    email = models.EmailField(_("メールアドレス"), unique=True)
    created_at = models.DateTimeField(_("登録日時"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("確認日時"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("配信停止日時"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("メールマガジンの購読者")
        verbose_name_plural = _("メールマガジンの購読者")

    def __str__(self) -> str:
        return self.email


class Newsletter(models.Model):
    """One month's newsletter, once sent (a month is sent once)."""

    month = models.DateField(_("月"), unique=True, help_text=_("その月の1日"))
    subject = models.CharField(_("件名"), max_length=200)
    body = models.TextField(_("本文"))
    sent_at = models.DateTimeField(_("送信日時"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recipient_count = models.PositiveIntegerField(_("送信先の数"), default=0)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("メールマガジン")
        verbose_name_plural = _("メールマガジン")

    def __str__(self) -> str:
        return self.subject
