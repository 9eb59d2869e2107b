"""A collaboration project's journey in the browser: an adopted proposal becomes a project →
both sides confirm the agreement → the work starts → the partner files the final report →
all four evaluations are written and published → the direction is decided and published →
the evaluation is completed → a citizen sees the project page with the six rules met.

axe checks every working page on the way; a screenshot of the project page and page 1 of
the agreement PDF are saved under artifacts/screenshots/ to be looked at.
"""

import datetime
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from organizations.models import Membership
from proposals.projects.models import CollaborationProject, Evaluation
from proposals.proposals import services
from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import (
    CallFactory,
    OrganizationFactory,
    ProposalFactory,
    UserFactory,
    decide_through_review,
)

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"


def as_user(page: Page, base: str, user) -> None:
    page.context.clear_cookies()
    page.goto(base + "/")
    sign_in(page, user)


def score_everything(page: Page, score: str = "4") -> None:
    for radio in page.locator(f'input[type="radio"][value="{score}"]').all():
        radio.check()


def test_adopted_proposal_to_evaluated_project(page: Page, live_server, tmp_path, settings):
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
    reviewer = UserFactory(email="reviewer@example.jp", full_name="審査 四郎", reviewer=True)
    citizen = UserFactory(email="citizen@example.jp", full_name="市民 一郎")
    call = CallFactory(department=staff.department, title="子どもの居場所づくり")
    proposal = ProposalFactory(
        proposer=member,
        organization=organization,
        origin="call",
        call=call,
        department=staff.department,
        title="北地区の放課後の居場所「きたのテーブル」",
        goal="北地区に、子どもが歩いて通える放課後の居場所を週2回開く。",
        public_summary="北地区に、小中学生が歩いて通える放課後の居場所を週2回開きます。",
        period_start=datetime.date(2027, 4, 1),
        period_end=datetime.date(2028, 3, 31),
    )
    services.proposal_transition(proposal=proposal, action="submit", actor=member)
    services.proposal_transition(proposal=proposal, action="screen", actor=staff)
    services.proposal_transition(proposal=proposal, action="to_open_review", actor=staff)
    decide_through_review(proposal, staff=staff, reason="地域の必要性が高い。")

    # The department makes the adopted proposal a project and completes the draft agreement.
    as_user(page, base, staff)
    page.goto(base + proposal.get_absolute_url())
    page.get_by_role("button", name="協働事業にする").click()
    expect(page.get_by_text("協働事業にしました")).to_be_visible()
    project_url = page.url
    page.get_by_role("link", name="協定書の作成・確認").click()
    agreement_url = page.url
    assert_no_violations(page, "agreement edit")
    page.locator("#id_indicators-0-kind").select_option("outcome")
    page.locator("#id_indicators-0-name").fill("参加する子ども（延べ）")
    page.locator("#id_indicators-0-unit").fill("人")
    page.locator("#id_indicators-0-target_value").fill("千六百")
    page.locator("#id_indicators-1-kind").select_option("activity")
    page.locator("#id_indicators-1-name").fill("開催回数")
    page.locator("#id_indicators-1-unit").fill("回")
    page.locator("#id_indicators-1-target_value").fill("80")
    page.locator("#id_roles-1-task").fill("会場")
    page.locator("#id_roles-1-partner_role").fill("調理室の衛生管理を行う")
    page.locator("#id_roles-1-city_role").fill("北市民プラザの調理室を定期的に使えるよう調整する")
    page.get_by_role("button", name="協定書（案）を保存する").click()
    # A target that is not a number is refused in Japanese; the other rows are kept.
    expect(page.get_by_text("目標値は数字で入力してください").first).to_be_visible()
    expect(page.locator("#id_roles-1-task")).to_have_value("会場")
    assert_no_violations(page, "agreement edit with errors")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "agreement-edit-errors.png"), full_page=True)
    page.locator("#id_indicators-0-target_value").fill("1600")
    page.get_by_role("button", name="協定書（案）を保存する").click()
    expect(page.get_by_text("協定書（案）を保存しました。")).to_be_visible()

    # Both sides confirm; who and when is shown.
    as_user(page, base, member)
    page.goto(agreement_url)
    page.get_by_role("button", name="相手方としてこの協定書を確認する").click()
    page.get_by_role("button", name="協定書を確認する", exact=True).click()
    expect(page.get_by_text("協定書を確認しました。もう一方の確認を待っています。")).to_be_visible()
    as_user(page, base, staff)
    page.goto(agreement_url)
    page.get_by_role("button", name="担当課としてこの協定書を確認する").click()
    page.get_by_role("button", name="協定書を確認する", exact=True).click()
    expect(page.get_by_text("双方の確認がそろいました")).to_be_visible()
    expect(page.get_by_role("cell", name="協働 花子")).to_be_visible()
    expect(page.get_by_role("cell", name="職員 三郎")).to_be_visible()

    # The work starts; the department asks for the final report; reporting begins.
    page.goto(project_url)
    page.get_by_role("button", name="協定に基づき事業を開始する").click()
    expect(page.get_by_text("「実施中」にしました")).to_be_visible()
    page.get_by_role("link", name="事業報告を依頼する").click()
    page.get_by_label("完了報告").check()
    page.locator("#id_due_on").fill("2028-04-30")
    page.get_by_role("button", name="依頼する").click()
    expect(page.get_by_text("報告を依頼しました")).to_be_visible()
    page.get_by_role("button", name="報告の段階に進める").click()
    expect(page.get_by_text("「報告中」にしました")).to_be_visible()

    # The partner files the final report: a value that is not a number first.
    as_user(page, base, member)
    page.goto(project_url)
    page.get_by_role("link", name="完了報告を書く").click()
    report_url = page.url
    values = page.locator("input[id^='id_value_']")
    values.nth(0).fill("たくさん")
    values.nth(1).fill("78")
    page.locator("#id_narrative").fill("4月から週2回、北市民プラザで開きました。")
    page.locator("#id_public_summary").fill("1年間で78回開き、延べ1,520人の子どもが参加しました。")
    page.locator("#id_expenditure").fill("742000")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_text("実績値は数字で入力してください").first).to_be_visible()
    expect(page.locator("#id_narrative")).to_have_value("4月から週2回、北市民プラザで開きました。")
    assert_no_violations(page, "report edit with errors")
    page.locator("input[id^='id_value_']").nth(0).fill("1520")
    page.get_by_role("button", name="報告を提出する").click()
    expect(page.get_by_text("報告を提出しました")).to_be_visible()

    # Evaluations: the partner's self-evaluation and the mutual one.
    page.get_by_role("link", name="自己評価（相手方）を書く").click()
    assert_no_violations(page, "evaluation edit")
    score_everything(page)
    page.locator("input[id^='id_goal_'][value='2']").first.check()
    page.get_by_role("button", name="評価を提出する").click()
    # A low score needs its reason, said next to the item.
    expect(page.get_by_text("1・2の評価には、理由のコメントが必要です。").first).to_be_visible()
    assert_no_violations(page, "evaluation edit with errors")
    page.screenshot(path=str(SCREENSHOTS / "evaluation-errors.png"), full_page=True)
    page.locator("textarea[id^='id_goal_']").first.fill(
        "学校への周知が遅れ、前半の参加が少なかった。"
    )
    page.get_by_role("button", name="評価を提出する").click()
    expect(page.get_by_text("評価を提出しました。")).to_be_visible()
    page.get_by_role("link", name="相互評価を書く").click()
    page.get_by_label("共有できたこと").fill("子どもが安心して過ごせる場の必要性を共有できた。")
    page.get_by_label("認識に違いがあったこと").fill("広報の範囲について、当初は考えが違った。")
    page.get_by_label("今後改善が必要なこと").fill("学校との連絡会を早めに開く。")
    page.get_by_role("button", name="評価を提出する").click()
    expect(page.get_by_text("評価を提出しました。")).to_be_visible()

    # The department's self-evaluation.
    as_user(page, base, staff)
    page.goto(project_url)
    page.get_by_role("link", name="自己評価（担当課）を書く").click()
    score_everything(page, "5")
    page.get_by_role("button", name="評価を提出する").click()
    expect(page.get_by_text("評価を提出しました。")).to_be_visible()

    # The third party (the committee's member, a reviewer of the portal).
    as_user(page, base, reviewer)
    page.goto(project_url)
    page.get_by_role("link", name="第三者評価を書く").click()
    score_everything(page)
    page.get_by_label("総評").fill("対等な協働の好例。次年度は東地区にも広げたい。")
    page.get_by_role("button", name="評価を提出する").click()
    expect(page.get_by_text("評価を提出しました。")).to_be_visible()

    # Before publication the public sees none of it.
    as_user(page, base, citizen)
    page.goto(project_url)
    expect(page.get_by_text("学校への周知が遅れ、前半の参加が少なかった。")).to_have_count(0)
    expect(page.get_by_text("4月から週2回、北市民プラザで開きました。")).to_have_count(0)

    # The department publishes each evaluation, decides and publishes the direction, completes.
    as_user(page, base, staff)
    page.goto(project_url)
    for label in Evaluation.Kind.labels:
        page.get_by_role("button", name=f"{label}を公開する").click()
        expect(page.get_by_text(f"{label}を公開しました。")).to_be_visible()
    page.get_by_role("link", name="今後の方向性を決める").click()
    page.get_by_label("拡充").check()
    page.locator("#id_reason").fill("目標をおおむね達成し、東地区からも要望がある。")
    page.get_by_role("button", name="決定する").click()
    page.get_by_role("button", name="今後の方向性を公開する").click()
    expect(page.get_by_text("今後の方向性を公開しました。")).to_be_visible()
    page.get_by_role("button", name="評価を完了する").click()
    page.get_by_role("button", name="評価を完了する").click()
    expect(page.get_by_text("「評価済み」にしました")).to_be_visible()
    assert CollaborationProject.objects.get().status == CollaborationProject.Status.EVALUATED

    page.goto(base + "/office/projects/")
    assert_no_violations(page, "rule dashboard")
    page.screenshot(path=str(SCREENSHOTS / "rule-dashboard.png"), full_page=True)
    page.goto(base + "/office/projects/new/")
    page.get_by_role("button", name="登録する").click()
    expect(page.locator("#form-error-summary")).to_be_visible()
    assert_no_violations(page, "project create with errors")

    # A citizen sees the whole public record and the six rules met.
    as_user(page, base, citizen)
    page.goto(project_url)
    expect(
        page.get_by_role("heading", name="北地区の放課後の居場所「きたのテーブル」", level=1)
    ).to_be_visible()
    expect(page.locator(".rule-results .rule-met")).to_have_count(6)
    expect(page.get_by_text("1年間で78回開き、延べ1,520人の子どもが参加しました。")).to_be_visible()
    expect(page.get_by_text("学校への周知が遅れ、前半の参加が少なかった。")).to_be_visible()
    expect(page.get_by_text("子どもが安心して過ごせる場の必要性を共有できた。")).to_be_visible()
    expect(page.get_by_text("目標をおおむね達成し、東地区からも要望がある。")).to_be_visible()
    expect(page.get_by_text("評価が完了しました")).to_be_visible()
    expect(page.get_by_text("4月から週2回、北市民プラザで開きました。")).to_have_count(0)
    assert_no_violations(page, "public project page")
    page.screenshot(path=str(SCREENSHOTS / "project-page.png"), full_page=True)
    page.set_viewport_size(PHONE)
    assert_no_violations(page, "public project page on a phone")
    page.set_viewport_size(DESKTOP)
    response = page.request.get(report_url)
    assert response.status == 404  # the report's narrative is the parties' only

    # The confirmed agreement as a PDF, public; page 1 rendered to look at.
    pdf_link = page.get_by_role("link", name="協定書（PDF）").get_attribute("href")
    pdf = page.request.get(base + pdf_link)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    pdf_file = tmp_path / "agreement.pdf"
    pdf_file.write_bytes(pdf.body())
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf_file),
            str(SCREENSHOTS / "agreement"),
        ],
        check=True,
    )
