"""Horizontal bar charts as plain SVG, drawn by a template from the geometry computed here.

Not a charting package: pygal, the one on the index, always writes an inline <style> and
<script> into its SVG, which the portal's Content-Security-Policy (style-src and script-src
'self') refuses; the SVG must be inline for its role and accessible name. Bars carry their
series' name and value as text, so no meaning rests on colour; the table under each chart
is made from the same formatted values.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import pgettext

from kunitachi_kyodo.metrics import Metric, Number, Row
from kunitachi_kyodo.punctuation import join_list, label_separator

WIDTH = 560
BAR_AREA = 340  # the longest bar; the rest of the width holds its value
LABEL_HEIGHT = 20  # the row's label, above its bars
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14


@dataclass(frozen=True)
class Withheld:
    """A figure not shown, so that no one can be identified (a survey's option chosen by
    fewer than five people): no bar, and the words in its place."""

    text: str  # 「5未満」


def format_value(value: Number | Withheld) -> str:
    """The one display of a figure, in the chart, its description and its table: 1,234 / 4.0.

    Counts and yen are whole; a Decimal is an average, always shown to one decimal.
    """
    if isinstance(value, Withheld):
        return str(value.text)
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=1, use_l10n=True, force_grouping=True)
    return number_format(int(value), use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class Bar:
    series_index: int
    series: str
    y: int
    width: int
    value_x: int
    value_text: str  # "提案 12件": the series is said in words, not by colour alone


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class BarChart:
    metric: Metric
    width: int
    height: int
    groups: tuple[Group, ...]
    table: tuple[TableRow, ...]
    description: str  # every figure in words, for the SVG's accessible description


def bar_chart(metric: Metric, rows: list[Row]) -> BarChart:
    series = [str(name) for name in metric.series]
    unit = str(metric.unit)
    shown = (v for row in rows for v in row.values if not isinstance(v, Withheld))
    largest = max([metric.maximum or 0, *shown], default=0)
    scale = BAR_AREA / largest if largest else 0
    groups, table, said = [], [], []
    y = 0
    for row in rows:
        label_y = y + LABEL_HEIGHT - 6
        y += LABEL_HEIGHT
        bars = []
        for index, value in enumerate(row.values):
            if isinstance(value, Withheld):
                width, text = 0, format_value(value)
            else:
                width = round(float(value) * scale)
                text = pgettext("a figure and its unit", "%(value)s%(unit)s") % {
                    "value": format_value(value),
                    "unit": unit,
                }
            if len(series) > 1:
                text = f"{series[index]} {text}"
            bars.append(
                Bar(
                    series_index=index,
                    series=series[index],
                    y=y,
                    width=width,
                    value_x=width + 6,
                    value_text=text,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
        groups.append(Group(label=row.label, label_y=label_y, bars=tuple(bars)))
        table.append(TableRow(label=row.label, cells=tuple(format_value(v) for v in row.values)))
        said.append(f"{row.label}{label_separator()}{join_list(bar.value_text for bar in bars)}")
    return BarChart(
        metric=metric,
        width=WIDTH,
        height=max(y, 1),
        groups=tuple(groups),
        table=tuple(table),
        description=pgettext("between sentences", "。").join(said),
    )
