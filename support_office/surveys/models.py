"""Surveys (調査研究): the office's questionnaires, their answers, and what is published.

The office writes the questions while the survey is a draft, opens it to the public or to
organizations, closes it, and publishes aggregate results: it chooses which questions are
published and which free-text answers may be read. Answers themselves are never public.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import AuditEntry


class SurveyQuerySet(models.QuerySet):
    def open_now(self):
        return self.filter(status=Survey.Status.OPEN)

    def published(self):
        """Surveys whose aggregate results the public may read."""
        return self.filter(status=Survey.Status.PUBLISHED)

    def public(self):
        """What a visitor may see of surveys: the open ones and the published results."""
        return self.filter(status__in=[Survey.Status.OPEN, Survey.Status.PUBLISHED])


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        OPEN = "open", _("回答受付中")
        CLOSED = "closed", _("締切・集計中")
        PUBLISHED = "published", _("結果公開")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("どなたでも（ログインした方、1人1回）")
        ORGANIZATIONS = "organizations", _("確認済みの団体（1団体1回、代表者・編集者が回答）")

    title = models.CharField(_("調査名"), max_length=200)
    description = models.TextField(_("調査の目的と説明"), max_length=4000)
    audience = models.CharField(
        _("回答をお願いする相手"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    closes_on = models.DateField(_("回答の締切日"), null=True, blank=True)
    results_summary = models.TextField(
        _("結果のまとめ（公開）"),
        max_length=8000,
        blank=True,
        help_text=_("結果を公開するときに、支援室が読み取ったことを書きます。"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    opened_at = models.DateTimeField(_("回答受付の開始日時"), null=True, blank=True)
    published_at = models.DateTimeField(_("結果の公開日時"), null=True, blank=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("調査")
        verbose_name_plural = _("調査")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("support_office:surveys:detail", args=[self.pk])

    def accepts_answers(self, today=None) -> bool:
        """Open, and its closing day (if any) not yet past in Japan."""
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and (
            self.closes_on is None or self.closes_on >= today
        )


class SurveyStatusChange(AuditEntry):
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("調査の状態の変更記録")
        verbose_name_plural = _("調査の状態の変更記録")

    @property
    def subject(self):
        return self.survey


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("ひとつ選ぶ")
        MULTIPLE = "multiple", _("いくつでも選ぶ")
        SCALE = "scale", _("5段階で答える")
        TEXT = "text", _("自由に書く")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("順番"))
    kind = models.CharField(_("答え方"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("質問"), max_length=400)
    required = models.BooleanField(_("回答を必須にする"), default=True)
    # The office decides, after closing, which questions' results are published.
    result_is_published = models.BooleanField(_("結果を公開する"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "order"], name="survey_question_order_unique"
            ),
        ]
        verbose_name = _("質問")
        verbose_name_plural = _("質問")

    def __str__(self) -> str:
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("順番"))
    label = models.CharField(_("選択肢"), max_length=200)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("選択肢")
        verbose_name_plural = _("選択肢")

    def __str__(self) -> str:
        return self.label


class Response(models.Model):
    """One respondent's answers: a person, or an organization for an organizations survey."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="survey_responses"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    submitted_at = models.DateTimeField(_("回答日時"), auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        # One answer per respondent: per person on a public survey, per organization on an
        # organizations survey (whoever of its editors answers). The database enforces it.
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=Q(organization__isnull=True),
                name="survey_one_response_per_person",
            ),
            models.UniqueConstraint(
                fields=["survey", "organization"],
                condition=Q(organization__isnull=False),
                name="survey_one_response_per_organization",
            ),
        ]
        verbose_name = _("回答")
        verbose_name_plural = _("回答")

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    """The answer to one question: chosen options, a 1–5 value, or a text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choices = models.ManyToManyField(Choice, related_name="answers", blank=True)
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(max_length=2000, blank=True)
    # A free-text answer is published only when the office selects it.
    text_is_selected = models.BooleanField(_("結果に掲載する"), default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="survey_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=1, scale__lte=5),
                name="survey_answer_scale_1_to_5",
            ),
        ]
        verbose_name = _("設問への回答")
        verbose_name_plural = _("設問への回答")

    def __str__(self) -> str:
        return f"{self.response} {self.question}"
