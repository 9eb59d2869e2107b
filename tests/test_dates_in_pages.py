"""Pages in English show English dates and fiscal years; in Japanese, 和暦 where a city would.

The proposal's period is 2027-04-01 to 2028-03-31 (the `adopted` fixture).
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import CallFactory
from tests.projects.test_projects import complete_agreement, confirm_both, make_project

pytestmark = pytest.mark.django_db

TOKYO = datetime.timezone(datetime.timedelta(hours=9))
# A date written the Japanese way (2026年12月3日, 12月3日). None may survive in English. (An era
# name may: the factories' review rounds are titled 令和8年度…, which is data, not a date.)
JAPANESE_DATE = re.compile(r"\d+\s*年\s*\d+\s*月|\d+\s*月\s*\d+\s*日")


def page_text(client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())


def test_the_call_list_in_english_gives_english_dates(client):
    CallFactory(
        title="テスト事業X",
        opens_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=TOKYO),
        closes_at=datetime.datetime(2099, 12, 3, 14, 0, tzinfo=TOKYO),
    )
    text = page_text(client, reverse("calls:call_list"), "en")
    assert "5 January 2026, 09:00 – 3 December 2099, 14:00" in text
    assert not JAPANESE_DATE.search(text), JAPANESE_DATE.search(text)

    text = page_text(client, reverse("calls:call_list"), "ja")
    assert "2026年1月5日 09:00〜2099年12月3日 14:00" in text


def test_a_proposal_page_in_english_gives_english_dates(client, adopted, users):
    client.force_login(users["member"])  # the period is in the part the proposer's side reads
    text = page_text(client, adopted.get_absolute_url(), "en")
    assert "1 April 2027 – 31 March 2028" in text
    assert not JAPANESE_DATE.search(text), JAPANESE_DATE.search(text)


def test_a_proposal_page_in_japanese_gives_the_period_in_wareki(client, adopted, users):
    client.force_login(users["member"])
    text = page_text(client, adopted.get_absolute_url(), "ja")
    assert "令和9年4月1日〜令和10年3月31日" in text


@pytest.fixture
def project(adopted, users):
    project = make_project(adopted, users)
    complete_agreement(project)
    confirm_both(project, users)
    return project


def test_a_project_page_in_english_gives_english_dates_and_fiscal_years(client, project):
    text = page_text(client, reverse("projects:project_detail", args=[project.pk]), "en")
    assert "FY2027" in text and "年度" not in text
    assert "1 April 2027 – 31 March 2028" in text
    assert not JAPANESE_DATE.search(text), JAPANESE_DATE.search(text)


def test_a_project_page_in_japanese_gives_wareki(client, project):
    text = page_text(client, reverse("projects:project_detail", args=[project.pk]), "ja")
    assert "2027年度（令和9年度）" in text
    assert "令和9年4月1日〜令和10年3月31日" in text


def test_the_error_summary_separates_label_and_message_in_the_language(client):
    url = reverse("organizations:signup")
    response = client.post(url, {}, HTTP_ACCEPT_LANGUAGE="en")
    summary = response.content.decode().split('id="form-error-summary"')[1].split("</ul>")[0]
    assert "</a>: " in summary and "：" not in summary
    response = client.post(url, {}, HTTP_ACCEPT_LANGUAGE="ja")
    summary = response.content.decode().split('id="form-error-summary"')[1].split("</ul>")[0]
    assert "</a>：" in summary


def test_the_language_switch_names_each_language_in_itself(client):
    for language in ("ja", "en"):
        body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert 'lang="en">English</option>' in body.replace(" selected", "")
        assert 'lang="ja">日本語</option>' in body.replace(" selected", "")
