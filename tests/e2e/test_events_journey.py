"""An event in the browser: register, see the next person wait, cancel, and watch the waiting
list move up (繰り上げ) until the promoted person confirms; axe on the events' pages."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import UserFactory
from tests.office.events.helpers import make_event

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    return {
        "office": UserFactory(email="office@example.jp", full_name="支援 五子", support_staff=True),
        "first": UserFactory(email="first@example.jp", full_name="先着 一郎"),
        "second": UserFactory(email="second@example.jp", full_name="待機 花子"),
    }


def as_person(page: Page, live_server, user) -> None:
    page.context.clear_cookies()
    page.goto(live_server.url + "/")
    sign_in(page, user)


def test_register_cancel_and_the_waiting_list_moves_up(page: Page, live_server, people):
    event = make_event(created_by=people["office"], capacity=1, title="NPO入門講座")
    detail = live_server.url + event.get_absolute_url()

    as_person(page, live_server, people["first"])
    page.goto(detail)
    page.get_by_role("link", name="申し込む").click()
    page.get_by_label("人数").fill("1")
    page.get_by_role("button", name="申し込む").click()
    expect(page.get_by_text("参加申込を受け付けました（1名、参加確定）")).to_be_visible()

    as_person(page, live_server, people["second"])
    page.goto(detail)
    expect(page.get_by_text("定員に達しています。申し込むとキャンセル待ちになり")).to_be_visible()
    page.get_by_role("link", name="キャンセル待ちで申し込む").click()
    page.get_by_role("button", name="申し込む").click()
    expect(page.get_by_text("キャンセル待ち（1番目）で受け付けました")).to_be_visible()

    as_person(page, live_server, people["first"])
    page.goto(detail)
    page.get_by_role("button", name="申込を取り消す").click()
    expect(page.get_by_text("申込を取り消しました。")).to_be_visible()

    as_person(page, live_server, people["second"])
    page.goto(detail)
    expect(page.get_by_text("席が空きました。")).to_be_visible()
    page.get_by_role("button", name="参加を確定する").click()
    expect(page.get_by_text("参加が確定しました。")).to_be_visible()
    expect(page.get_by_text("参加が確定しています（1名）")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_events_pages_pass_axe(page: Page, live_server, people, viewport):
    page.set_viewport_size(viewport)
    event = make_event(created_by=people["office"], capacity=2)
    make_event(created_by=people["office"], title="団体交流会", kind="exchange", capacity=1)
    paths = [
        reverse("support_office:events:list"),
        event.get_absolute_url(),
        reverse("support_office:events:register", args=[event.pk]),
    ]
    for path in paths:
        page.goto(live_server.url + path)
        assert_no_violations(page, path)
    # A guest's refused registration: the message next to the field passes too.
    page.goto(live_server.url + paths[2])
    page.get_by_label("お名前").fill("国立 花子")
    page.get_by_label("メールアドレス").fill("hanako-at-example")
    page.get_by_role("button", name="申し込む").click()
    expect(page.get_by_text("メールアドレスの形が正しくありません").first).to_be_visible()
    assert_no_violations(page, paths[2] + " (refused)")
    # The office's pages.
    page.goto(live_server.url + "/")
    sign_in(page, people["office"])
    for path in (
        reverse("support_office:events:create"),
        reverse("support_office:events:roll", args=[event.pk]),
        event.get_absolute_url(),
    ):
        page.goto(live_server.url + path)
        assert_no_violations(page, path)
