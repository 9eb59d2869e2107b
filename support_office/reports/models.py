"""A closed fiscal year's figures, kept as they were when the year was closed.

The office's figures are computed from the records (kunitachi_kyodo.metrics, section
"office"). Once a fiscal year has ended, `close_fiscal_year` keeps each metric's rows for that
year here, with the definition they were counted by, so the year's annual report says the
same thing afterwards even if a record is corrected or a definition changes.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import validate_year


class ClosedFiscalYear(models.Model):
    fiscal_year = models.PositiveSmallIntegerField(
        _("年度"), unique=True, validators=[validate_year]
    )
    closed_at = models.DateTimeField(_("確定日時"), default=timezone.now)

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("確定した年度")
        verbose_name_plural = _("確定した年度")

    def __str__(self) -> str:
        return str(self.fiscal_year)


class ClosedFigure(models.Model):
    """One metric's rows for a closed year: a fiscal-year metric keeps its one row."""

    closed_year = models.ForeignKey(
        ClosedFiscalYear, on_delete=models.CASCADE, related_name="figures"
    )
    slug = models.SlugField(_("指標"), max_length=100)
    title = models.CharField(_("名称"), max_length=200)
    definition = models.TextField(_("定義"))
    unit = models.CharField(_("単位"), max_length=20)
    by = models.CharField(_("区分"), max_length=20)
    series = models.JSONField(_("系列"), default=list)
    # [{"label": "...", "values": [1, "2.5", ...]}]: Decimals are kept as strings.
    rows = models.JSONField(_("数値"), default=list)
    order = models.IntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("確定した数値")
        verbose_name_plural = _("確定した数値")
        constraints = [
            models.UniqueConstraint(
                fields=["closed_year", "slug"],
                name="closed_figure_once_per_year",
                violation_error_message=_("この年度のこの指標はすでに確定しています。"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.closed_year} {self.slug}"
