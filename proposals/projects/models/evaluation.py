"""Evaluation (評価): self-evaluations by each side, the mutual one, the third party's, the direction.

Each part becomes public only when staff publish it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.guideline.models import CollaborationRule

from .projects import CollaborationProject, Indicator


class EvaluationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Evaluation(models.Model):
    class Kind(models.TextChoices):
        SELF_PARTNER = "self_partner", _("自己評価（相手方）")
        SELF_DEPARTMENT = "self_department", _("自己評価（担当課）")
        MUTUAL = "mutual", _("相互評価")
        THIRD_PARTY = "third_party", _("第三者評価")

    project = models.ForeignKey(
        CollaborationProject, on_delete=models.PROTECT, related_name="evaluations"
    )
    kind = models.CharField(_("評価の種類"), max_length=20, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    overall_comment = models.TextField(_("総評"), max_length=8000, blank=True)
    # The mutual evaluation, written together after comparing the self-evaluations.
    shared_points = models.TextField(_("共有できたこと"), max_length=8000, blank=True)
    differences = models.TextField(_("認識に違いがあったこと"), max_length=8000, blank=True)
    improvements = models.TextField(_("今後改善が必要なこと"), max_length=8000, blank=True)
    submitted_at = models.DateTimeField(_("提出日時"), null=True, blank=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["project", "kind"]
        verbose_name = _("評価")
        verbose_name_plural = _("評価")
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="one_evaluation_of_each_kind"),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(submitted_at__isnull=False),
                name="only_submitted_evaluations_are_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}：{self.get_kind_display()}"


class ScoreOneToFive(models.Model):
    """A 1–5 score with a comment, required on 1–2 (as cities ask for low marks to be explained)."""

    score = models.PositiveSmallIntegerField(_("評価（1〜5）"))
    comment = models.TextField(_("コメント"), max_length=2000, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="%(class)s_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=3) | ~Q(comment=""), name="low_%(class)s_has_comment"
            ),
        ]


class RuleScore(ScoreOneToFive):
    """How well one of the six rules was kept."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="rule_scores")
    rule = models.ForeignKey(CollaborationRule, on_delete=models.PROTECT, related_name="+")

    class Meta(ScoreOneToFive.Meta):
        ordering = ["evaluation", "rule__number"]
        verbose_name = _("ルールの評価")
        verbose_name_plural = _("ルールの評価")
        constraints = [
            *ScoreOneToFive.Meta.constraints,
            models.UniqueConstraint(fields=["evaluation", "rule"], name="one_score_per_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.score}"


class GoalScore(ScoreOneToFive):
    """How far a goal (an indicator of the agreement) was reached."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="goal_scores")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")

    class Meta(ScoreOneToFive.Meta):
        ordering = ["evaluation", "indicator__order"]
        verbose_name = _("目標の評価")
        verbose_name_plural = _("目標の評価")
        constraints = [
            *ScoreOneToFive.Meta.constraints,
            models.UniqueConstraint(fields=["evaluation", "indicator"], name="one_score_per_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.score}"


class Direction(models.Model):
    """The decided direction after evaluation (継続・拡充・見直し・終了), with its reason."""

    class Choice(models.TextChoices):
        CONTINUE = "continue", _("継続")
        EXPAND = "expand", _("拡充")
        REVISE = "revise", _("見直し")
        END = "end", pgettext_lazy("the future direction of a project", "終了")

    project = models.OneToOneField(
        CollaborationProject, on_delete=models.PROTECT, related_name="direction"
    )
    choice = models.CharField(_("今後の方向性"), max_length=20, choices=Choice.choices)
    reason = models.TextField(_("理由"), max_length=4000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("決定日時"), auto_now_add=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("今後の方向性")
        verbose_name_plural = _("今後の方向性")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="direction_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.project}：{self.get_choice_display()}"

    @property
    def is_frozen(self) -> bool:
        """Published for a finished project: the decision on record, no longer to be changed."""
        return self.published_at is not None and self.project.is_finished
