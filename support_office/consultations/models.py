"""Consultations (相談): the support office's private case log.

Each record has two parts. The publishable part (the date, the category, the channel and the
kind of asker) is what the office's statistics count; the private part (who asked, how to
reach them, what was said, the follow-ups) never leaves the office. No queryset here is
public: the statistics read `publishable()`, which selects the publishable columns only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import validate_date
from kunitachi_kyodo.workflow import AuditEntry
from organizations.models import Kind

# The fields the statistics may read: nothing in them names or describes a person.
PUBLISHABLE_FIELDS = ("consulted_on", "category", "channel", "asker_kind")


class Channel(models.TextChoices):
    COUNTER = "counter", _("窓口")
    PHONE = "phone", _("電話")
    EMAIL = "email", _("メール")
    ONLINE = "online", _("オンライン")


class Category(models.TextChoices):
    FOUNDING = "founding", _("設立・運営")
    FUNDING = "funding", _("資金・助成")
    PUBLICITY = "publicity", _("広報")
    PEOPLE = "people", _("人材")
    COLLABORATION = "collaboration", _("協働・行政との連携")
    INCORPORATION = "incorporation", _("法人手続き")
    OTHER = "other", _("その他")


# Who asked, as the statistics may say it: a person, a small group without legal
# personality, or an organization of one of the directory's kinds.
ASKER_KINDS = [
    ("individual", _("個人")),
    ("group", _("グループ（法人格のない小さな団体）")),
    *Kind.choices,
]


class ConsultationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The log is the office's: everyone else sees nothing (the view refuses first)."""
        if user.is_authenticated and (user.is_support_staff or user.is_superuser):
            return self
        return self.none()

    def publishable(self):
        """Only the publishable columns, for the statistics: no name, no narrative."""
        return self.values(*PUBLISHABLE_FIELDS)

    def for_listing(self):
        return self.select_related("organization", "handled_by")

    def waiting(self):
        return self.exclude(status=Consultation.Status.CLOSED)


class Consultation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("受付")
        FOLLOWING_UP = "following_up", _("フォローアップ中")
        CLOSED = "closed", _("終了")

    # --- the publishable part ---------------------------------------------------------
    consulted_on = models.DateField(
        _("相談日"), default=timezone.localdate, validators=[validate_date]
    )
    category = models.CharField(_("相談の分類"), max_length=20, choices=Category.choices)
    channel = models.CharField(_("相談の方法"), max_length=20, choices=Channel.choices)
    asker_kind = models.CharField(_("相談者の種別"), max_length=20, choices=ASKER_KINDS)

    # --- the private part ---------------------------------------------------------------
    asker_name = models.CharField(
        _("相談者（個人・グループの名前）"),
        max_length=200,
        help_text=_("相談した方、またはグループ・団体の名前。支援室の外には出ません。"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("登録団体"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("ポータルに登録されている団体からの相談なら選んでください。"),
    )
    contact = models.CharField(_("連絡先"), max_length=300, blank=True)
    summary = models.CharField(_("件名"), max_length=200)
    narrative = models.TextField(_("相談の内容と対応"), max_length=8000)
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("対応した職員"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("記録日時"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-consulted_on", "-pk"]
        verbose_name = _("相談")
        verbose_name_plural = _("相談")
        indexes = [models.Index(fields=["consulted_on"], name="consultation_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=True) | ~Q(asker_kind__in=["individual", "group"]),
                name="consultation_org_is_not_individual",
                violation_error_message=_(
                    "個人・グループの相談に登録団体は選べません。団体の種別を選んでください。"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consulted_on:%Y-%m-%d} {self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("support_office:consultations:detail", args=[self.pk])


class FollowUp(models.Model):
    """One dated entry of what the office did after the first conversation."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    done_on = models.DateField(_("日付"), default=timezone.localdate, validators=[validate_date])
    note = models.TextField(_("内容"), max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done_on", "pk"]
        verbose_name = _("フォローアップ")
        verbose_name_plural = _("フォローアップ")

    def __str__(self) -> str:
        return f"{self.done_on:%Y-%m-%d} {self.consultation}"


class ConsultationStatusChange(AuditEntry):
    """The audit row of one move of a consultation; never public."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="status_changes"
    )

    class Meta(AuditEntry.Meta):
        verbose_name = _("相談の状態の変更記録")
        verbose_name_plural = _("相談の状態の変更記録")

    @property
    def subject(self):
        return self.consultation
