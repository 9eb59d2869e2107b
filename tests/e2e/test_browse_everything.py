"""A citizen browses everything (issue 10) in a real browser: one Japanese search from the
header, the project register narrowed by filters and shared by its URL, 協働の実績's charts
and tables, and a CSV downloaded from the open-data catalog. axe finds nothing on the way."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Page, expect

from organizations.models import ActivityField, Kind
from proposals.guideline.models import ProjectForm
from tests.factories import (
    DepartmentFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

BOM = b"\xef\xbb\xbf"


def assert_no_violations(page: Page, where: str) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


@pytest.fixture
def town():
    welfare = ActivityField.objects.get(number=1)
    environment = ActivityField.objects.get(number=7)
    care = OrganizationFactory(
        name="NPO法人 くにたち福祉ネット",
        name_kana="くにたちふくしねっと",
        purpose="高齢者の見守りと地域の福祉を支えます。",
        fields=[welfare],
    )
    green = OrganizationFactory(
        name="緑の商会", name_kana="みどりのしょうかい", kind=Kind.COMPANY, fields=[environment]
    )
    welfare_dept = DepartmentFactory(name="福祉政策課")
    green_dept = DepartmentFactory(name="環境政策課")
    commission = ProjectForm.objects.get(code="commission")
    ProjectFactory(
        title="高齢者福祉の見守り訪問",
        summary="団体と市が一人暮らしの方を訪ねます。",
        department=welfare_dept,
        form=commission,
        partners=[care],
        first_fiscal_year=2025,
        last_fiscal_year=2026,
        status="active",
        city_share=300_000,
        partner_share=50_000,
    )
    ProjectFactory(
        title="福祉まつりの共催",
        summary="年に一度のまつりを共催します。",
        department=welfare_dept,
        partners=[care],
        first_fiscal_year=2023,
        last_fiscal_year=2023,
        status="closed",
        city_share=100_000,
        partner_share=0,
    )
    ProjectFactory(
        title="雑木林の手入れ",
        summary="企業と市で林を守ります。",
        department=green_dept,
        partners=[green],
        first_fiscal_year=2025,
        last_fiscal_year=2025,
        status="active",
    )
    ProposalFactory(adopted=True, title="福祉の相談窓口づくり")
    ProposalFactory(not_adopted=True)
    return {"care": care}


def search_from_the_header(page: Page, words: str) -> None:
    box = page.get_by_role("search", name="サイト内検索").get_by_label("サイト内を検索する言葉")
    box.fill(words)
    box.press("Enter")
    expect(page.get_by_role("heading", name="検索結果")).to_be_visible()


def result_titles(page: Page) -> list[str]:
    return page.locator(".search-results h3").all_inner_texts()


def test_a_citizen_searches_filters_reads_the_record_and_downloads_open_data(
    page: Page, live_server, town
):
    # --- One search from the header box, in Japanese. -----------------------------------
    page.goto(live_server.url + reverse("home"))
    search_from_the_header(page, "福祉")
    found = result_titles(page)
    assert "高齢者福祉の見守り訪問" in found  # a two-character word inside a title
    assert "NPO法人 くにたち福祉ネット" in found
    assert "福祉の相談窓口づくり" in found
    expect(page.get_by_role("status")).to_contain_text("「福祉」を含むもの")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["福祉"]
    assert_no_violations(page, "search results: 福祉")

    # The same organization by its reading, typed in half-width katakana.
    search_from_the_header(page, "ｸﾆﾀﾁﾌｸｼ")
    assert result_titles(page) == ["NPO法人 くにたち福祉ネット"]

    # --- The project register, narrowed by two filters. --------------------------------
    page.get_by_role("link", name="協働事業", exact=True).first.click()
    expect(page.get_by_role("heading", name="協働事業の一覧", level=1)).to_be_visible()
    register = page.get_by_role("search", name="協働事業の絞り込み")
    # Each option says how many projects it would show.
    expect(register.get_by_label("状態")).to_contain_text("（2件）")
    register.get_by_label("年度", exact=True).select_option("2025")
    register.get_by_label("協働の相手方の種類").select_option("npo")
    register.get_by_role("button", name="絞り込む").click()
    expect(page.get_by_role("status")).to_have_text("1件の協働事業・この条件のURL（共有用）")
    titles = page.locator(".card-title").all_inner_texts()
    assert titles == ["高齢者福祉の見守り訪問"]
    chosen = parse_qs(urlsplit(page.url).query)
    assert chosen["fiscal_year"] == ["2025"] and chosen["partner_kind"] == ["npo"]
    assert_no_violations(page, "register with filters")

    # The shareable URL: only the chosen filters, and it opens the same register.
    share = page.get_by_role("link", name="この条件のURL（共有用）").get_attribute("href")
    assert share == reverse("projects:project_list") + "?fiscal_year=2025&partner_kind=npo"
    other = page.context.new_page()
    other.goto(live_server.url + share)
    assert other.locator(".card-title").all_inner_texts() == titles
    expect(other.get_by_label("年度", exact=True)).to_have_value("2025")
    other.close()

    # --- 協働の実績: a chart's caption and its table. -----------------------------------
    page.goto(live_server.url + reverse("record"))
    section = page.locator("#cost-shares-per-fiscal-year")
    expect(section.get_by_role("img", name="市と相手方の負担額")).to_be_visible()
    expect(section.locator("figcaption")).to_have_text("市と相手方の負担額（単位：円）")
    section.get_by_text("図の数字を表で見る").click()
    table = section.get_by_role("table", name="市と相手方の負担額（単位：円）")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_text(["年度", "市の負担", "相手方の負担"])
    expect(table.locator("tbody th")).to_have_text(
        ["2023年度（令和5年度）", "2025年度（令和7年度）"]  # the year of the first row alone
    )
    expect(table.locator("tbody td")).to_have_text(["100,000", "0", "300,000", "50,000"])
    for summary in page.locator("details.record-table summary").all():
        if summary.locator("xpath=..").get_attribute("open") is None:
            summary.click()
    assert_no_violations(page, "/record/ with its tables open")

    # --- Open data: the catalog, a dataset, its CSV. ------------------------------------
    page.get_by_role("link", name="オープンデータ", exact=True).first.click()
    expect(page.get_by_role("heading", name="オープンデータ", level=1)).to_be_visible()
    assert_no_violations(page, "the open-data catalog")
    page.get_by_role("link", name="協働事業一覧", exact=True).first.click()
    expect(page.get_by_role("heading", name="協働事業一覧", level=1)).to_be_visible()
    assert_no_violations(page, "a dataset's page")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="データ（CSV）").click()
    download = waiting.value
    assert download.suggested_filename == "132152_projects.csv"
    content = download.path().read_bytes()
    assert content.startswith(BOM)  # Excel reads UTF-8 only after the BOM
    header, *rows = list(csv.reader(io.StringIO(content[3:].decode(), newline="")))
    assert len(rows) == 3
    # The header is the documented one: the 項目定義書's names, in order.
    page.get_by_role("link", name="項目定義書（各項目の名前・型・説明・例）を見る").click()
    documented = page.locator("tbody th[scope=row]").all_inner_texts()
    assert header == documented
    assert "事業名" in header

    # --- The feeds page. ----------------------------------------------------------------
    page.goto(live_server.url + reverse("feeds:index"))
    expect(page.locator("h1")).to_have_count(1)
    assert_no_violations(page, "/feeds/")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_register_and_the_record_fit_a_desktop_screen_in_either_language(
    page: Page, live_server, town, language
):
    """The English menu is longer than the Japanese: it wraps instead of widening the page
    (the screenshots showed a sideways scroll at 1280px), and no select cuts its value."""
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url + "/"}]
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    for path in (
        reverse("projects:project_list") + "?fiscal_year=2025&partner_kind=npo",
        reverse("record"),
    ):
        page.goto(live_server.url + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, f"{path} ({language}) is {width}px wide"
    page.goto(live_server.url + reverse("projects:project_list"))
    sort = page.locator("#id_sort")
    fits = sort.evaluate("s => s.scrollWidth <= s.clientWidth")
    assert fits, f"the sort select cuts its value ({language})"
