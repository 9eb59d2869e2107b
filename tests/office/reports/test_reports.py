"""The annual report, the statistics page and the open data draw every registered office
metric from one source, and a closed year reads its snapshot."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from kunitachi_kyodo import metrics as registry
from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.metrics import Metric, Row
from support_office.consultations.models import Consultation
from support_office.reports import services
from support_office.reports.models import ClosedFiscalYear
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LAST_YEAR = fiscal_year() - 1


def consult(users, on: datetime.date, category="funding"):
    return Consultation.objects.create(
        consulted_on=on,
        category=category,
        channel="phone",
        asker_kind="individual",
        asker_name="相談者",
        summary="件名",
        narrative="内容",
        handled_by=users["support_office"],
    )


@pytest.fixture
def another_apps_metric():
    """A metric another office app registers (e.g. events' participants)."""
    metric = registry.measures(
        Metric(
            slug="test-events-participants",
            title="講座の参加者数（テスト）",
            definition="出席を記録した参加者の数を年度ごとに数えます（テスト）。",
            unit="人",
            by="fiscal_year",
            series=("参加者",),
            rows=lambda: [Row(key=LAST_YEAR, label=str(LAST_YEAR), values=(321,))],
            order=200,
            section="office",
        )
    )
    yield metric
    del registry._METRICS[metric.slug]


def test_the_report_shows_every_office_metric_with_its_definition(users, another_apps_metric):
    consult(users, datetime.date(LAST_YEAR, 5, 1))
    page = client_for(None).get(reverse("support_office:reports:annual_report", args=[LAST_YEAR]))
    body = page.content.decode()
    for metric in registry.all_metrics("office"):
        assert str(metric.title) in body
        assert str(metric.definition) in body
    assert "321" in body
    assert "まだ確定していません" in body
    assert 'media="print"' in body


def test_a_closed_year_reads_its_snapshot_and_says_so(users):
    consult(users, datetime.date(LAST_YEAR, 5, 1))
    consult(users, datetime.date(LAST_YEAR, 6, 1))
    call_command("close_fiscal_year", year=LAST_YEAR, stdout=io.StringIO())
    # A record corrected afterwards changes the live count, not the closed year's figures.
    for _n in range(3):
        consult(users, datetime.date(LAST_YEAR, 7, 1))
    url = reverse("support_office:reports:annual_report", args=[LAST_YEAR])
    body = client_for(None).get(url).content.decode()
    assert "数字を確定しました" in body
    closed = ClosedFiscalYear.objects.get(fiscal_year=LAST_YEAR)
    figure = closed.figures.get(slug="consultations-by-category")
    assert sum(figure.rows[0]["values"]) == 2
    # The statistics page and the open data say the same: 2, not 5.
    stats = client_for(None).get(reverse("support_office:reports:statistics")).content.decode()
    assert "資金・助成 2件" in stats
    assert "資金・助成 5件" not in stats
    response = client_for(None).get(reverse("opendata:csv", args=["office-statistics"]))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    header = rows[0]
    funding = [
        dict(zip(header, row, strict=True))
        for row in rows[1:]
        if row[0] == "consultations-by-category"
        and row[2] == str(LAST_YEAR)
        and row[5] == "資金・助成"
    ]
    assert [r[header[6]] for r in funding] == ["2"]


def test_a_year_is_closed_once_and_only_after_it_ends(users):
    with pytest.raises(ValidationError):
        services.fiscal_year_close(year=fiscal_year())
    services.fiscal_year_close(year=LAST_YEAR)
    with pytest.raises(ValidationError):
        services.fiscal_year_close(year=LAST_YEAR)
    out = io.StringIO()
    call_command("close_fiscal_year", year=LAST_YEAR, stdout=out)
    assert "already closed" in out.getvalue()
    assert ClosedFiscalYear.objects.count() == 1


def test_the_statistics_page_charts_every_office_metric(users, another_apps_metric):
    consult(users, datetime.date(LAST_YEAR, 5, 1))
    body = client_for(None).get(reverse("support_office:reports:statistics")).content.decode()
    for metric in registry.all_metrics("office"):
        assert f'id="{metric.slug}"' in body
    assert reverse("support_office:reports:annual_report", args=[LAST_YEAR]) in body


def test_a_year_out_of_range_is_a_404(db):
    client = client_for(None)
    assert client.get("/office/report/1999/").status_code == 404
    assert client.get(f"/office/report/{fiscal_year() + 1}/").status_code == 404
