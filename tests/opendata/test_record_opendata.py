"""協働の実績 as open data: the files are written from the one metric list, every section of
it, and say the same numbers as the record page's tables."""

import json
import re
from collections import defaultdict
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kunitachi_kyodo import metrics as metrics_module
from kunitachi_kyodo.metrics import Metric, Row, all_metrics
from tests.opendata.test_opendata import csv_rows, download
from tests.test_record import record  # noqa: F401  (the fixture: two fiscal years counted by hand)

pytestmark = pytest.mark.django_db


def number(cell: str) -> Decimal:
    """A figure as the page writes it (1,234 / 4.0) or as the file does (1234 / 4)."""
    return Decimal(cell.replace(",", ""))


def page_tables(html: str, slug: str) -> list[tuple[str, list[Decimal]]]:
    """The record page's table for one metric: (row heading, its numbers) per row."""
    section = html.split(f'id="{slug}"', 1)[1].split("</section>", 1)[0]
    body = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S):
        label = re.search(r'<th scope="row">([^<]*)</th>', tr).group(1)
        cells = re.findall(r'<td class="text-end">([^<]*)</td>', tr)
        rows.append((label, [number(cell) for cell in cells]))
    return rows


def file_tables(records: list[dict]) -> dict[str, list[tuple[str, list[Decimal]]]]:
    """The CSV's figures grouped back into each metric's table."""
    tables: dict[str, dict[str, list[Decimal]]] = defaultdict(dict)
    for row in records:
        tables[row["指標ID"]].setdefault(row["区分"], []).append(number(row["値"]))
    return {slug: list(rows.items()) for slug, rows in tables.items()}


def figures(client) -> list[dict]:
    header, *rows = csv_rows(download(client, "csv", "record-figures"))
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_record_pages_tables_and_the_csv_say_the_same_numbers(record):  # noqa: F811
    client = Client()
    html = client.get(reverse("record")).content.decode()
    in_file = file_tables(figures(client))
    compared = 0
    for each in all_metrics("collaboration"):
        on_page = page_tables(html, each.slug)
        assert on_page, f"{each.slug}: the fixture counts something in every metric"
        assert in_file[each.slug] == on_page, each.slug
        compared += sum(len(cells) for _, cells in on_page)
    assert compared == sum(1 for row in figures(client) if row["掲載ページ"] == "協働の実績")


def test_the_figures_are_the_metrics_rows_with_their_units(record):  # noqa: F811
    rows = [r for r in figures(Client()) if r["指標ID"] == "cost-shares-per-fiscal-year"]
    assert [(r["区分のキー"], r["系列"], r["値"], r["単位"]) for r in rows] == [
        ("2024", "市の負担", "500000", "円"),
        ("2024", "相手方の負担", "100000", "円"),
        ("2025", "市の負担", "500000", "円"),
        ("2025", "相手方の負担", "50000", "円"),
    ]
    averages = [r for r in figures(Client()) if r["指標ID"] == "evaluation-per-rule"]
    assert [r["値"] for r in averages] == ["4", "4", "3.3", "3.7", "4.3", "3.3"]
    assert {r["単位"] for r in averages} == {"点"}


def test_the_json_holds_the_csvs_numbers(record):  # noqa: F811
    client = Client()
    data = json.loads(download(client, "json", "record-figures"))
    from_json = [
        (r["metric"], r["key"], r["series"], Decimal(str(r["value"]))) for r in data["rows"]
    ]
    from_csv = [
        (r["指標ID"], r["区分のキー"], r["系列"], Decimal(r["値"])) for r in figures(client)
    ]
    assert from_json == from_csv


def test_the_definitions_are_the_metric_lists_for_every_section(monkeypatch, client):
    office = Metric(
        slug="office-consultations",
        title="相談の件数",
        definition="支援室が受けた相談を年度ごとに数えます。",
        unit="件",
        by="fiscal_year",
        series=("相談",),
        rows=lambda: [Row(key=2025, label="2025年度", values=(7,))],
        order=900,
        section="office",
    )
    monkeypatch.setitem(metrics_module._METRICS, office.slug, office)
    header, *rows = csv_rows(download(client, "csv", "record-metrics"))
    published = [dict(zip(header, row, strict=True)) for row in rows]
    assert [r["指標ID"] for r in published] == [m.slug for m in all_metrics()]
    assert {r["掲載ページ"] for r in published} == {"協働の実績", "支援室の統計"}
    for metric, row in zip(all_metrics(), published, strict=True):
        assert row["指標名"] == str(metric.title)
        assert row["定義"] == str(metric.definition)
        assert row["単位"] == str(metric.unit)
        assert row["系列"] == "、".join(str(s) for s in metric.series)
    by_slug = {row["指標ID"]: row for row in published}
    assert by_slug["office-consultations"]["URL"].endswith("/office/report/#office-consultations")
    assert published[0]["URL"].endswith(f"/record/#{all_metrics()[0].slug}")
    # The office's figures are in the figures file too.
    office_rows = [r for r in figures(client) if r["指標ID"] == "office-consultations"]
    assert [(r["掲載ページ"], r["区分のキー"], r["値"]) for r in office_rows] == [
        ("支援室の統計", "2025", "7")
    ]


def test_the_record_page_links_its_open_data(db, client):
    html = client.get(reverse("record")).content.decode()
    assert reverse("opendata:dataset", args=["record-figures"]) in html
    assert reverse("opendata:dataset", args=["record-metrics"]) in html


def test_the_dictionary_documents_every_column(client):
    for slug in ("record-figures", "record-metrics"):
        dictionary = csv_rows(download(client, "dictionary_csv", slug))
        header = csv_rows(download(client, "csv", slug))[0]
        assert [row[0] for row in dictionary[1:]] == header
        assert all(row[3] for row in dictionary[1:]), "every column has a description"


def test_the_pages_link_the_files_on_the_portal_that_serves_them(db, client, settings):
    """A page's links are paths (a demo on another port downloads its own files); the
    catalog's JSON, read outside the portal, keeps the absolute URLs."""
    settings.SITE_URL = "https://kyodo.example.jp"
    csv_path = reverse("opendata:csv", args=["projects"])
    for page in (reverse("opendata:catalog"), reverse("opendata:dataset", args=["projects"])):
        html = client.get(page).content.decode()
        assert f'href="{csv_path}"' in html, page
        assert "https://kyodo.example.jp/opendata" not in html, page
    harvested = json.loads(client.get(reverse("opendata:catalog_json")).content)
    urls = [d["downloadURL"] for e in harvested["datasets"] for d in e["distribution"]]
    assert f"https://kyodo.example.jp{csv_path}" in urls
