"""Open review (公開審査): rounds, public sessions, reviewers, conflicts and scores.

Scores stay private until staff publish a round's results, all at once. Results are
computed by one function, proposals.guideline.scoring.compute, under the round's criterion
set; publishing stores the scheme and every entry's result with the round
(frozen_scheme, frozen_result), and published pages read those, never the live set.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.fiscal import DATE_OUT_OF_RANGE, moments_in_range, validate_date
from kunitachi_kyodo.workflow import AuditEntry
from proposals.calls.models import Call
from proposals.guideline.models import MAX_SCALE, Criterion, CriterionSet
from proposals.proposals.models import Proposal


class ReviewRoundQuerySet(models.QuerySet):
    def in_department(self, department_id):
        return self.filter(department_id=department_id)


class ReviewRound(models.Model):
    """A group of proposals reviewed together (per call or per fiscal year), run by a department."""

    class Stage(models.TextChoices):
        SCREENING = "screening", _("一次審査（書類審査）")
        OPEN_REVIEW = "open_review", _("二次審査（公開プレゼンテーション）")
        # A city that decides on the papers alone (e.g. a commission chosen in a
        # closed screening): the round adopts or not, published the same way.
        DOCUMENT = "document", _("書類審査による決定")

    class Status(models.TextChoices):
        PREPARING = "preparing", _("準備中")
        SCORING = "scoring", _("採点中")
        PUBLISHED = "published", _("結果公表済み")

    title = models.CharField(_("名称"), max_length=200)
    stage = models.CharField(
        _("審査の段階"), max_length=20, choices=Stage.choices, default=Stage.OPEN_REVIEW
    )
    fiscal_year = models.PositiveSmallIntegerField(_("年度（西暦の開始年）"))
    call = models.ForeignKey(
        Call,
        verbose_name=_("事業の提示"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="review_rounds",
    )
    # The department that runs the round: its staff (and the coordinators) manage, decide
    # and publish it. A round of a call is run by the call's department.
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("担当課"),
        on_delete=models.PROTECT,
        related_name="review_rounds",
    )
    criterion_set = models.ForeignKey(
        CriterionSet, verbose_name=_("審査基準"), on_delete=models.PROTECT, related_name="rounds"
    )
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.PREPARING
    )
    published_at = models.DateTimeField(_("結果の公表日時"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_incomplete = models.BooleanField(
        _("未提出の採点票を残して締め切った"), default=False, editable=False
    )
    frozen_scheme = models.JSONField(
        _("公表時の審査基準"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("公表した時点の審査項目・配点・合格ライン・集計の方法（scoring.Scheme）。"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "-created_at"]
        verbose_name = _("審査回")
        verbose_name_plural = _("審査回")
        constraints = [
            # Published means published at a time; a round without one is not published.
            models.CheckConstraint(
                condition=Q(status="published", published_at__isnull=False)
                | (~Q(status="published") & Q(published_at__isnull=True)),
                name="round_published_has_its_time",
                violation_error_message=_("結果の公表には、公表日時が必要です。"),
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | Q(frozen_scheme__isnull=False, published_at__isnull=False),
                name="published_round_is_frozen",
                violation_error_message=_(
                    "結果を公表した審査回には、公表日時と公表時の審査基準が必要です。"
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("review:round_results", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


# Which proposals a round of each stage reviews: the status they wait in for its decision.
STAGE_STATUS = {
    ReviewRound.Stage.SCREENING: Proposal.Status.SCREENING,
    ReviewRound.Stage.OPEN_REVIEW: Proposal.Status.OPEN_REVIEW,
    ReviewRound.Stage.DOCUMENT: Proposal.Status.SCREENING,
}


class ReviewEntry(models.Model):
    """A proposal in a round: its place in the presentation order and the decision staff record."""

    class Decision(models.TextChoices):
        PASS = "pass", _("通過（公開審査へ）")
        ADOPT = "adopt", _("採択")
        NOT_ADOPT = "not_adopt", _("不採択")

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="entries")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="review_entries")
    presentation_order = models.PositiveSmallIntegerField(_("発表順"), default=0)
    decision = models.CharField(_("決定"), max_length=20, choices=Decision.choices, blank=True)
    reason = models.TextField(_("決定の理由"), blank=True, max_length=4000)
    frozen_result = models.JSONField(
        _("公表した結果"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("公表した時点の項目ごとの点数・合計・順位・判定（scoring.EntryResult）。"),
    )

    class Meta:
        ordering = ["round", "presentation_order", "pk"]
        verbose_name = _("審査対象の提案")
        verbose_name_plural = _("審査対象の提案")
        constraints = [
            models.UniqueConstraint(fields=["round", "proposal"], name="proposal_once_per_round"),
            models.CheckConstraint(
                condition=Q(decision="") | ~Q(reason=""),
                name="decision_has_reason",
                violation_error_message=_("決定には理由が必要です。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.proposal}"


class ReviewSession(models.Model):
    """A public presentation session (公開審査会): announced, held, then its minutes published."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("開始日時"), validators=[validate_date])
    ends_at = models.DateTimeField(_("終了日時"), validators=[validate_date])
    place = models.CharField(_("会場"), max_length=200)
    description = models.TextField(_("案内"), blank=True, max_length=4000)
    is_announced = models.BooleanField(_("公開で告知する"), default=False)
    minutes = models.TextField(_("議事録（Markdown）"), blank=True)
    minutes_published = models.BooleanField(_("議事録を公開する"), default=False)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("公開審査会")
        verbose_name_plural = _("公開審査会")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_it_starts",
                violation_error_message=_("終了日時は開始日時より後にしてください。"),
            ),
            models.CheckConstraint(
                condition=moments_in_range("starts_at", "ends_at"),
                name="session_dates_in_range",
                violation_error_message=DATE_OUT_OF_RANGE,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round}（{self.place}）"

    def get_absolute_url(self) -> str:
        return reverse("review:session_detail", args=[self.pk])

    def clean(self):
        # One place for the rules: the form shows them next to the fields, the service refuses them.
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("終了日時は開始日時より後にしてください。")
        if self.minutes_published and not (self.minutes or "").strip():
            errors["minutes"] = _("議事録を公開するには、議事録を入力してください。")
        if errors:
            raise ValidationError(errors)


class ReviewReminder(models.Model):
    """That a reviewer was reminded, before a session, of the sheets they had not submitted.

    Written by `send_review_reminders` before it mails; the unique pair is what keeps a
    daily (or twice-started) command from reminding anyone twice of one session.
    """

    session = models.ForeignKey(
        ReviewSession,
        verbose_name=_("公開審査会"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("審査委員"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sheets_left = models.PositiveSmallIntegerField(_("未提出の採点票の数"))
    sent_at = models.DateTimeField(_("送信日時"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("採点の督促")
        verbose_name_plural = _("採点の督促")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "reviewer"],
                name="reviewer_reminded_once_per_session",
                violation_error_message=_("この審査委員には、この公開審査会の督促を送信済みです。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} @ {self.session}"


class ReviewerAssignment(models.Model):
    """A reviewer (審査委員) on a round: an internal (city) or external committee member."""

    class Kind(models.TextChoices):
        EXTERNAL = "external", _("外部委員")
        INTERNAL = "internal", _("内部委員（市職員）")

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    kind = models.CharField(
        _("委員の区分"), max_length=20, choices=Kind.choices, default=Kind.EXTERNAL
    )
    title = models.CharField(_("肩書き（公開）"), max_length=200, blank=True)

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("審査委員の割り当て")
        verbose_name_plural = _("審査委員の割り当て")
        constraints = [
            models.UniqueConstraint(fields=["round", "reviewer"], name="reviewer_once_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} @ {self.round}"


class ConflictOfInterest(models.Model):
    """A reviewer's declaration of a conflict on one proposal: they do not score it."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="conflicts")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("理由"), max_length=500)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("利害関係の申告")
        verbose_name_plural = _("利害関係の申告")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "proposal", "reviewer"], name="one_conflict_declaration"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer}: {self.proposal}"


class ScoreSheet(models.Model):
    """One reviewer's scores for one proposal in one round; final once submitted."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="sheets")
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    overall_comment = models.TextField(_("全体の講評"), blank=True, max_length=4000)
    submitted_at = models.DateTimeField(_("提出日時"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("採点票")
        verbose_name_plural = _("採点票")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "proposal", "reviewer"], name="one_sheet_per_reviewer_and_proposal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer}: {self.proposal}"


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    # At most the criterion's scale: checked by sheet_save, the scale living on the criterion.
    value = models.PositiveSmallIntegerField(pgettext_lazy("score", "点数"))
    comment = models.TextField(_("コメント"), blank=True, max_length=2000)

    class Meta:
        verbose_name = pgettext_lazy("one reviewer's score for one criterion", "採点")
        verbose_name_plural = pgettext_lazy("one reviewer's score for one criterion", "採点")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=Q(value__lte=MAX_SCALE),
                name="score_at_most_the_largest_scale",
                violation_error_message=_("点数が大きすぎます。"),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=2) | ~Q(comment=""),
                name="low_score_has_comment",
                violation_error_message=_("0点・1点にはコメントが必要です。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class RoundStatusChange(AuditEntry):
    """The audit row of one move of a review round; its publication is public."""

    round = models.ForeignKey(ReviewRound, on_delete=models.PROTECT, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("審査回の状態の変更記録")
        verbose_name_plural = _("審査回の状態の変更記録")

    @property
    def subject(self):
        return self.round
