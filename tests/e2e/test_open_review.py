"""Open review in the browser: staff set up a round and its public session, two reviewers
score (one declares a conflict on one proposal), staff decide and publish, and a citizen
reads the results. axe finds nothing on the manage page, the score sheet, the session page
and the results page."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import OrganizationFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROUND_TITLE = "令和8年度 協働事業提案 公開審査"
FIRST = "こども食堂と見守りの地域ネットワーク"
SECOND = "多摩川河川敷の清掃と自然観察会"
CRITERIA = [
    "公益性",
    "協働の必要性・効果",
    "実現性",
    "先駆性・独自性",
    "予算の妥当性",
    "継続性・発展性",
]


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\*?\s*$")


def criterion_group(page: Page, name: str):
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(name)}（0〜5点・配点"))


def give(page: Page, values: list[int]) -> None:
    for name, value in zip(CRITERIA, values, strict=True):
        criterion_group(page, name).get_by_label(str(value), exact=True).check()


def open_sheet(page: Page, base: str, title: str) -> None:
    page.goto(base + "/review/mine/")
    page.get_by_role("link", name=re.compile(rf"「{re.escape(title)}」の採点票")).click()
    expect(page.get_by_role("heading", name=f"採点票：{title}", level=1)).to_be_visible()


def test_staff_set_up_reviewers_score_staff_publish_and_a_citizen_reads(page: Page, live_server):
    base = live_server.url
    staff = UserFactory(email="staff@example.jp", full_name="職員 三郎", city_staff=True)
    first_reviewer = UserFactory(
        email="reviewer@example.jp", full_name="審査 四郎", full_name_kana="しんさ", reviewer=True
    )
    second_reviewer = UserFactory(
        email="reviewer2@example.jp", full_name="審査 七子", full_name_kana="しんさ", reviewer=True
    )
    citizen = UserFactory(email="citizen@example.jp", full_name="市民 一郎")
    organization = OrganizationFactory(name="NPO法人 くにたち子ども食堂ネット")
    proposals = [
        ProposalFactory(
            open_review=True, title=FIRST, organization=organization, department=staff.department
        ),
        ProposalFactory(
            open_review=True,
            title=SECOND,
            organization=OrganizationFactory(),
            department=staff.department,
        ),
    ]
    session_day = timezone.localtime() + timedelta(days=10)

    # Staff create the round, add both proposals and both reviewers, and a public session.
    page.goto(base + "/")
    sign_in(page, staff)
    page.goto(base + "/office/review/")
    page.get_by_label(label("名称")).fill(ROUND_TITLE)
    page.get_by_label(label("年度（西暦の開始年）")).fill("2026")
    page.get_by_role("button", name="作成する").click()
    expect(page.get_by_text(f"審査回「{ROUND_TITLE}」を作成しました")).to_be_visible()
    manage_url = page.url
    for proposal in proposals:
        page.get_by_label(label("追加する提案")).select_option(
            label=f"{proposal.title}（{proposal.organization.name}）"
        )
        page.get_by_role("button", name="審査対象に加える").click()
        expect(page.get_by_text(f"「{proposal.title}」を審査対象に加えました。")).to_be_visible()
    for reviewer, kind, title in [
        (first_reviewer, "外部委員", "東京都立大学 教授"),
        (second_reviewer, "内部委員（市職員）", ""),
    ]:
        page.get_by_role("combobox", name=label("審査委員")).select_option(
            label=f"{reviewer.full_name}（{reviewer.email}）"
        )
        page.get_by_label(label("委員の区分")).select_option(label=kind)
        page.get_by_label(label("肩書き（公開）")).fill(title)
        page.get_by_role("button", name="審査委員に割り当てる").click()
        expect(
            page.get_by_text(f"{reviewer.full_name} さんを審査委員に割り当てました。")
        ).to_be_visible()

    page.get_by_role("link", name="公開審査会を追加する").click()
    page.get_by_label(label("開始日時")).fill(session_day.strftime("%Y-%m-%dT13:30"))
    page.get_by_label(label("終了日時")).fill(session_day.strftime("%Y-%m-%dT16:00"))
    page.get_by_label(label("会場")).fill("くにたち市民協働センター 3階 第1会議室")
    page.get_by_label(label("案内")).fill("傍聴はどなたでもできます。事前の申し込みは要りません。")
    page.get_by_label(label("公開で告知する")).check()
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_text("公開審査会を保存しました。")).to_be_visible()
    page.get_by_role("button", name="採点を始める").click()
    expect(page.get_by_text("採点を始めました。")).to_be_visible()
    assert_no_violations(page, "manage page while scoring")
    session_url = page.get_by_role("link", name="ページを見る").get_attribute("href")

    # The first reviewer: a 1 without a comment is refused next to its criterion, and
    # what was typed stays; with the comment it is submitted. Then the second proposal.
    # They start from the assignment mail, on a phone.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    sign_in(page, first_reviewer)
    [assigned] = [
        m for m in mail.outbox if m.to == [first_reviewer.email] and ROUND_TITLE in m.subject
    ]
    # The mail links each proposal's score sheet, under its title.
    sheet_url = re.search(rf"- {re.escape(FIRST)}\n\s+https?://[^/\s]+(/\S*)", assigned.body).group(
        1
    )
    page.goto(base + sheet_url)
    expect(page.get_by_role("heading", name=f"採点票：{FIRST}", level=1)).to_be_visible()
    give(page, [4, 5, 1, 4, 3, 4])
    page.get_by_label("全体の講評").fill("地域の力をいかした、よく練られた提案です。")
    page.get_by_role("button", name="提出する（提出後は変更できません）").click()
    low = criterion_group(page, "実現性")
    expect(low.get_by_text("0点・1点には、理由のコメントが必要です。")).to_be_visible()
    expect(low.get_by_label("1", exact=True)).to_be_checked()
    expect(
        criterion_group(page, "協働の必要性・効果").get_by_label("5", exact=True)
    ).to_be_checked()
    expect(page.get_by_label("全体の講評")).to_have_value(
        "地域の力をいかした、よく練られた提案です。"
    )
    assert_no_violations(page, "score sheet with an error")
    low.get_by_label(re.compile("コメント")).fill("人員の確保の見通しが示されていません。")
    page.get_by_role("button", name="提出する（提出後は変更できません）").click()
    # Asked first, saying what cannot be undone; the sheet is kept as a draft meanwhile.
    expect(page.get_by_text("この操作は取り消せません。")).to_be_visible()
    assert_no_violations(page, "confirmation before submitting a score sheet")
    # By keyboard: focus the button, press Enter.
    page.get_by_role("button", name="採点票を提出する").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("採点票を提出しました。")).to_be_visible()
    expect(page.get_by_role("heading", name="あなたの採点（提出済み）")).to_be_visible()
    page.set_viewport_size(DESKTOP)
    open_sheet(page, base, SECOND)
    give(page, [3] * 6)
    page.get_by_role("button", name="一時保存").click()
    expect(page.get_by_text("採点票を一時保存しました。")).to_be_visible()
    assert_no_violations(page, "score sheet")
    page.get_by_role("button", name="提出する（提出後は変更できません）").click()
    page.get_by_role("button", name="採点票を提出する").click()
    expect(page.get_by_text("採点票を提出しました。")).to_be_visible()

    # The second reviewer declares a conflict on the first proposal and scores the second;
    # only after submitting do they see the first reviewer's scores on it.
    page.context.clear_cookies()
    sign_in(page, second_reviewer)
    open_sheet(page, base, FIRST)
    expect(page.get_by_text("審査 四郎")).to_have_count(0)
    page.get_by_label(label("利害関係の内容")).fill("提案団体の理事を務めています。")
    page.get_by_role("button", name="利害関係を申告する").click()
    expect(page.get_by_text(f"「{FIRST}」について利害関係を申告しました。")).to_be_visible()
    expect(page.get_by_text("利害関係あり（採点しない）")).to_be_visible()
    open_sheet(page, base, SECOND)
    expect(page.get_by_text("審査 四郎")).to_have_count(0)
    give(page, [2] * 6)
    page.get_by_role("button", name="提出する（提出後は変更できません）").click()
    page.get_by_role("button", name="採点票を提出する").click()
    expect(page.get_by_role("heading", name="審査 四郎", level=3)).to_be_visible()

    # Staff see the progress, decide both proposals with reasons, and publish.
    page.context.clear_cookies()
    sign_in(page, staff)
    page.goto(manage_url)
    expect(page.get_by_text("未提出の採点票：0件")).to_be_visible()
    for title, decision, reason in [
        (FIRST, "採択", "地域の見守りの担い手づくりとして効果が高いため。"),
        (SECOND, "不採択", "事業の継続の見通しが十分に示されていないため。"),
    ]:
        section = page.get_by_role("region", name=title, exact=True)
        section.get_by_label(label("決定")).select_option(label=decision)
        section.get_by_label(label("決定の理由（公表されます）")).fill(reason)
        section.get_by_role("button", name="決定を記録する").click()
        expect(page.get_by_text(f"「{title}」の決定を記録しました。")).to_be_visible()
    page.get_by_role("button", name="結果を公表する").click()
    expect(page.get_by_text("以後はだれも変更できません")).to_be_visible()
    page.get_by_role("button", name="結果を公表する").click()
    expect(page.get_by_text("審査の結果を公表しました。")).to_be_visible()
    expect(page.get_by_role("button", name="結果を公表する")).to_have_count(0)
    results_url = page.get_by_role("link", name="公表した結果のページを見る").get_attribute("href")

    # A citizen reads the results: ranks, totals, decisions, the reviewers' names.
    page.context.clear_cookies()
    sign_in(page, citizen)
    page.goto(base + "/review/")
    page.get_by_role("region", name="審査の結果").get_by_role("link", name=ROUND_TITLE).click()
    expect(page.get_by_role("heading", name=f"{ROUND_TITLE}の結果", level=1)).to_be_visible()
    assert page.url == base + results_url
    table = page.get_by_role("table").first
    expect(table.get_by_role("row").nth(1)).to_contain_text("1位")
    expect(table.get_by_role("row").nth(1)).to_contain_text(FIRST)
    expect(table.get_by_role("row").nth(1)).to_contain_text("70.0")
    expect(table.get_by_role("row").nth(2)).to_contain_text("50.0")
    expect(page.get_by_role("img", name=re.compile("合計点"))).to_be_visible()
    expect(page.get_by_text("審査 四郎（東京都立大学 教授）")).to_be_visible()
    expect(page.get_by_text("人員の確保の見通しが示されていません。")).to_have_count(0)
    assert_no_violations(page, "results page")
    screenshots = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshots / "review-results.png"), full_page=True)

    page.goto(base + session_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("公開審査会")
    expect(page.get_by_role("list").filter(has_text=FIRST)).to_contain_text(SECOND)
    assert_no_violations(page, "session page")
    page.get_by_role("link", name=FIRST).first.click()
    expect(page.get_by_role("heading", name="審査の結果")).to_be_visible()
    expect(page.get_by_text("2件中 1位")).to_be_visible()
