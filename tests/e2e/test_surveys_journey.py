"""A survey in the browser: a citizen answers (and is told what is missing first), the office
closes it, chooses what is published and publishes it, and anyone reads the results; axe finds
nothing on the survey pages, on a desktop and on a phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from support_office.surveys import services
from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import UserFactory
from tests.office.surveys.factories import make_survey

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def office():
    return UserFactory(email="office@example.jp", full_name="支援室 四郎", support_staff=True)


def test_answer_a_survey_and_read_the_published_results(page: Page, live_server, office):
    survey = make_survey(office)
    citizen = UserFactory(email="citizen@example.jp", full_name="市民 一郎")
    page.goto(live_server.url + reverse("support_office:surveys:list"))
    assert_no_violations(page, "survey list")
    page.get_by_role("link", name=survey.title).click()
    sign_in(page, citizen)
    page.reload()
    page.get_by_role("button", name="回答を送る").click()  # nothing chosen yet
    expect(page.locator("#form-error-summary")).to_contain_text("この質問に答えてください。")
    assert_no_violations(page, "answer form with errors")
    page.get_by_label("はい").check()
    page.get_by_label("防災").check()
    page.get_by_label("4 ややそう思う").check()
    page.get_by_label("問4 ご意見").fill("活動の情報を増やしてほしい。")
    page.get_by_role("button", name="回答を送る").click()
    expect(page.get_by_text("回答を受け付けました。")).to_be_visible()
    expect(page.get_by_text("この調査には回答済みです。")).to_be_visible()

    page.context.clear_cookies()
    page.goto(live_server.url + "/")
    sign_in(page, office)
    page.goto(live_server.url + reverse("support_office:surveys:edit", args=[survey.pk]))
    assert_no_violations(page, "survey management")
    page.get_by_role("button", name="回答を締め切る").click()
    expect(page.get_by_role("heading", name="公開する内容を選ぶ")).to_be_visible()
    page.get_by_label("問2 関心のある分野").uncheck()
    page.get_by_label("問4：活動の情報を増やしてほしい。").check()
    page.get_by_role("button", name="公開する内容を保存する").click()
    expect(page.get_by_text("公開する内容を保存しました。")).to_be_visible()
    page.get_by_role("button", name="結果を公開する").click()
    page.get_by_role("button", name="結果を公開する").click()  # the confirmation page
    expect(page.get_by_text("更新しました")).to_be_visible()

    page.context.clear_cookies()
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(live_server.url + reverse("support_office:surveys:results", args=[survey.pk]))
        expect(page.get_by_role("heading", name="問1 市民活動に参加していますか")).to_be_visible()
        expect(page.get_by_text("活動の情報を増やしてほしい。")).to_be_visible()
        expect(page.get_by_text("関心のある分野")).to_have_count(0)
        assert_no_violations(page, f"survey results {viewport['width']}px")
    assert services.already_answered(citizen, survey, None)
