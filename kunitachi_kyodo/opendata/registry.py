"""The open datasets (オープンデータ): one definition per dataset, registered by its stage.

Each stage app says what it publishes in its own `opendata.py` (`publishes(Dataset(...))`),
imported from its AppConfig.ready, like the timeline's rows and the page sections, so the
catalog imports no stage. The CSV, the JSON, the data dictionary (項目定義書) and the catalog
entry are all written from the one definition: the file and its documentation cannot drift.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max, Min
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ColumnType:
    code: str  # the type's name in the JSON's schema: string, integer, number, date…
    label: str | Promise  # as the dictionary says it


class Type:
    """The column types the dictionary names; the writers format values by them."""

    TEXT = ColumnType("string", _("文字列"))
    INTEGER = ColumnType("integer", _("整数"))
    DECIMAL = ColumnType("number", _("数値（小数を含む）"))
    DATE = ColumnType("date", _("日付（YYYY-MM-DD）"))
    DATETIME = ColumnType("datetime", _("日時（ISO 8601、日本時間）"))
    BOOLEAN = ColumnType("boolean", _("真偽値（true／false）"))
    URL = ColumnType("url", _("URL"))


@dataclass(frozen=True)
class Column:
    name: str | Promise  # the header, in Japanese: 「事業名」
    key: str  # the English key, the JSON's member name: "title"
    type: ColumnType
    description: str | Promise
    example: str | Promise


@dataclass(frozen=True)
class Span:
    """The dates a catalog entry states, read from the dataset's rows (None: no rows yet)."""

    issued: datetime.date | None  # the first row made public
    modified: datetime.date | None  # the latest change of a row
    period_start: datetime.date | None = None  # the period the rows cover
    period_end: datetime.date | None = None


def as_date(value) -> datetime.date | None:
    """A date from an aggregate that may be a datetime (in the city's time zone) or None."""
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


def publication_span(published) -> Span:
    """The span of rows that exist from their publication (results, evaluations): issued
    with the first, modified and covered up to the latest, by the `published_at` field."""
    dates = published.aggregate(first=Min("published_at"), last=Max("published_at"))
    first, last = as_date(dates["first"]), as_date(dates["last"])
    return Span(issued=first, modified=last, period_start=first, period_end=last)


# DCAT's accrualPeriodicity for data written from the database on each request.
CONTINUOUS = "http://purl.org/cld/freq/continuous"
LICENSE_NAME = "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.ja"


@dataclass(frozen=True)
class Dataset:
    slug: str  # the stable URL: /opendata/<slug>/; also the file's name after the city's code
    title: str | Promise
    description: str | Promise
    columns: tuple[Column, ...]
    # Yields one dict per row, keyed by the columns' keys, from a public queryset only.
    rows: Callable[[], Iterable[dict]]
    span: Callable[[], Span]
    keywords: tuple[str | Promise, ...] = ()
    frequency: str | Promise = _("随時（公開・更新のたびに反映）")
    unit: str | Promise = _("1行")  # what one row is, said in the dictionary
    contact: str = field(default_factory=lambda: settings.OPENDATA_CONTACT)

    @property
    def publisher(self) -> str:
        return settings.CITY_NAME

    @property
    def file_stem(self) -> str:
        """{全国地方公共団体コード}_{name}: how Japanese municipalities name open-data files."""
        return f"{settings.LOCAL_GOVERNMENT_CODE}_{self.slug.replace('-', '_')}"

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]

    def records(self) -> Iterator[list]:
        """Each row's values in the columns' order; a row missing a column is a bug, raised."""
        keys = self.keys
        for row in self.rows():
            yield [row[key] for key in keys]


_DATASETS: dict[str, Dataset] = {}


def publishes(dataset: Dataset) -> Dataset:
    """Register a stage's dataset; the catalog lists them in INSTALLED_APPS order."""
    if dataset.slug in _DATASETS:
        raise ValueError(f"the open dataset {dataset.slug!r} is registered twice")
    _DATASETS[dataset.slug] = dataset
    return dataset


def datasets() -> list[Dataset]:
    return list(_DATASETS.values())


def dataset_or_404(slug: str) -> Dataset:
    try:
        return _DATASETS[slug]
    except KeyError:
        raise Http404 from None


def public_url(path: str) -> str:
    """The absolute URL of a page, as a file read outside the portal needs it."""
    return settings.SITE_URL.rstrip("/") + path


def joined(names: Iterable) -> str:
    """Several values in one cell, as Japanese lists write them: 「福祉、まちづくり」."""
    return "、".join(str(name) for name in names)
