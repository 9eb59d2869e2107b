"""A coordination request from post to match, in the browser: a citizen posts it, the office
publishes it, a member of an organization responds, the office records the match and its
outcome. axe-core checks the board, the request's page and the talent bank's pages."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from playwright.sync_api import Page, expect

from support_office.talent.models import Consent
from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.office.talent.builders import consent, talent_entry

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def skills(reference_data):
    # A transactional test starts from an emptied database: the skills' seed goes back first.
    importlib.import_module("support_office.talent.migrations.0002_seed_skills").seed(apps, None)


def test_post_respond_and_match(live_server, page: Page):
    citizen = UserFactory(email="poster@example.jp", full_name="市民 一郎")
    office = UserFactory(email="office@example.jp", full_name="支援 五子", support_staff=True)
    member = UserFactory(email="member@example.jp", full_name="協働 花子")
    MembershipFactory(user=member, organization=OrganizationFactory())
    base = live_server.url

    page.goto(base + reverse("support_office:coordination:board"))
    assert_no_violations(page, "board (empty)")
    sign_in(page, citizen)
    page.goto(base + reverse("support_office:coordination:request_create"))
    assert_no_violations(page, "request form")
    page.locator("#id_title").fill("子ども食堂の会場を探しています")
    page.locator("#id_kind").select_option("seeking_venue")
    page.locator("#id_poster_kind").select_option("citizen")
    page.locator("#id_description").fill("毎月第2土曜日に使える調理室を探しています。")
    page.locator("input[name=fields]").first.check()
    page.locator("#id_open_until").fill("2099-03-31")
    page.locator("#id_contact").fill("090-0000-0000")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("子ども食堂の会場を探しています")
    detail_url = page.url
    page.get_by_role("button", name="支援室に確認を依頼する").click()
    expect(page.get_by_text("支援室の確認中").first).to_be_visible()

    sign_in(page, office)
    page.goto(detail_url)
    page.get_by_role("button", name="掲示板に公開する").click()
    expect(page.get_by_text("募集中").first).to_be_visible()

    sign_in(page, member)
    page.goto(detail_url)
    assert_no_violations(page, "request page (responder)")
    page.locator("#id_message").fill("集会所の調理室をお貸しできます。")
    page.locator("#id_contact").fill("自治会事務局 042-111-2222")
    page.get_by_role("button", name="応答を送る").click()
    expect(page.get_by_text("この依頼には応答済みです。")).to_be_visible()
    expect(page.get_by_text("042-111-2222")).to_have_count(0)  # not echoed on the public page

    sign_in(page, citizen)
    page.goto(detail_url)
    expect(page.get_by_text("自治会事務局 042-111-2222", exact=False)).to_be_visible()

    sign_in(page, office)
    page.goto(detail_url)
    assert_no_violations(page, "request page (office)")
    page.locator("#id_match_response").select_option(index=1)
    page.get_by_role("button", name="マッチングを記録する").click()
    page.locator("#id_record_matched_comment").fill("4月から毎月の利用が決まりました。")
    page.get_by_role("button", name="成立を記録する", exact=True).click()
    expect(page.get_by_text("マッチングが成立しました")).to_be_visible()
    expect(page.get_by_text("4月から毎月の利用が決まりました。")).to_be_visible()

    page.context.clear_cookies()
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(base + reverse("support_office:coordination:board"))
        assert_no_violations(page, "board")
        page.goto(detail_url)
        assert_no_violations(page, "request page (public)")
    page.set_viewport_size(DESKTOP)
    page.goto(base + reverse("support_office:coordination:office_list"))  # the login page


def test_talent_pages_are_accessible(live_server, page: Page):
    member = UserFactory(email="member@example.jp", full_name="協働 花子")
    MembershipFactory(user=member, organization=OrganizationFactory())
    entry = talent_entry(levels=consent(display_name=Consent.PUBLIC, skills=Consent.VERIFIED))
    base = live_server.url
    page.goto(base + reverse("support_office:talent:entry_detail", args=[entry.pk]))
    assert_no_violations(page, "talent entry (public)")
    sign_in(page, member)
    for path in (
        reverse("support_office:talent:search"),
        reverse("support_office:talent:entry_detail", args=[entry.pk]),
        reverse("support_office:talent:mine"),
        reverse("support_office:talent:entry_edit"),
    ):
        page.goto(base + path)
        assert_no_violations(page, path)
    # A registration refused for its missing declaration: the error summary, the fields kept.
    page.locator("#id_display_name").fill("くにたち会計さん")
    page.locator("#id_introduction").fill("経理を30年やってきました。")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_text("政治・宗教・営利を目的とする登録はできません。").first).to_be_visible()
    assert_no_violations(page, "talent form with errors")
