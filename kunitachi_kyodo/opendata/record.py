"""協働の実績 as open data: the figures of the one metric list, and the list's definitions.

Both datasets are written from `kunitachi_kyodo.metrics.all_metrics()` at each download,
every section included (協働の実績 and the support office's statistics): the same Metric
definitions (slug, title, definition, unit, series) and the same `rows()` the record page
draws, so the page and the files cannot disagree. A figure is one row (a metric, a fiscal
year or category, a series), so a metric of any number of series fits the same columns.
"""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.metrics import Metric, all_metrics

from .registry import Column, Dataset, Span, Type, joined, public_url, publishes

# The page each section's metrics are drawn on, and its name in the files.
SECTIONS = {
    "collaboration": (_("協働の実績"), "record"),
    "office": (_("支援室の統計"), "support_office:reports:statistics"),
}
BY = {"fiscal_year": _("年度"), "category": _("区分")}


def section_label(metric: Metric) -> str:
    return str(SECTIONS[metric.section][0])


def metric_url(metric: Metric) -> str:
    return public_url(f"{reverse(SECTIONS[metric.section][1])}#{metric.slug}")


SLUG_COLUMN = Column(
    _("指標ID"),
    "metric",
    Type.TEXT,
    _("指標の英数字の名前（協働の実績のページの見出しのアンカーと同じ）"),
    "proposals-per-fiscal-year",
)
TITLE_COLUMN = Column(
    _("指標名"), "title", Type.TEXT, _("協働の実績のページでの図の見出し"), _("事業提案と採択の数")
)
SECTION_COLUMN = Column(
    _("掲載ページ"),
    "section",
    Type.TEXT,
    _("指標を載せているページ（協働の実績、支援室の統計）"),
    _("協働の実績"),
)
UNIT_COLUMN = Column(_("単位"), "unit", Type.TEXT, _("値の単位（件、円、点）"), "件")

FIGURE_COLUMNS = (
    SLUG_COLUMN,
    TITLE_COLUMN,
    SECTION_COLUMN,
    Column(
        _("集計の区切り"),
        "by",
        Type.TEXT,
        _("「年度」は行が年度ごと、「区分」は形態・分野・担当課などの区分ごと"),
        _("年度"),
    ),
    Column(
        _("区分のキー"),
        "key",
        Type.TEXT,
        _("年度の西暦（4月始まりの年度）、または区分のコード・番号"),
        "2025",
    ),
    Column(
        _("区分"),
        "label",
        Type.TEXT,
        _("協働の実績のページの表の行の見出し"),
        _("2025年度（令和7年度）"),
    ),
    Column(_("系列"), "series", Type.TEXT, _("表の列の見出し（値が何の数か）"), _("採択")),
    Column(
        _("値"),
        "value",
        Type.DECIMAL,
        _("図と表の数字（平均は小数第1位まで）"),
        "12",
    ),
    UNIT_COLUMN,
)

DEFINITION_COLUMNS = (
    SLUG_COLUMN,
    TITLE_COLUMN,
    SECTION_COLUMN,
    Column(
        _("定義"),
        "definition",
        Type.TEXT,
        _("何を数え、何を含めないか（ページの図の下の説明と同じ文）"),
        _("提出された事業提案を、初めて提出された日の年度ごとに数えます。"),
    ),
    UNIT_COLUMN,
    Column(
        _("集計の区切り"),
        "by",
        Type.TEXT,
        _("「年度」は行が年度ごと、「区分」は区分ごと"),
        _("年度"),
    ),
    Column(
        _("系列"),
        "series",
        Type.TEXT,
        _("値の系列の名前（複数あるときは「、」で区切る）"),
        _("提案、採択"),
    ),
    Column(
        _("上限"),
        "maximum",
        Type.DECIMAL,
        _("値の尺度の上限（1〜5の評価なら5。上限のない数は空欄）"),
        "5",
    ),
    Column(_("URL"), "url", Type.URL, _("指標の図と表があるページ"), "https://…/record/#…"),
)


def figure_rows() -> Iterator[dict]:
    for metric in all_metrics():
        head = {
            "metric": metric.slug,
            "title": str(metric.title),
            "section": section_label(metric),
            "by": str(BY[metric.by]),
            "unit": str(metric.unit),
        }
        for row in metric.rows():
            for series, value in zip(metric.series, row.values, strict=True):
                yield {
                    **head,
                    "key": str(row.key),
                    "label": str(row.label),
                    "series": str(series),
                    "value": value,
                }


def definition_rows() -> Iterator[dict]:
    for metric in all_metrics():
        yield {
            "metric": metric.slug,
            "title": str(metric.title),
            "section": section_label(metric),
            "definition": str(metric.definition),
            "unit": str(metric.unit),
            "by": str(BY[metric.by]),
            "series": joined(metric.series),
            "maximum": metric.maximum,
            "url": metric_url(metric),
        }


def counted_now() -> Span:
    """The figures are counted from the public records at each download: today, no period."""
    today = timezone.localdate()
    return Span(issued=today, modified=today)


EVERY_DOWNLOAD = _("ダウンロードのたびに公開されている記録から数え直します")

publishes(
    Dataset(
        slug="record-figures",
        title=_("協働の実績（数値）"),
        description=_(
            "「協働の実績」と支援室の統計の図と表の数字です。1行が1つの数字"
            "（指標・年度または区分・系列）です。ページと同じ定義で、公開されている記録だけから数えます。"
            "各指標の定義は「協働の実績（指標の定義）」にあります。"
        ),
        keywords=(_("協働の実績"), _("統計"), _("協働")),
        frequency=EVERY_DOWNLOAD,
        unit=_("1行が1つの数字（指標・区分・系列）"),
        columns=FIGURE_COLUMNS,
        rows=figure_rows,
        span=counted_now,
    )
)
publishes(
    Dataset(
        slug="record-metrics",
        title=_("協働の実績（指標の定義）"),
        description=_(
            "「協働の実績」と支援室の統計の各指標の名前・定義・単位・系列です。"
            "「協働の実績（数値）」の指標IDと対応します。"
        ),
        keywords=(_("協働の実績"), _("統計"), _("指標の定義")),
        frequency=EVERY_DOWNLOAD,
        unit=_("1行が1つの指標"),
        columns=DEFINITION_COLUMNS,
        rows=definition_rows,
        span=counted_now,
    )
)
