"""The office's figures as every page reads them: live, except for closed years' snapshots.

The statistics page, the annual report and the open data all read `figures_of_year` and
`rows_of`, so they cannot disagree: a closed year's numbers come from its snapshot everywhere.
"""

from dataclasses import dataclass
from decimal import Decimal

from kunitachi_kyodo.charts import format_value
from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import Metric, Number, Row, all_metrics

from .models import ClosedFigure, ClosedFiscalYear


@dataclass(frozen=True)
class FigureRow:
    label: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class Figure:
    """One metric's figures for a fiscal year, with the definition they were counted by."""

    slug: str
    title: str
    definition: str
    unit: str
    by: str
    series: tuple[str, ...]
    rows: tuple[FigureRow, ...]

    @property
    def cells(self) -> list[tuple[str, tuple]]:
        """(series name, the value of each row) — the report's table, one line per series."""
        return [
            (name, tuple(format_value(row.values[index]) for row in self.rows))
            for index, name in enumerate(self.series)
        ]


def stored(value) -> int | str:
    return str(value) if isinstance(value, Decimal) else int(value)


def restored(value) -> Number:
    return Decimal(value) if isinstance(value, str) else value


def _live_figure(metric: Metric, year: int, rows: list[Row]) -> Figure:
    if metric.by == "fiscal_year":
        chosen = [row for row in rows if row.key == year]
        values = chosen[0].values if chosen else tuple(0 for _name in metric.series)
        figure_rows = (FigureRow(fiscal_year_label(year), tuple(values)),)
    else:
        figure_rows = tuple(FigureRow(str(row.label), tuple(row.values)) for row in rows)
    return Figure(
        slug=metric.slug,
        title=str(metric.title),
        definition=str(metric.definition),
        unit=str(metric.unit),
        by=metric.by,
        series=tuple(str(name) for name in metric.series),
        rows=figure_rows,
    )


def _stored_figure(figure: ClosedFigure) -> Figure:
    return Figure(
        slug=figure.slug,
        title=figure.title,
        definition=figure.definition,
        unit=figure.unit,
        by=figure.by,
        series=tuple(figure.series),
        rows=tuple(
            FigureRow(row["label"], tuple(restored(v) for v in row["values"]))
            for row in figure.rows
        ),
    )


def closed_year(year: int) -> ClosedFiscalYear | None:
    return ClosedFiscalYear.objects.filter(fiscal_year=year).first()


def live_figures(year: int) -> list[Figure]:
    """Every registered office metric's figures for `year`, computed now from the records."""
    return [_live_figure(metric, year, metric.rows()) for metric in all_metrics("office")]


def figures_of_year(year: int) -> tuple[list[Figure], ClosedFiscalYear | None]:
    """The year's figures: its snapshot once closed, else computed now."""
    closed = closed_year(year)
    if closed is not None:
        return [_stored_figure(f) for f in closed.figures.all()], closed
    return live_figures(year), None


def rows_of(metric: Metric) -> list[Row]:
    """A metric's rows for the statistics page and the open data: closed years from their
    snapshot, the others computed now."""
    rows = {row.key: row for row in metric.rows()}
    if metric.by != "fiscal_year":
        return list(rows.values())
    for figure in ClosedFigure.objects.filter(slug=metric.slug).select_related("closed_year"):
        year = figure.closed_year.fiscal_year
        if figure.rows and len(figure.rows[0]["values"]) == len(metric.series):
            values = tuple(restored(v) for v in figure.rows[0]["values"])
            rows[year] = Row(key=year, label=fiscal_year_label(year), values=values)
    return [rows[year] for year in sorted(rows)]


def report_years() -> list[int]:
    """Every fiscal year some office metric has a row for, or that was closed; newest first."""
    years = set(ClosedFiscalYear.objects.values_list("fiscal_year", flat=True))
    for metric in all_metrics("office"):
        if metric.by == "fiscal_year":
            years.update(row.key for row in metric.rows())
    return sorted(years, reverse=True)
