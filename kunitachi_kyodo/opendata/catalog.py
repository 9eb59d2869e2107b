"""A dataset's catalog entry: the fields a data catalogue (CKAN, DCAT) expects, in one place.

The catalog page, a dataset's page and the catalog's JSON all read `entry_of`.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .registry import CONTINUOUS, LICENSE_NAME, LICENSE_URL, Dataset, Span, public_url
from .writers import dictionary_csv


@dataclass(frozen=True)
class Distribution:
    """One file of a dataset (DCAT's distribution)."""

    title: str | Promise
    format: str  # CSV, JSON
    media_type: str
    path: str  # the page's link: the portal that serves the page serves the file
    file_name: str
    # Bytes, where known before writing: the data files are written row by row as they are
    # downloaded (streamed), so their size is not computed ahead; the dictionary's is exact.
    size: int | None

    @property
    def url(self) -> str:
        """The absolute URL a harvester reads outside the portal (DCAT's downloadURL)."""
        return public_url(self.path)


@dataclass(frozen=True)
class Entry:
    dataset: Dataset
    span: Span
    distributions: tuple[Distribution, ...]

    @property
    def license_name(self) -> str:
        return LICENSE_NAME

    @property
    def license_url(self) -> str:
        return LICENSE_URL

    def as_dcat(self) -> dict:
        """The entry with DCAT's names, as the catalog's JSON gives it."""
        dataset, span = self.dataset, self.span

        def day(value):
            return value.isoformat() if value else None

        return {
            "identifier": dataset.slug,
            "title": str(dataset.title),
            "description": str(dataset.description),
            "keyword": [str(word) for word in dataset.keywords],
            "publisher": dataset.publisher,
            "contactPoint": dataset.contact,
            "license": LICENSE_URL,
            "accrualPeriodicity": CONTINUOUS,
            "issued": day(span.issued),
            "modified": day(span.modified),
            "temporal": {"startDate": day(span.period_start), "endDate": day(span.period_end)},
            "landingPage": public_url(reverse("opendata:dataset", args=[dataset.slug])),
            "describedBy": public_url(reverse("opendata:dictionary", args=[dataset.slug])),
            "distribution": [
                {
                    "title": str(d.title),
                    "format": d.format,
                    "mediaType": d.media_type,
                    "downloadURL": d.url,
                    "fileName": d.file_name,
                    "byteSize": d.size,
                }
                for d in self.distributions
            ],
        }


def entry_of(dataset: Dataset) -> Entry:
    """The dataset's entry; its dates cost one query (the span's aggregate)."""
    slug, stem = dataset.slug, dataset.file_stem
    return Entry(
        dataset=dataset,
        span=dataset.span(),
        distributions=(
            Distribution(
                _("データ（CSV）"),
                "CSV",
                "text/csv",
                reverse("opendata:csv", args=[slug]),
                f"{stem}.csv",
                None,
            ),
            Distribution(
                _("データ（JSON）"),
                "JSON",
                "application/json",
                reverse("opendata:json", args=[slug]),
                f"{stem}.json",
                None,
            ),
            Distribution(
                _("項目定義書（CSV）"),
                "CSV",
                "text/csv",
                reverse("opendata:dictionary_csv", args=[slug]),
                f"{stem}_dictionary.csv",
                len(dictionary_csv(dataset)),
            ),
        ),
    )
