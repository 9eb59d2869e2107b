"""The city's guideline as data: its rules, its forms of collaboration, its text.

The guideline says it will be revised; a revision is an edit in the admin (a
new GuidelineRevision, or a changed rule or form row), never a code change.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.guideline import scoring


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
    is_published = models.BooleanField(pgettext_lazy("a page is published", "公開"), default=True)
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


class CriterionSetQuerySet(models.QuerySet):
    def default(self):
        """The set a call or round uses when none is named (the seeded 標準の審査基準)."""
        return self.filter(is_default=True).first()


class CriterionSet(models.Model):
    """A city's scoring scheme (審査基準) as data: its criteria and how results are computed.

    Calls name the set they promise and their rounds score against it; a published round
    keeps its own copy (ReviewRound.frozen_scheme), so editing a set changes nothing published.
    """

    class TotalAs(models.TextChoices):
        MEAN = scoring.MEAN, _("委員1人あたりの平均（例：39.4点／53点満点）")
        SUM = scoring.SUM, _("委員全員の合計（例：315点／424点満点）")

    class Aggregation(models.TextChoices):
        MEAN = scoring.MEAN, _("すべての委員の採点を使う")
        TRIMMED = scoring.TRIMMED, _("提案ごとに最高点と最低点の委員を除く")

    class Conflict(models.TextChoices):
        EXCLUDE = scoring.EXCLUDE, _("利害関係のある委員を除いて集計する")
        OTHERS_MEAN = scoring.OTHERS_MEAN, _("利害関係のある委員の欄をほかの委員の平均で埋める")

    name = models.CharField(_("名称"), max_length=100, unique=True)
    is_default = models.BooleanField(_("既定の基準"), default=False)
    total_as = models.CharField(
        _("合計点の示し方"), max_length=10, choices=TotalAs.choices, default=TotalAs.MEAN
    )
    converts_to_100 = models.BooleanField(
        _("100点満点に換算して示す"),
        default=True,
        help_text=_("換算すると、合格ラインと順位は100点換算の点数で判定します。"),
    )
    pass_line = models.DecimalField(
        _("合格ライン"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "表示される点数（100点換算するなら換算後、しないなら点数）がこの値以上を"
            "「基準以上」とします。合格ラインを設けないなら空欄。"
        ),
    )
    aggregation = models.CharField(
        _("集計の方法"), max_length=10, choices=Aggregation.choices, default=Aggregation.MEAN
    )
    conflict = models.CharField(
        _("利害関係の扱い"), max_length=20, choices=Conflict.choices, default=Conflict.EXCLUDE
    )
    tie_break_requested_amount = models.BooleanField(
        _("同点のときは最後に事業費の少ない提案を上位とする"), default=False
    )
    decimals = models.PositiveSmallIntegerField(
        _("点数の小数点以下の桁数"), default=1, help_text=_("四捨五入して表示します（0〜4）。")
    )
    on_100_decimals = models.PositiveSmallIntegerField(
        _("100点換算の小数点以下の桁数"), default=1, help_text=_("0〜4")
    )

    objects = CriterionSetQuerySet.as_manager()

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("審査基準のセット")
        verbose_name_plural = _("審査基準のセット")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_criterion_set",
                violation_error_message=_("既定の基準にできるのは1つのセットだけです。"),
            ),
            models.CheckConstraint(
                condition=Q(pass_line__isnull=True) | Q(pass_line__gte=0),
                name="pass_line_not_negative",
                violation_error_message=_("合格ラインは0以上にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(pass_line__isnull=True)
                | Q(converts_to_100=False)
                | Q(pass_line__lte=100),
                name="pass_line_on_100_at_most_100",
                violation_error_message=_(
                    "100点満点に換算するときの合格ラインは100以下にしてください。"
                ),
            ),
            models.CheckConstraint(
                condition=Q(total_as__in=scoring.TOTALS),
                name="criterion_set_total_as_known",
                violation_error_message=_("合計点の示し方を選んでください。"),
            ),
            models.CheckConstraint(
                condition=Q(aggregation__in=scoring.AGGREGATIONS),
                name="criterion_set_aggregation_known",
                violation_error_message=_("集計の方法を選んでください。"),
            ),
            models.CheckConstraint(
                condition=Q(conflict__in=scoring.CONFLICT_RULES),
                name="criterion_set_conflict_known",
                violation_error_message=_("利害関係の扱いを選んでください。"),
            ),
            models.CheckConstraint(
                condition=Q(decimals__lte=4) & Q(on_100_decimals__lte=4),
                name="criterion_set_decimals_at_most_4",
                violation_error_message=_("小数点以下の桁数は0〜4にしてください。"),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def scheme(self, criteria=None) -> scoring.Scheme:
        """The set as a scoring.Scheme; `criteria` (this set's, in order) saves a query.

        Raises ValidationError when the set cannot be used to score (no criterion, say).
        """
        criteria = list(self.criteria.all() if criteria is None else criteria)
        if not criteria:
            raise ValidationError(
                _("審査基準「%(name)s」に審査項目がありません。") % {"name": self.name}
            )
        veto = next((c for c in criteria if c.veto_at_most is not None), None)
        tie_breaks = sorted(
            (c for c in criteria if c.tie_break_order is not None),
            key=lambda c: c.tie_break_order,
        )
        try:
            return scoring.Scheme(
                criteria=tuple(c.spec() for c in criteria),
                aggregation=self.aggregation,
                total_as=self.total_as,
                converts_to_100=self.converts_to_100,
                # 50.00 as the city wrote it, 50: the frozen copy and the pages show "50".
                pass_line=None
                if self.pass_line is None
                else Decimal(format(Decimal(str(self.pass_line)).normalize(), "f")),
                veto=None if veto is None else scoring.VetoRule(veto.key, veto.veto_at_most),
                tie_break=tuple(c.key for c in tie_breaks)
                + ((scoring.REQUESTED_AMOUNT,) if self.tie_break_requested_amount else ()),
                conflict=self.conflict,
                decimals=self.decimals,
                on_100_decimals=self.on_100_decimals,
            )
        except ValueError as error:
            # The database constraints keep a set usable; this is the last line of defence.
            raise ValidationError(
                _("審査基準「%(name)s」の設定が正しくありません（%(error)s）。")
                % {"name": self.name, "error": error}
            ) from error


# A criterion's scale is the largest integer a reviewer may enter.
MAX_SCALE = 100


class Criterion(models.Model):
    """One criterion: a reviewer enters 0..scale, worth value × max_points / scale points.

    A criterion scored in points has scale = max_points (「10点満点」: 10 and 10); one scored
    0–5 and weighted has scale 5 and its weight as max_points (「0〜5点×配点20」: 5 and 20).
    """

    criterion_set = models.ForeignKey(
        CriterionSet, on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("審査項目"), max_length=100)
    description = models.TextField(_("見るべき点"), blank=True, max_length=2000)
    scale = models.PositiveSmallIntegerField(
        _("採点の幅（0〜この値）"),
        default=5,
        help_text=_("点数で採点する項目は配点と同じ値、0〜5点で採点して重み付けする項目は5。"),
    )
    max_points = models.PositiveSmallIntegerField(
        _("配点"), help_text=_("採点の幅の最大値をつけたときの点数。")
    )
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    veto_at_most = models.PositiveSmallIntegerField(
        _("拒否要件（この値以下）"),
        null=True,
        blank=True,
        help_text=_(
            "採点した委員の過半数がこの値以下をつけた提案は、合計点にかかわらず不採択相当と"
            "します。拒否要件がなければ空欄（1つのセットに1項目まで）。"
        ),
    )
    tie_break_order = models.PositiveSmallIntegerField(
        _("同点のときに比べる順"),
        null=True,
        blank=True,
        help_text=_("合計点が同じとき、1、2…の順にこの項目の点数が高い提案を上位とします。"),
    )

    class Meta:
        ordering = ["criterion_set", "order", "pk"]
        verbose_name = _("審査項目")
        verbose_name_plural = _("審査項目")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_points__gt=0),
                name="criterion_max_points_positive",
                violation_error_message=_("配点は1以上にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(scale__gt=0) & Q(scale__lte=MAX_SCALE),
                name="criterion_scale_1_to_100",
                violation_error_message=_("採点の幅は1〜100にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(veto_at_most__isnull=True) | Q(veto_at_most__lt=F("scale")),
                name="criterion_veto_below_scale",
                violation_error_message=_("拒否要件の値は採点の幅より小さくしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(tie_break_order__isnull=True) | Q(tie_break_order__gt=0),
                name="criterion_tie_break_order_positive",
                violation_error_message=_("同点のときに比べる順は1から数えてください。"),
            ),
            models.UniqueConstraint(
                fields=["criterion_set", "name"],
                name="criterion_name_unique_in_set",
                violation_error_message=_("同じ名前の審査項目がすでにあります。"),
            ),
            models.UniqueConstraint(
                fields=["criterion_set"],
                condition=Q(veto_at_most__isnull=False),
                name="one_veto_criterion_per_set",
                violation_error_message=_("拒否要件を設けられるのは1つのセットに1項目までです。"),
            ),
            models.UniqueConstraint(
                fields=["criterion_set", "tie_break_order"],
                name="tie_break_order_unique_in_set",
                violation_error_message=_("同点のときに比べる順が重なっています。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.points_label}）"

    @property
    def key(self) -> str:
        """The criterion's key in a scoring.Scheme and in a frozen result."""
        return str(self.pk)

    @property
    def points_label(self) -> str:
        return points_label(self.scale, self.max_points)

    def spec(self) -> scoring.CriterionSpec:
        return scoring.CriterionSpec(self.key, self.name, self.scale, self.max_points)


def points_label(scale: int, max_points: int) -> str:
    """「10点満点」 for a criterion scored in points, 「0〜5点・配点20点」 for a weighted one."""
    if scale == max_points:
        return _("%(points)s点満点") % {"points": max_points}
    return _("0〜%(scale)s点・配点%(points)s点") % {"scale": scale, "points": max_points}
