"""A proposal's journey in the browser: draft with budget and attachment → consult → submit →
staff screen and return it with a reason → the member revises and resubmits → a citizen sees
the public page and its timeline, but not the attachment."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import Page, expect

from organizations.models import Membership
from proposals.proposals.models import Proposal
from proposals.proposals.services import consultation_post, proposal_assign_department
from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(django_settings.BASE_DIR) / "artifacts" / "screenshots"


def press(page: Page, name: str) -> None:
    """Press a button as a keyboard user does: focus it, then Enter."""
    page.get_by_role("button", name=name).first.focus()
    page.keyboard.press("Enter")


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\*?\s*$")


def test_draft_consult_submit_return_resubmit_and_publish(
    page: Page, live_server, tmp_path, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    base = live_server.url
    organization = OrganizationFactory(name="NPO法人 くにたち子ども食堂ネット")
    member = UserFactory(email="member@example.jp", full_name="協働 花子")
    Membership.objects.create(
        user=member, organization=organization, role=Membership.Role.REPRESENTATIVE
    )
    staff = UserFactory(email="staff@example.jp", full_name="職員 三郎", city_staff=True)
    office = UserFactory(email="office@example.jp", full_name="支援 五子", support_staff=True)
    citizen = UserFactory(email="citizen@example.jp", full_name="市民 一郎")
    plan = tmp_path / "事業計画書.pdf"
    plan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
    budget_sheet = tmp_path / "収支予算書.pdf"
    budget_sheet.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")

    # The member drafts a proposal on a phone, step by step, by keyboard: each step is saved.
    page.set_viewport_size(PHONE)
    page.goto(base + "/")
    sign_in(page, member)
    page.goto(base + "/proposals/new/")
    # The organization's representative starts from the organization, not from 個人.
    expect(page.get_by_label(label("提案する団体"))).to_have_value(str(organization.pk))
    page.get_by_label(label("事業名")).fill("こども食堂と見守りの地域ネットワーク")
    press(page, "保存して次へ")
    expect(page.get_by_role("heading", name="内容", level=2)).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_contain_text("内容")
    page.get_by_label(label("地域課題（なぜ今この事業が必要か）")).fill(
        "ひとりで夕食をとる子どもが増えています。"
    )
    page.get_by_label(label("事業の目標")).fill("週2回、子どもが安心して食べられる場をつくる。")
    # While typing, the count in 字 under the field (JavaScript only makes it nicer).
    expect(page.locator("#id_goal_count")).to_have_text("いま23字（4,000字まで）")
    page.get_by_label(label("成果の指標")).fill("延べ参加者 年間1,500人")
    page.get_by_label(label("事業の内容とスケジュール")).fill(
        "4月から毎週火・金に公民館で開きます。"
    )
    page.get_by_label(label("期待される効果")).fill("孤食の予防と、地域の見守りの輪。")
    page.get_by_label(label("協働の必要性（なぜ市と一緒に行うのか）")).fill(
        "市の福祉の情報と団体の地域の力を合わせるため。"
    )
    page.get_by_label(label("公開用の概要")).fill(
        "こども食堂を軸に、地域で子どもを見守る仕組みをつくります。"
    )
    page.get_by_label(re.compile("公開されることに同意します")).check()
    assert_no_violations(page, "proposal step: content (phone)")
    press(page, "保存して次へ")
    page.locator("#id_roles-0-task").fill("広報")
    page.locator("#id_roles-0-proposer_role").fill("チラシを作って配る")
    page.locator("#id_roles-0-city_role").fill("市報とウェブサイトに載せる")
    press(page, "保存して次へ")
    page.locator("#id_budget-0-kind").select_option("expense")
    page.locator("#id_budget-0-item").fill("食材費")
    page.locator("#id_budget-0-amount").fill("-100")
    press(page, "保存して次へ")
    # A wrong amount in a budget row is listed at the top, focused, with a link to the row.
    summary = page.locator("#form-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("収支予算 1行目")
    expect(summary).to_contain_text("金額は0円以上で入力してください。")
    assert_no_violations(page, "proposal step: budget with errors (phone)")
    summary.get_by_role("link", name=re.compile("収支予算 1行目")).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_budget-0-amount")).to_be_focused()
    expect(page.locator("#id_budget-0-item")).to_have_value("食材費")  # the input is kept
    page.locator("#id_budget-0-amount").fill("240000")
    # Income and expenses balance: the city's part and the rest, both as income.
    page.get_by_label(label("補助・委託希望額（円）")).fill("200000")
    page.locator("#id_budget-1-kind").select_option("income")
    page.locator("#id_budget-1-item").fill("市の補助")
    page.locator("#id_budget-1-amount").fill("200000")
    page.locator("#id_budget-2-kind").select_option("income")
    page.locator("#id_budget-2-item").fill("会費")
    page.locator("#id_budget-2-amount").fill("40000")
    press(page, "保存して次へ")
    # Two attachments at once.
    page.get_by_label("ファイルを追加").set_input_files([str(plan), str(budget_sheet)])
    assert_no_violations(page, "proposal step: files (phone)")
    press(page, "保存して次へ")
    # The confirmation page shows the whole proposal; nothing is missing.
    expect(page.get_by_role("heading", name="提案の確認", level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="240,000").first).to_be_visible()
    expect(page.get_by_role("link", name="事業計画書.pdf")).to_be_visible()
    expect(page.get_by_role("link", name="収支予算書.pdf")).to_be_visible()
    expect(page.locator("#missing-summary")).to_have_count(0)
    assert_no_violations(page, "proposal confirmation (phone)")
    page.get_by_role("link", name="提出せずに、下書きのまま提案のページに戻る").click()

    # Consult and write to the office; the office answers; the member closes the consultation
    # and submits (a consultation is done when the city has answered).
    page.get_by_role("button", name="事前相談を始める").click()
    page.get_by_label("メッセージ", exact=True).fill("予算の組み方について相談させてください。")
    page.get_by_role("button", name="送信する").click()
    expect(page.get_by_text("予算の組み方について相談させてください。")).to_be_visible()
    page.get_by_role("button", name="相談を終える").click()
    expect(page.get_by_text("回答がまだありません")).to_be_visible()
    consultation_post(
        proposal=Proposal.objects.get(title="こども食堂と見守りの地域ネットワーク"),
        author=office,
        body="収入と支出を分けて書いてください。",
    )
    page.reload()
    expect(page.get_by_text("収入と支出を分けて書いてください。")).to_be_visible()
    page.get_by_role("button", name="相談を終える").click()
    expect(page.get_by_text("「下書き」にしました")).to_be_visible()
    page.get_by_role("link", name="全体を確認して提出する").click()
    # The confirmation page is the confirmation: it says what cannot be undone; one press.
    expect(page.get_by_text("市から差し戻されない限り内容を変更できません")).to_be_visible()
    press(page, "提案を提出する")
    expect(page.get_by_text("「提出済み」にしました")).to_be_visible()
    proposal_url = page.url
    # The receipt: its number on the page, and a printable PDF of the submitted proposal.
    receipt_number = Proposal.objects.get().receipt_number
    expect(page.get_by_text(receipt_number)).to_be_visible()
    receipt = page.request.get(
        base + page.get_by_role("link", name="受付票を印刷する（PDF）").get_attribute("href")
    )
    assert receipt.status == 200 and receipt.headers["content-type"] == "application/pdf"
    assert receipt.body().startswith(b"%PDF")

    # The office assigns the free proposal to the department, whose staff start the screening
    # and return it with a reason.
    proposal_assign_department(
        proposal=Proposal.objects.get(title="こども食堂と見守りの地域ネットワーク"),
        actor=office,
        department=staff.department,
    )
    page.context.clear_cookies()
    sign_in(page, staff)
    page.goto(base + "/office/proposals/")
    page.get_by_role("link", name="こども食堂と見守りの地域ネットワーク").click()
    page.get_by_role("button", name="一次審査（書類審査）を始める").click()
    page.get_by_label("「修正を求めて差し戻す」の理由（提案者に伝わります）").fill(
        "成果指標を月ごとの数字で示してください。"
    )
    page.get_by_role("button", name="修正を求めて差し戻す").click()
    expect(page.get_by_text("「差し戻し（修正中）」にしました")).to_be_visible()

    # The member sees the reason, revises and resubmits.
    page.context.clear_cookies()
    sign_in(page, member)
    page.goto(base + "/mypage/")
    page.get_by_role("link", name=re.compile("差し戻し")).first.click()
    expect(page.get_by_text("成果指標を月ごとの数字で示してください。")).to_be_visible()
    page.get_by_role("link", name="内容を編集する").click()
    page.get_by_role("navigation", name="提案の手順").get_by_role("link", name="内容").click()
    page.get_by_label(label("成果の指標")).fill("延べ参加者 月125人（年間1,500人）")
    press(page, "保存して次へ")
    page.get_by_role("navigation", name="提案の手順").get_by_role("link", name="確認").click()
    press(page, "修正して再提出する")
    expect(page.get_by_text("「提出済み」にしました")).to_be_visible()

    # The department's staff see what changed since the version they reviewed.
    page.set_viewport_size(DESKTOP)
    page.context.clear_cookies()
    sign_in(page, staff)
    page.goto(proposal_url)
    page.get_by_role("link", name="前回の提出からの変更を見る").click()
    changes = page.locator(".version-changes")
    expect(changes.get_by_role("rowheader", name="成果の指標")).to_be_visible()
    expect(changes).to_contain_text("月125人")
    expect(changes.get_by_role("rowheader", name="事業名")).to_have_count(0)  # unchanged
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert_no_violations(page, "resubmission diff")
    page.screenshot(path=str(SCREENSHOTS / "proposal-diff-desktop.png"), full_page=True)

    # A citizen sees the public page and its timeline, but not the attachment or the reason.
    page.context.clear_cookies()
    sign_in(page, citizen)
    page.goto(proposal_url)
    expect(
        page.get_by_role("heading", name="こども食堂と見守りの地域ネットワーク", level=1)
    ).to_be_visible()
    expect(
        page.get_by_text("こども食堂を軸に、地域で子どもを見守る仕組みをつくります。")
    ).to_be_visible()
    expect(page.get_by_text("修正のため提案者に差し戻されました")).to_be_visible()
    expect(page.get_by_text("修正した提案が再提出されました")).to_be_visible()
    expect(page.get_by_text("事業計画書.pdf")).to_have_count(0)
    expect(page.get_by_text("成果指標を月ごとの数字で示してください。")).to_have_count(0)
    expect(page.get_by_text("予算の組み方について相談させてください。")).to_have_count(0)
    assert_no_violations(page, "public proposal page")
    for attachment in Proposal.objects.get().attachments.all():
        response = page.request.get(base + attachment.get_absolute_url())
        assert response.status == 404
