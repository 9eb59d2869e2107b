"""The office's figures as open data: every office metric, per fiscal year and series.

The rows are those of the statistics page and the annual report (reports.selectors), so the
three never disagree; a closed year's figures come from its snapshot.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import all_metrics
from kunitachi_kyodo.opendata.registry import Column, Dataset, Span, Type, publishes

from .models import ClosedFiscalYear
from .selectors import rows_of

COLUMNS = (
    Column(_("指標"), "metric", Type.TEXT, _("指標の識別子"), "consultations-by-category"),
    Column(_("指標の名称"), "title", Type.TEXT, _("指標の名称"), _("相談の件数（分類別）")),
    Column(_("年度"), "fiscal_year", Type.INTEGER, _("年度（始まりの西暦年）"), "2026"),
    Column(_("年度の表示"), "fiscal_year_label", Type.TEXT, _("年度の表示"), "2026年度"),
    Column(_("区分"), "category", Type.TEXT, _("分類別の指標の区分（年度別なら空）"), ""),
    Column(_("系列"), "series", Type.TEXT, _("数えたものの名前"), _("資金・助成")),
    Column(_("値"), "value", Type.DECIMAL, _("数値"), "12"),
    Column(_("単位"), "unit", Type.TEXT, _("数値の単位"), _("件")),
    Column(_("確定"), "closed", Type.BOOLEAN, _("年度が終わり確定した数値か"), "true"),
    Column(
        _("定義"), "definition", Type.TEXT, _("何を数えたか"), _("相談日の年度ごとに数えます。")
    ),
)


def rows():
    closed = set(ClosedFiscalYear.objects.values_list("fiscal_year", flat=True))
    for metric in all_metrics("office"):
        for row in rows_of(metric):
            per_year = metric.by == "fiscal_year"
            for name, value in zip(metric.series, row.values, strict=True):
                yield {
                    "metric": metric.slug,
                    "title": str(metric.title),
                    "fiscal_year": row.key if per_year else None,
                    "fiscal_year_label": fiscal_year_label(row.key) if per_year else "",
                    "category": "" if per_year else str(row.label),
                    "series": str(name),
                    "value": value,
                    "unit": str(metric.unit),
                    "closed": per_year and row.key in closed,
                    "definition": str(metric.definition),
                }


def span() -> Span:
    return Span(issued=None, modified=None)


publishes(
    Dataset(
        slug="office-statistics",
        title=_("NPO活動支援室の活動の統計"),
        description=_(
            "支援室の相談・講座・マッチング・情報発信などの件数を、年度ごと・系列ごとに1行で収録します。"
            "相談は、相談日・分類・方法だけを数え、相談者や内容は含みません。"
            "年次報告と統計のページと同じ数値です。"
        ),
        keywords=(_("支援室"), _("統計"), _("年次報告")),
        unit=_("1行が1つの指標の1年度・1系列の値"),
        columns=COLUMNS,
        rows=rows,
        span=span,
    )
)
