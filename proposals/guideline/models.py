"""The city's guideline as data: its rules, its forms of collaboration, its text.

The guideline says it will be revised; a revision is an edit in the admin (a
new GuidelineRevision, or a changed rule or form row), never a code change.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CollaborationRule(models.Model):
    """One of the rules of collaboration (指針 2.(1))."""

    number = models.PositiveSmallIntegerField(_("番号"), unique=True)
    code = models.SlugField(
        _("コード"),
        unique=True,
        help_text=_("ルールの充足を確認する仕組みがこのコードでルールを指します。"),
    )
    text = models.CharField(_("ルール（指針の文言）"), max_length=200)
    short_name = models.CharField(_("短い名前"), max_length=50)
    explanation = models.TextField(_("解説"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("協働のルール")
        verbose_name_plural = _("協働のルール")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_name}"


class ProjectFormQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True).prefetch_related("kinds")


class ProjectForm(models.Model):
    """A form of collaboration (指針 2.(3)); 事業協力 has kinds, stored as children."""

    class Lead(models.TextChoices):
        CITY = "city", _("主に行政が行うもの")
        CITIZENS = "citizens", _("主にNPO・市民・企業が行うもの")
        JOINT = "joint", _("共に行うもの")

    code = models.SlugField(_("コード"), unique=True)
    name = models.CharField(_("名称"), max_length=50)
    lead = models.CharField(
        _("主に行う主体"), max_length=20, choices=Lead.choices, default=Lead.CITY
    )
    description = models.TextField(_("説明"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上位の形態"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kinds",
    )
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    is_active = models.BooleanField(_("有効"), default=True)

    objects = ProjectFormQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("協働の形態")
        verbose_name_plural = _("協働の形態")

    def __str__(self) -> str:
        return f"{self.parent.name}（{self.name}）" if self.parent_id else self.name


class GuidelinePage(models.Model):
    """A page of the guideline or its operating manual; its text lives in revisions."""

    class Section(models.TextChoices):
        """A page may end with a panel built from the data rows it explains."""

        NONE = "", _("なし")
        RULES = "rules", _("協働のルール一覧")
        FORMS = "forms", _("協働の形態一覧")
        ORGANIZATION_KINDS = "actors", _("協働の主体（団体の種類）")

    slug = models.SlugField(_("URL名"), unique=True)
    title = models.CharField(_("題名"), max_length=100)
    summary = models.CharField(_("概要"), max_length=300, blank=True)
    data_panel = models.CharField(
        _("データから作る一覧"), max_length=20, choices=Section.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("指針のページ")
        verbose_name_plural = _("指針のページ")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guideline:guideline_page", args=[self.slug])


class GuidelineRevisionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class GuidelineRevision(models.Model):
    """One version of a guideline page's text. Versions are kept; the newest published one shows."""

    page = models.ForeignKey(GuidelinePage, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("版"))
    body = models.TextField(_("本文（Markdown）"))
    note = models.CharField(_("改訂の理由"), max_length=300)
    effective_on = models.DateField(_("施行日"), null=True, blank=True)
    is_published = models.BooleanField(_("公開"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作成者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)

    objects = GuidelineRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["page", "-number"]
        verbose_name = _("指針の版")
        verbose_name_plural = _("指針の版")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="one_revision_number_per_page"),
        ]

    def __str__(self) -> str:
        return f"{self.page.title} 第{self.number}版"

    def get_absolute_url(self) -> str:
        return reverse("guideline:guideline_revision", args=[self.page.slug, self.number])


class CriterionSet(models.Model):
    """A set of weighted criteria (審査基準) and the pass line, used by calls and rounds."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    pass_line = models.PositiveSmallIntegerField(
        _("合格ライン（100点満点）"),
        default=50,
        help_text=_("この点数以上を「基準を満たす」とします。"),
    )
    is_default = models.BooleanField(_("既定の基準"), default=False)

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("審査基準のセット")
        verbose_name_plural = _("審査基準のセット")
        constraints = [
            models.CheckConstraint(condition=Q(pass_line__lte=100), name="pass_line_at_most_100"),
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_criterion_set",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """One criterion, scored 0–5 by each reviewer; its weight is its share of the 100 points."""

    criterion_set = models.ForeignKey(
        CriterionSet, on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("審査項目"), max_length=100)
    description = models.TextField(_("見るべき点"), blank=True, max_length=2000)
    weight = models.PositiveSmallIntegerField(_("配点"))
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["criterion_set", "order", "pk"]
        verbose_name = _("審査項目")
        verbose_name_plural = _("審査項目")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.UniqueConstraint(
                fields=["criterion_set", "name"], name="criterion_name_unique_in_set"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.weight}点）"
