"""The office logs a consultation; an organization posts news that the office publishes.

axe-core checks the consultation pages, the news list and page and the annual report.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from kunitachi_kyodo.fiscal import fiscal_year
from support_office.consultations.models import Consultation
from support_office.news.models import Post
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Page, live_server, user) -> None:
    page.context.clear_cookies()
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def assert_accessible(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_office_logs_a_consultation_and_publishes_an_organizations_news(
    page: Page, live_server
):
    office = UserFactory(email="office@example.jp", full_name="支援 五子", support_staff=True)
    organization = OrganizationFactory(name="NPO法人 くにたち子ども食堂ネット")
    member = UserFactory(email="member@example.jp", full_name="協働 花子")
    MembershipFactory(user=member, organization=organization)

    # The office logs a consultation.
    sign_in(page, live_server, office)
    page.goto(f"{live_server.url}/office/consultations/")
    assert_accessible(page)
    page.get_by_role("link", name="相談を記録する").click()
    assert_accessible(page)
    page.get_by_label("相談の分類").select_option(label="資金・助成")
    page.get_by_label("相談の方法").select_option(label="電話")
    page.get_by_label("相談者の種別").select_option(label="個人")
    page.get_by_label("相談者（個人・グループの名前）").fill("国立 花子")
    page.get_by_label("件名").fill("助成金の申請について")
    page.get_by_label("相談の内容と対応").fill("締切と様式を説明した。")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("助成金の申請について")
    assert_accessible(page)
    page.get_by_label("内容").fill("申請書の下書きを確認した。")
    page.get_by_role("button", name="記録する").click()
    expect(page.get_by_text("フォローアップ中").first).to_be_visible()
    consultation = Consultation.objects.get()
    assert consultation.status == Consultation.Status.FOLLOWING_UP

    # The organization writes and submits its news.
    sign_in(page, live_server, member)
    page.goto(f"{live_server.url}/office/news/new/")
    assert_accessible(page)
    page.get_by_label("分類").select_option(label="ボランティア募集")
    page.get_by_label("タイトル").fill("調理ボランティアを募集します")
    page.get_by_label("本文").fill("毎週土曜日、**10時**から。<script>alert(1)</script>")
    page.get_by_role("button", name="保存する").click()
    page.get_by_role("button", name="支援室に提出する").click()
    expect(page.get_by_text("確認待ち").first).to_be_visible()

    # The office reads it and publishes it.
    sign_in(page, live_server, office)
    page.goto(f"{live_server.url}/office/news/review/")
    page.get_by_role("link", name="調理ボランティアを募集します").click()
    page.get_by_role("button", name="確認して公開する").click()
    post = Post.objects.get()
    assert post.status == Post.Status.PUBLISHED

    # Anyone reads it; the consultation shows nowhere public.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/office/news/")
    assert_accessible(page)
    page.get_by_role("link", name="調理ボランティアを募集します").click()
    expect(page.locator(".post-body strong")).to_have_text("10時")
    assert "<script" not in page.locator(".post-body").inner_html()
    assert_accessible(page)
    page.goto(f"{live_server.url}/office/report/{fiscal_year()}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("年次報告")
    assert "国立 花子" not in page.content()
    assert_accessible(page)
    page.goto(f"{live_server.url}/office/report/")
    assert_accessible(page)
