"""The open-data catalog (オープンデータ) and its files: public pages, for anyone.

Every row comes from a dataset's public queryset (its stage's `opendata.py`), so there is
nothing here to refuse: an unknown dataset is a 404. The files stream: a response holds
one chunk of rows at a time, however many rows the dataset has.
"""

import json

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from .catalog import entry_of
from .registry import dataset_or_404, datasets
from .writers import (
    DICTIONARY_COLUMNS,
    dataset_csv,
    dataset_json,
    dictionary_csv,
    dictionary_records,
)


@require_safe
def catalog(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/catalog.html", {"entries": [entry_of(d) for d in datasets()]})


@require_safe
def catalog_json(request: HttpRequest) -> HttpResponse:
    """The catalog as DCAT-like JSON, for harvesters (CKAN and the national catalog)."""
    body = {"datasets": [entry_of(d).as_dcat() for d in datasets()]}
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )


@require_safe
def dataset_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request, "opendata/dataset_detail.html", {"entry": entry_of(dataset_or_404(slug))}
    )


@require_safe
def dictionary(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = dataset_or_404(slug)
    return render(
        request,
        "opendata/dictionary.html",
        {
            "dataset": dataset,
            "headers": DICTIONARY_COLUMNS,
            "rows": list(dictionary_records(dataset)),
        },
    )


def _download(response: HttpResponse, file_name: str, *, attachment: bool) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(attachment, file_name)
    return response


@require_safe
def dictionary_download(request: HttpRequest, slug: str) -> HttpResponse:
    dataset = dataset_or_404(slug)
    return _download(
        HttpResponse(dictionary_csv(dataset), content_type="text/csv; charset=utf-8"),
        f"{dataset.file_stem}_dictionary.csv",
        attachment=True,
    )


@require_safe
def dataset_csv_download(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    dataset = dataset_or_404(slug)
    return _download(
        StreamingHttpResponse(dataset_csv(dataset), content_type="text/csv; charset=utf-8"),
        f"{dataset.file_stem}.csv",
        attachment=True,
    )


@require_safe
def dataset_json_download(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    dataset = dataset_or_404(slug)
    return _download(
        StreamingHttpResponse(
            dataset_json(dataset, dataset.span().modified),
            content_type="application/json; charset=utf-8",
        ),
        f"{dataset.file_stem}.json",
        attachment=False,
    )
