"""コーディネート: a public board of requests (seeking a partner, volunteers, a venue,
expertise; offering equipment, a venue, expertise, donations) that the office matches.

A request and a talent entry describe themselves in the same terms (activity fields,
skills, districts, times), so the board suggests matches by their overlap. Contact details
stay private: people respond through the portal, and the poster sees the responses.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import validate_date
from kunitachi_kyodo.workflow import AuditEntry

# How long a published request stays on the board unless the poster says otherwise.
DEFAULT_DAYS = 90
# A stale request is warned this many days before it closes itself.
WARNING_DAYS = 7


class Kind(models.TextChoices):
    SEEKING_PARTNER = "seeking_partner", _("協働の相手を探しています")
    SEEKING_VOLUNTEERS = "seeking_volunteers", _("ボランティアを募集しています")
    SEEKING_VENUE = "seeking_venue", _("会場を探しています")
    SEEKING_EXPERTISE = "seeking_expertise", _("専門知識を求めています")
    OFFERING_EQUIPMENT = "offering_equipment", _("備品を提供します")
    OFFERING_VENUE = "offering_venue", _("会場を提供します")
    OFFERING_EXPERTISE = "offering_expertise", _("専門知識を提供します")
    OFFERING_DONATION = "offering_donation", _("寄付を提供します")


class PosterKind(models.TextChoices):
    ORGANIZATION = "organization", _("団体")
    CITIZEN = "citizen", _("市民")
    COMPANY = "company", _("企業")
    DEPARTMENT = "department", _("市の担当課")


class Outcome(models.TextChoices):
    MATCHED = "matched", _("成立")
    NOT_MATCHED = "not_matched", _("不成立")
    CLOSED = "closed", _("終了")


class CoordinationRequestQuerySet(models.QuerySet):
    def public(self):
        """On the board: published, matched (awaiting the outcome) or closed with an outcome.

        Drafts and those the office is reviewing stay with the poster and the office."""
        return self.filter(
            status__in=[
                CoordinationRequest.Status.PUBLISHED,
                CoordinationRequest.Status.MATCHED,
                CoordinationRequest.Status.CLOSED,
            ],
            published_at__isnull=False,
        )

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.public()
        if user.is_support_staff or user.is_superuser:
            return self.all()
        return self.filter(Q(pk__in=self.public().values("pk")) | Q(poster=user))

    def for_listing(self):
        return self.select_related("organization").prefetch_related("fields", "districts")


class CoordinationRequest(models.Model):
    """コーディネート依頼: one post on the board."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        REVIEW = "review", _("支援室の確認中")
        PUBLISHED = "published", _("募集中")
        MATCHED = "matched", _("マッチング済み（結果の確認待ち）")
        CLOSED = "closed", _("終了")

    title = models.CharField(_("件名"), max_length=120)
    kind = models.CharField(_("種類"), max_length=30, choices=Kind.choices)
    poster_kind = models.CharField(_("投稿者の種類"), max_length=20, choices=PosterKind.choices)
    poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("投稿者"),
        on_delete=models.PROTECT,
        related_name="coordination_requests",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("団体"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordination_requests",
        help_text=_("団体として投稿するときに選びます（メンバーである団体だけ）。"),
    )
    description = models.TextField(_("内容"), max_length=4000)
    fields = models.ManyToManyField(
        "organizations.ActivityField", verbose_name=_("活動分野"), related_name="+"
    )
    skills = models.ManyToManyField(
        "talent.Skill", verbose_name=_("求める・提供するスキル"), related_name="+", blank=True
    )
    districts = models.ManyToManyField(
        "organizations.District", verbose_name=_("地域"), related_name="+", blank=True
    )
    availability = models.JSONField(_("時間帯"), default=list, blank=True)
    # Private: only the office sees it (people respond through the portal).
    contact = models.TextField(
        _("連絡先（非公開）"),
        max_length=500,
        help_text=_("支援室だけが見ます。掲示板には表示されません。"),
    )
    open_until = models.DateField(
        _("募集期限"),
        validators=[validate_date],
        help_text=_("この日を過ぎると、掲示板から自動的に終了します。"),
    )
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    outcome = models.CharField(_("結果"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("結果の理由"), max_length=2000, blank=True)
    matched_response = models.ForeignKey(
        "Response",
        verbose_name=_("マッチングした応答"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("つながった事業提案"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    project = models.ForeignKey(
        "projects.CollaborationProject",
        verbose_name=_("つながった協働事業"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)
    matched_at = models.DateTimeField(_("マッチング日時"), null=True, blank=True)
    closed_at = models.DateTimeField(_("終了日時"), null=True, blank=True)
    stale_warned_at = models.DateTimeField(_("期限の予告日時"), null=True, blank=True)

    objects = CoordinationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("コーディネート依頼")
        verbose_name_plural = _("コーディネート依頼")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(outcome=""),
                name="closed_request_has_outcome",
                violation_error_message=_("終了した依頼には結果が必要です。"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("support_office:coordination:request_detail", args=[self.pk])

    def is_stale(self, today: datetime.date) -> bool:
        return self.open_until < today


class Response(models.Model):
    """An answer to a request through the portal; the poster and the office see it."""

    request = models.ForeignKey(
        CoordinationRequest, on_delete=models.CASCADE, related_name="responses"
    )
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    message = models.TextField(_("メッセージ"), max_length=2000)
    contact = models.CharField(
        _("連絡先"),
        max_length=200,
        help_text=_("投稿者と支援室にだけ、ポータルの中で伝えます。"),
    )
    created_at = models.DateTimeField(_("応答日時"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("依頼への応答")
        verbose_name_plural = _("依頼への応答")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "responder"],
                name="one_response_per_person",
                violation_error_message=_("この依頼にはすでに応答しています。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.responder} → {self.request}"


class CoordinationRequestStatusChange(AuditEntry):
    request = models.ForeignKey(
        CoordinationRequest, on_delete=models.CASCADE, related_name="status_changes"
    )

    class Meta(AuditEntry.Meta):
        verbose_name = _("コーディネート依頼の状態の記録")
        verbose_name_plural = _("コーディネート依頼の状態の記録")

    @property
    def subject(self):
        return self.request
