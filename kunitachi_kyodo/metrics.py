"""協働の実績: the one list of figures the portal publishes about collaboration, by registration.

Each stage's `metrics` module defines what it measures (`measures(Metric(...))`): a slug, a
title, the definition shown next to the figure, its unit, and a function that returns its
rows from public data only, in one aggregated query. The record page draws every metric of
this list, and the open data and the annual report read the same definitions, so no two
pages can count the same thing in two ways.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Aggregate, QuerySet

from kunitachi_kyodo.fiscal import fiscal_year_label, fiscal_year_of

Number = int | Decimal


@dataclass(frozen=True)
class Row:
    """One bar group: a fiscal year or a category, and its value in each series."""

    key: object  # the fiscal year (int) or the category's key
    label: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class Metric:
    slug: str  # stable: the page's anchor, the open data's file name
    title: str
    definition: str  # what is counted and what is left out, as the page says it
    unit: str  # 件, 円, %, 点
    by: str  # "fiscal_year" (a key is a Western year) or "category"
    series: tuple[str, ...]  # the name of each value of a row ("提案", "採択")
    rows: Callable[[], list[Row]]
    order: int  # where it stands on the page
    maximum: Number | None = None  # the scale's end when the unit has one (5 for a 1–5 score)
    # Which page draws it: "collaboration" (協働の実績) or "office" (the support office's
    # statistics and annual report). The open data publishes both.
    section: str = "collaboration"


def per_fiscal_year(queryset: QuerySet, field: str, *series: Aggregate) -> list[Row]:
    """One row per fiscal year of `field` (oldest first), its values the `series` aggregates
    in their order, in one grouped query. Years with no row in `queryset` are left out."""
    names = [f"series_{i}" for i in range(len(series))]  # never a field's name
    groups = (
        queryset.annotate(fiscal_year=fiscal_year_of(field))
        .values("fiscal_year")  # the model's default ordering would split the groups:
        .order_by("fiscal_year")  # ordered by the year alone
        .annotate(**dict(zip(names, series, strict=True)))
    )
    return [
        Row(
            key=group["fiscal_year"],
            label=fiscal_year_label(group["fiscal_year"]),
            values=tuple(group[name] for name in names),
        )
        for group in groups
    ]


_METRICS: dict[str, Metric] = {}


def measures(metric: Metric) -> Metric:
    """Register a stage's metric; a slug is defined once."""
    if metric.slug in _METRICS:
        raise ValueError(f"metric {metric.slug!r} is defined twice")
    _METRICS[metric.slug] = metric
    return metric


def all_metrics(section: str | None = None) -> list[Metric]:
    """Every metric in page order, or only those of one page's `section`."""
    chosen = [m for m in _METRICS.values() if section is None or m.section == section]
    return sorted(chosen, key=lambda metric: metric.order)


def metric(slug: str) -> Metric:
    return _METRICS[slug]
