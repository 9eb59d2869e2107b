"""人材バンク: people who offer their skills, each field shown only as far as they consented.

The skills (`Skill`) are a small reference list shared with the coordination board, so a
request and a person describe themselves in the same terms and the board can match them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.fiscal import fiscal_year, fiscal_year_bounds
from kunitachi_kyodo.workflow import AuditEntry


class Skill(models.Model):
    """A skill or kind of expertise (会計, 広報・デザイン, 法律…): reference data."""

    name = models.CharField(_("名称"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("スキル")
        verbose_name_plural = _("スキル")

    def __str__(self) -> str:
        return self.name


class Availability(models.TextChoices):
    """When someone can help (shared by the board and the talent bank)."""

    WEEKDAY_DAY = "weekday_day", _("平日の昼間")
    WEEKDAY_EVENING = "weekday_evening", _("平日の夜")
    WEEKEND = "weekend", _("土日・祝日")
    ONLINE = "online", _("オンライン")


class Consent(models.TextChoices):
    """Who may see one field of an entry: the person chooses per field."""

    PUBLIC = "public", _("誰にでも公開")
    VERIFIED = "verified", _("確認済み団体と支援室")
    OFFICE = "office", _("支援室のみ")


# The fields a person decides about, one consent each, in the order forms and pages show them.
CONSENT_FIELDS: dict[str, object] = {
    "display_name": _("名前（表示名）"),
    "introduction": _("自己紹介"),
    "skills": _("スキル"),
    "fields": _("関心のある活動分野"),
    "districts": _("活動できる地域"),
    "availability": _("活動できる時間帯"),
    "email": _("メールアドレス"),
}

# How long an entry lasts: until the end of the second fiscal year, unless renewed.
PERIOD_FISCAL_YEARS = 2


def expiry_for(day: datetime.date) -> datetime.date:
    """The last day of an entry made or renewed on `day`: end of the next fiscal year."""
    return fiscal_year_bounds(fiscal_year(day) + PERIOD_FISCAL_YEARS - 1)[1]


class TalentEntryQuerySet(models.QuerySet):
    def searchable(self, today: datetime.date):
        """Approved by the office and not past their period: the only entries others find."""
        return self.filter(status=TalentEntry.Status.APPROVED, expires_on__gte=today)

    def consented(self, field: str, levels):
        """Entries whose person let `levels` see `field` (the consent is checked in the query)."""
        return self.filter(**{f"consent__{field}__in": list(levels)})


class TalentEntry(models.Model):
    """One person's registration in the talent bank."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("支援室の確認待ち")
        APPROVED = "approved", _("掲載中")
        REFUSED = "refused", _("掲載できません")
        EXPIRED = "expired", _("期間満了")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登録者"),
        on_delete=models.CASCADE,
        related_name="talent_entry",
    )
    display_name = models.CharField(_("名前（表示名）"), max_length=50)
    introduction = models.TextField(_("自己紹介"), max_length=2000)
    skills = models.ManyToManyField(Skill, verbose_name=_("スキル"), related_name="entries")
    fields = models.ManyToManyField(
        "organizations.ActivityField",
        verbose_name=_("関心のある活動分野"),
        related_name="talent_entries",
    )
    districts = models.ManyToManyField(
        "organizations.District",
        verbose_name=_("活動できる地域"),
        related_name="talent_entries",
        blank=True,
    )
    availability = models.JSONField(_("活動できる時間帯"), default=list, blank=True)
    # {field name: Consent} for every name in CONSENT_FIELDS.
    consent = models.JSONField(_("公開の範囲"), default=dict)
    declares_non_partisan = models.BooleanField(
        _("政治・宗教・営利を目的としない登録であることの確認"), default=False
    )
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    expires_on = models.DateField(_("掲載期限"))
    created_at = models.DateTimeField(_("登録日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = TalentEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("人材バンク登録")
        verbose_name_plural = _("人材バンク登録")
        constraints = [
            models.CheckConstraint(
                condition=Q(declares_non_partisan=True),
                name="talent_entry_declares_non_partisan",
                violation_error_message=_(
                    "政治・宗教・営利を目的とする登録はできません。確認の欄にチェックしてください。"
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("support_office:talent:entry_detail", args=[self.pk])

    def consent_for(self, field: str) -> str:
        # A field without a recorded consent is the office's only.
        return self.consent.get(field, Consent.OFFICE)


class ConsentChange(models.Model):
    """Every consent the person gave: at registration, at each change and at each renewal."""

    class Reason(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("occasion of a consent", "登録")
        CHANGED = "changed", pgettext_lazy("occasion of a consent", "変更")
        RENEWED = "renewed", pgettext_lazy("occasion of a consent", "更新")

    entry = models.ForeignKey(TalentEntry, on_delete=models.CASCADE, related_name="consent_changes")
    consent = models.JSONField(_("公開の範囲"))
    reason = models.CharField(_("きっかけ"), max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(_("日時"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("公開範囲の同意の記録")
        verbose_name_plural = _("公開範囲の同意の記録")

    def __str__(self) -> str:
        return f"{self.entry}: {self.get_reason_display()}"


class TalentEntryStatusChange(AuditEntry):
    entry = models.ForeignKey(TalentEntry, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("人材バンク登録の状態の記録")
        verbose_name_plural = _("人材バンク登録の状態の記録")

    @property
    def subject(self):
        return self.entry


class ContactMessage(models.Model):
    """A message sent to a person through the portal: the sender never sees their address."""

    entry = models.ForeignKey(TalentEntry, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("メッセージ"), max_length=2000)
    created_at = models.DateTimeField(_("送信日時"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("人材バンクへの連絡")
        verbose_name_plural = _("人材バンクへの連絡")

    def __str__(self) -> str:
        return f"{self.sender} → {self.entry}"
