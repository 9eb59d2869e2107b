"""The foundation's journey: sign up → confirm e-mail → register an organization →
the support office verifies it → it is in the public directory and has its page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import DESKTOP, PHONE
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def exactly(label: str) -> re.Pattern:
    """A form label, with or without the asterisk that marks a required field."""
    return re.compile(rf"^\s*{re.escape(label)}\*?\s*$")


def log_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label(exactly("メールアドレス")).fill(email)
    page.get_by_label(exactly("パスワード")).fill(password)
    page.get_by_role("button", name="ログインする").click()
    expect(page.get_by_role("heading", name="マイページ", level=1)).to_be_visible()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="ログアウト").click()
    expect(page.get_by_role("link", name="ログイン", exact=True)).to_be_visible()


def test_sign_up_register_verify_and_publish(page: Page, live_server):
    base = live_server.url
    UserFactory(email="office@example.jp", full_name="支援 五子", support_staff=True)

    # Sign up on a phone; a wrong reading first shows the error next to the field and keeps
    # the input.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/")
    page.get_by_role("link", name="新規登録").first.click()
    page.get_by_label(exactly("メールアドレス")).fill("Hanako@Example.jp")
    page.get_by_label(exactly("氏名")).fill("国立 花子")
    page.get_by_label(exactly("氏名（ふりがな）")).fill("クニタチ Hanako")
    page.get_by_role("button", name="登録する").click()
    expect(page.get_by_text("ひらがなで入力してください").first).to_be_visible()
    expect(page.get_by_label(exactly("氏名"))).to_have_value("国立 花子")
    page.get_by_label(exactly("氏名（ふりがな）")).fill("くにたち はなこ")
    page.get_by_role("button", name="登録する").click()
    expect(page.get_by_role("heading", name="確認メールを送りました")).to_be_visible()

    # The mail is lost: she asks for it again from the page she is on.
    mail.outbox.clear()
    page.get_by_role("link", name="メールが届かないときは、もう一度送る").click()
    page.get_by_label(exactly("メールアドレス")).fill("hanako@example.jp")
    page.get_by_role("button", name="確認メールを送る").click()
    expect(page.get_by_role("heading", name="確認メールを送りました")).to_be_visible()

    # The link in the real e-mail asks for the password; a mismatch is said next to the field.
    link = re.search(r"http://\S+(/accounts/confirm/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(base + link)
    page.get_by_label(exactly("パスワード")).fill("tamagawa-josui-2026")
    page.get_by_label(exactly("パスワード（確認）")).fill("tamagawa-josui-20")
    page.get_by_role("button", name="パスワードを決めて登録を完了する").click()
    expect(page.get_by_text("確認用のパスワードが一致しません。").first).to_be_visible()
    page.get_by_label(exactly("パスワード")).fill("tamagawa-josui-2026")
    page.get_by_label(exactly("パスワード（確認）")).fill("tamagawa-josui-2026")
    page.get_by_role("button", name="パスワードを決めて登録を完了する").click()
    expect(page.get_by_text("登録が完了しました")).to_be_visible()

    # Register an organization (at a desk).
    page.set_viewport_size(DESKTOP)
    log_in(page, base, "hanako@example.jp", "tamagawa-josui-2026")
    page.get_by_role("link", name="団体を登録する").click()
    page.get_by_label(exactly("団体の種類")).select_option(label="任意団体")
    page.get_by_label(exactly("団体名")).fill("矢川ふれあい農園の会")
    page.get_by_label(exactly("団体名（ふりがな）")).fill("やがわふれあいのうえんのかい")
    page.get_by_label(exactly("代表者名")).fill("国立 花子")
    page.get_by_label(exactly("活動目的")).fill("矢川の畑で、世代をこえて野菜づくりを楽しむ。")
    page.get_by_label(exactly("主な活動内容・実績")).fill(
        "毎月第2日曜日に農作業と収穫祭を開いています。"
    )
    page.get_by_label("環境の保全").check()
    page.get_by_label("矢川").check()
    page.get_by_label(exactly("連絡先電話番号")).fill("042-576-2111")
    page.get_by_role("button", name="登録を申請する").click()
    expect(page.get_by_text("支援室の確認待ちです")).to_be_visible()
    log_out(page)

    # Not public yet.
    page.goto(f"{base}/organizations/")
    expect(page.get_by_text("矢川ふれあい農園の会")).to_have_count(0)

    # The support office verifies it.
    log_in(page, base, "office@example.jp", PASSWORD)
    page.get_by_role("link", name=re.compile("確認待ちの団体")).click()
    page.get_by_role("link", name="矢川ふれあい農園の会").click()
    page.get_by_role("button", name="確認済みにする").click()
    expect(page.get_by_text("確認済みにしました")).to_be_visible()
    log_out(page)

    # Anyone finds it in the directory, by field, and opens its page.
    page.goto(f"{base}/organizations/")
    page.get_by_label(exactly("活動分野")).select_option(label="環境の保全")
    page.get_by_role("search", name="団体の絞り込み").get_by_role("button", name="検索").click()
    page.get_by_role("link", name="矢川ふれあい農園の会").click()
    expect(page.get_by_role("heading", name="矢川ふれあい農園の会", level=1)).to_be_visible()
    expect(page.get_by_text("毎月第2日曜日に農作業と収穫祭を開いています。")).to_be_visible()
