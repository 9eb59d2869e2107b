"""Calls (事業の提示): a department presents a project it wants partners for."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import Versioned
from kunitachi_kyodo.fiscal import DATE_OUT_OF_RANGE, moments_in_range, validate_date
from kunitachi_kyodo.forms import CharacterLimit
from kunitachi_kyodo.uploads import StoredFile
from kunitachi_kyodo.workflow import AuditEntry
from proposals.guideline.models import CriterionSet, ProjectForm


class CallQuerySet(models.QuerySet):
    def public(self):
        """Published or closed calls: drafts never leave the department."""
        return self.filter(status__in=[Call.Status.PUBLISHED, Call.Status.CLOSED])

    def open_now(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Call.Status.PUBLISHED, opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Call.Status.PUBLISHED, opens_at__gt=now)

    def ended(self, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(status=Call.Status.CLOSED) | Q(status=Call.Status.PUBLISHED, closes_at__lte=now)
        )

    def for_listing(self):
        return self.select_related("department").prefetch_related("forms")


class Call(Versioned):
    """事業の提示 (テーマ設定型): the city's invitation to propose on a theme."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        PUBLISHED = "published", _("公開中")
        CLOSED = "closed", _("募集終了")

    title = models.CharField(_("事業名（テーマ）"), max_length=200)
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("担当課"),
        on_delete=models.PROTECT,
        related_name="calls",
    )
    background = models.TextField(_("地域課題と背景"), max_length=8000)
    expected_outcome = models.TextField(_("期待する成果"), max_length=4000)
    forms = models.ManyToManyField(ProjectForm, verbose_name=_("協働の形態"), related_name="calls")
    budget_cap = models.PositiveIntegerField(
        _("事業費の上限（円）"), null=True, blank=True, help_text=_("上限がなければ空欄")
    )
    eligibility = models.TextField(_("応募できる団体"), max_length=4000)
    exclusions = models.TextField(_("対象とならない事業"), max_length=4000, blank=True)
    opens_at = models.DateTimeField(_("募集開始"), validators=[validate_date])
    closes_at = models.DateTimeField(_("募集締切"), validators=[validate_date])
    requires_consultation = models.BooleanField(
        _("事前相談が必要"),
        default=False,
        help_text=_("提出の前に、担当課または支援室との事前相談を経ることを求めます。"),
    )
    criterion_set = models.ForeignKey(
        "guideline.CriterionSet",
        verbose_name=_("審査基準のセット"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
        help_text=_(
            "この募集の審査で採点に使う基準。審査項目・配点・合格ラインは募集のページに"
            "この基準から表示され、審査回もこの基準で採点します。空欄なら既定の基準です。"
        ),
    )
    review_criteria = models.TextField(
        _("審査の進め方（補足）"),
        max_length=4000,
        blank=True,
        help_text=_(
            "書類審査・公開プレゼンテーションの日程や進め方など。審査項目と配点は"
            "審査基準のセットから表示されるので、ここには書かないでください。"
        ),
    )
    contact = models.TextField(_("問い合わせ先"), max_length=1000)
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作成者"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("事業の提示")
        verbose_name_plural = _("事業の提示")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_it_opens",
                violation_error_message=_("募集締切は募集開始より後にしてください。"),
            ),
            models.CheckConstraint(
                condition=moments_in_range("opens_at", "closes_at"),
                name="call_dates_in_range",
                violation_error_message=DATE_OUT_OF_RANGE,
            ),
        ]

    def clean(self):
        # One place for the rule: the form shows it next to the field, the service refuses it.
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("募集締切は募集開始より後の日時にしてください。")}
            )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:call_detail", args=[self.pk])

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == self.Status.PUBLISHED and self.opens_at <= now < self.closes_at

    def scoring_set(self) -> CriterionSet | None:
        """The criterion set this call promises: its own, or the default when it names none."""
        return self.criterion_set or CriterionSet.objects.default()

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.CLOSED)


class CallAttachment(StoredFile):
    """A file published with a call (募集要項, 様式): public once the call is."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("募集の添付ファイル")
        verbose_name_plural = _("募集の添付ファイル")

    @property
    def folder(self) -> str:
        return f"calls/{self.call_id}"


class CallStatusChange(AuditEntry):
    """The audit row of one move of a call: its publication and its closing."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("募集の状態の変更記録")
        verbose_name_plural = _("募集の状態の変更記録")

    @property
    def subject(self):
        return self.call


class CallBriefing(models.Model):
    """A briefing session (説明会) on a call: when, where, how to join. Public with its call."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="briefings")
    starts_at = models.DateTimeField(_("開始日時"), validators=[validate_date])
    ends_at = models.DateTimeField(_("終了日時"), validators=[validate_date])
    place = models.CharField(_("会場"), max_length=200)
    online_url = models.URLField(
        _("オンライン参加のURL"),
        max_length=500,
        blank=True,
        help_text=_("オンラインでも参加できるときの参加用URL（https://…）。"),
    )
    capacity = models.CharField(
        _("定員"), max_length=100, blank=True, help_text=_("例：先着30名（要申込）")
    )
    note = models.TextField(
        _("案内"),
        max_length=2000,
        blank=True,
        help_text=_("申込の方法、持ち物、会場への行き方など。募集のページとカレンダーに載ります。"),
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("説明会")
        verbose_name_plural = _("説明会")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="briefing_ends_after_it_starts",
                violation_error_message=_("終了日時は開始日時より後にしてください。"),
            ),
            models.CheckConstraint(
                condition=moments_in_range("starts_at", "ends_at"),
                name="briefing_dates_in_range",
                violation_error_message=DATE_OUT_OF_RANGE,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call}（{self.place}）"

    def get_absolute_url(self) -> str:
        return f"{self.call.get_absolute_url()}#briefing-{self.pk}"

    def clean(self):
        # One place for the rule: the form shows it next to the field, the service refuses it.
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("終了日時は開始日時より後にしてください。")})


class CallQuestionQuerySet(models.QuerySet):
    def public(self):
        """Answered questions only: a question is private until the department answers it."""
        return self.filter(status=CallQuestion.Status.ANSWERED)

    def waiting(self):
        return self.filter(status=CallQuestion.Status.WAITING)

    def answerable_by(self, user):
        """The questions `user` answers: the office and coordinators all, staff their department's.

        The query form of the permission proposals.answer_question (proposals/permissions.py).
        """
        if not user.is_authenticated:
            return self.none()
        if user.is_support_staff or user.has_perm("organizations.act_citywide"):
            return self
        if user.is_city_staff and user.department_id:
            return self.filter(call__department_id=user.department_id)
        return self.none()


class CallQuestion(models.Model):
    """A question about a call (質問と回答): private until answered, then public without its asker.

    The asker's wording is kept as asked; the department may publish it reworded (e.g. without
    a name or an address the asker wrote), and the page shows that wording.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("回答待ち")
        ANSWERED = "answered", _("回答済み（公開）")
        HIDDEN = "hidden", _("非公開")

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("質問者"),
        on_delete=models.PROTECT,
        related_name="call_questions",
    )
    text = models.TextField(
        _("質問"),
        max_length=2000,
        # A text field's max_length binds only forms: the service refuses a longer one too.
        validators=[CharacterLimit(2000)],
        error_messages={"blank": _("質問を入力してください。")},
    )
    public_text = models.TextField(
        _("公開する質問文"),
        max_length=2000,
        blank=True,
        validators=[CharacterLimit(2000)],
        help_text=_(
            "個人が特定される内容などを除いて公開するときの質問文。空欄なら質問をそのまま公開します。"
        ),
    )
    answer = models.TextField(
        _("回答"), max_length=4000, blank=True, validators=[CharacterLimit(4000)]
    )
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    asked_at = models.DateTimeField(_("質問日時"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("回答日時"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("回答者"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = CallQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("募集への質問")
        verbose_name_plural = _("募集への質問")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered") | (~Q(answer="") & Q(answered_at__isnull=False)),
                name="call_question_answered_has_an_answer",
                violation_error_message=_("回答済みの質問には回答が必要です。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call}: {Truncator(self.text).chars(30)}"

    @property
    def published_text(self) -> str:
        """The wording the public reads: the department's, or the question as asked."""
        return self.public_text or self.text


class CallQuestionStatusChange(AuditEntry):
    """The audit row of one move of a question: answered, or hidden with the reason."""

    question = models.ForeignKey(
        CallQuestion, on_delete=models.PROTECT, related_name="status_changes"
    )

    class Meta(AuditEntry.Meta):
        verbose_name = _("質問の状態の変更記録")
        verbose_name_plural = _("質問の状態の変更記録")

    @property
    def subject(self):
        return self.question
