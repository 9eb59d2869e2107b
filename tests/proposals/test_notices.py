"""Notices that read like the city's (issue 9): 採択通知・不採択通知・差し戻し通知.

The city edits the wording in the admin, with placeholders the admin checks; each decision
issues a notice whose text is frozen as it was sent, mailed to each of the proposer's side
with what happens next and the link to the page, and printable as a dated PDF for the
proposer's side and the city only.
"""

import re
import subprocess

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.wareki import wareki_date
from proposals.proposals import services
from proposals.proposals.models import Notice, NoticeTemplate, Proposal
from proposals.proposals.validators import fill_placeholders, placeholder_problems
from proposals.review.models import ReviewerAssignment
from tests.factories import MembershipFactory, ProposalFactory, UserFactory, decide_through_review
from tests.projects.test_agreement_pdf import pdf_text

pytestmark = pytest.mark.django_db

REASON = "地域の見守りの担い手を広げる効果が大きいため"


def active_template(kind: str) -> NoticeTemplate:
    return NoticeTemplate.objects.get(kind=kind, is_active=True)


@pytest.fixture
def in_review(users, organization):
    """A proposal of the member's organization in open review, with a second editor."""
    MembershipFactory(
        user=UserFactory(email="editor@example.jp", full_name="編集 十郎"),
        organization=organization,
        role="editor",
    )
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        department=users["city_staff"].department,
        title="集会所のお茶会で\n見守り",
    )
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    for action in ("screen", "to_open_review"):
        services.proposal_transition(proposal=proposal, action=action, actor=users["city_staff"])
    return proposal


@pytest.fixture
def adopted_notice(users, in_review, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review_round = decide_through_review(in_review, staff=users["city_staff"], reason=REASON)
    # The persona reviewer reads the proposal whole (its private parts), not its letters.
    ReviewerAssignment.objects.create(round=review_round, reviewer=users["reviewer"])
    return in_review.notices.get()


# --- The templates the city edits ------------------------------------------------------


def test_a_fresh_install_has_a_template_in_use_for_each_kind():
    templates = {t.kind: t for t in NoticeTemplate.objects.filter(is_active=True)}
    assert set(templates) == {"adopted", "not_adopted", "returned"}
    adopted = templates["adopted"]
    assert adopted.sender == "国立市長"
    assert "下記のとおり採択することに決定しましたので通知します。" in adopted.body
    assert "\n記\n" in adopted.body and adopted.body.endswith("以上")
    for template in templates.values():
        assert placeholder_problems(template.subject) == []
        assert placeholder_problems(template.body, required=("理由",)) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{氏名} 様", "{氏名}"),  # not a placeholder
        ("{宛名}{事業 名}", "{事業 名}"),
        ("受付番号 {}", "{}"),
    ],
)
def test_an_unknown_placeholder_is_named(text, named):
    (problem,) = placeholder_problems(text)
    assert f"「{named}」は使えない差し込み項目です" in problem
    assert "{宛名}" in problem and "{URL}" in problem  # and the ones that can be used


@pytest.mark.parametrize("text", ["{宛名 様", "宛名} 様", "{{宛名}}", "{事業名{宛名}}"])
def test_an_unpaired_brace_is_refused(text):
    assert any("波かっこ「{」「}」の対応が取れていません" in p for p in placeholder_problems(text))


def test_full_width_braces_are_read_as_braces():
    assert placeholder_problems("｛宛名｝ 様 {事業名｝") == []
    assert fill_placeholders("｛宛名｝ 様", {"宛名": "国立太郎"}) == "国立太郎 様"


def test_a_body_must_tell_the_reason():
    assert placeholder_problems("{宛名} 様", required=("理由",)) == [
        "本文に {理由} を入れてください。通知には必ず理由を書きます。"
    ]


def admin_form(template: NoticeTemplate | None = None, **changes) -> dict:
    data = {
        "kind": "adopted",
        "is_active": "",
        "sender": "国立市長 国立 太郎",
        "subject": "採択について（通知）",
        "body": "{宛名} 様\n{理由}",
    }
    if template is not None:
        data.update(
            kind=template.kind,
            is_active="on" if template.is_active else "",
            sender=template.sender,
            subject=template.subject,
            body=template.body,
        )
    return {**data, **changes}


def test_the_admin_lists_the_placeholders_and_refuses_an_unknown_one(as_persona):
    client = as_persona("admin")
    add = reverse("admin:proposals_noticetemplate_add")
    page = client.get(add).content.decode()
    assert "<code>{次の手順}</code>" in page and "<code>{日付}</code>" in page
    response = client.post(add, admin_form(body="{宛名} 様\n{理由}\n連絡先 {電話番号}"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "「{電話番号}」は使えない差し込み項目です" in body
    assert "連絡先 {電話番号}" in body  # the text typed is kept
    assert NoticeTemplate.objects.count() == 3


def test_the_admin_refuses_a_broken_subject_and_a_body_without_the_reason(as_persona):
    response = as_persona("admin").post(
        reverse("admin:proposals_noticetemplate_add"),
        admin_form(subject="{事業名 の採択について", body="{宛名} 様"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "波かっこ「{」「}」の対応が取れていません" in body
    assert "本文に {理由} を入れてください。" in body


def test_one_template_in_use_per_kind(as_persona):
    client = as_persona("admin")
    response = client.post(
        reverse("admin:proposals_noticetemplate_add"), admin_form(is_active="on")
    )
    assert response.status_code == 200
    assert "この種類には、使用中のテンプレートがすでにあります。" in response.content.decode()
    response = client.post(reverse("admin:proposals_noticetemplate_add"), admin_form())
    assert response.status_code == 302  # a second, not in use, is kept for later
    assert NoticeTemplate.objects.filter(kind="adopted").count() == 2


# --- Issuing: a decision's notice, frozen, mailed --------------------------------------


def test_an_adoption_issues_a_notice_filled_and_numbered(adopted_notice, in_review, users):
    notice = adopted_notice
    in_review.refresh_from_db()
    today = timezone.localdate()
    assert notice.kind == "adopted" and notice.notice_date == today
    assert notice.number == f"{fiscal_year()}-協通-0001"
    assert notice.addressee == "NPO法人 くにたち子ども食堂ネット"
    assert notice.sender == "国立市長"
    assert notice.subject == "協働事業提案の採択について（通知）"
    for expected in (
        "下記のとおり採択することに決定しましたので通知します。",
        "集会所のお茶会で 見守り",  # the title, on one line
        in_review.receipt_number,
        wareki_date(timezone.localdate(in_review.submitted_at)),
        REASON,
        str(services.NEXT_STEPS[Proposal.Status.ADOPTED]),
        in_review.department.name,
        "http://127.0.0.1:8000" + in_review.get_absolute_url(),
    ):
        assert expected in notice.body, expected
    assert "{" not in notice.body and "}" not in notice.body
    assert notice.status_change.to_status == "adopted"


def test_the_subject_is_one_line_whatever_the_title_holds(users, in_review):
    template = active_template("adopted")
    template.subject = "「{事業名}」の採択について（通知）"
    template.save()
    decide_through_review(in_review, staff=users["city_staff"], reason=REASON)
    assert in_review.notices.get().subject == "「集会所のお茶会で 見守り」の採択について（通知）"


def test_a_notice_keeps_its_text_when_the_template_is_edited(adopted_notice, as_persona):
    before = (adopted_notice.subject, adopted_notice.body)
    template = active_template("adopted")
    template.subject = "新しい件名（通知）"
    template.body = "新しい本文です。{理由}"
    template.save()
    adopted_notice.refresh_from_db()
    assert (adopted_notice.subject, adopted_notice.body) == before
    text = pdf_text(pdf_content(as_persona("member").get(adopted_notice.get_absolute_url())))
    assert "協働事業提案の採択について（通知）" in text and "新しい件名" not in text


def test_each_of_the_proposer_side_gets_their_own_mail_with_the_next_steps_and_links(
    adopted_notice, in_review, users
):
    to_proposer_side = [m for m in mail.outbox if "採択について" in m.subject]
    assert sorted(m.to for m in to_proposer_side) == [["editor@example.jp"], ["member@example.jp"]]
    everyone = {u.email for u in users.values() if u is not None} | {"editor@example.jp"}
    for message in to_proposer_side:
        assert not message.cc and not message.bcc
        assert "\n" not in message.subject
        assert message.subject.endswith("協働事業提案の採択について（通知）")
        body = message.body
        assert body.startswith("NPO法人 くにたち子ども食堂ネット 様")
        assert adopted_notice.body in body  # the notice as issued, word for word
        assert str(services.NEXT_STEPS[Proposal.Status.ADOPTED]) in body
        assert "http://127.0.0.1:8000" + in_review.get_absolute_url() in body
        assert "http://127.0.0.1:8000" + adopted_notice.get_absolute_url() in body
        assert [address for address in everyone if address in body] == []


def test_a_mail_says_what_happens_next_even_if_the_citys_wording_does_not(
    users, in_review, django_capture_on_commit_callbacks
):
    template = active_template("not_adopted")
    template.body = "審査の結果、不採択とします。\n理由：{理由}"
    template.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide_through_review(
            in_review, staff=users["city_staff"], decision="not_adopt", reason="予算の根拠が不足"
        )
    notice = in_review.notices.get()
    assert notice.kind == "not_adopted" and "予算の根拠が不足" in notice.body
    message = next(m for m in mail.outbox if m.to == [users["member"].email])
    next_steps = str(services.NEXT_STEPS[Proposal.Status.NOT_ADOPTED])
    assert f"これから：{next_steps}" in message.body
    assert message.body.count(next_steps) == 1


def test_a_return_issues_its_notice(users, organization, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        department=users["city_staff"].department,
    )
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(
            proposal=proposal,
            action="return",
            actor=users["city_staff"],
            comment="収支予算書の支出の内訳を書いてください。",
        )
    notice = proposal.notices.get()
    assert notice.kind == "returned"
    assert notice.subject == "協働事業提案の修正について（通知）"
    assert "収支予算書の支出の内訳を書いてください。" in notice.body
    assert str(services.NEXT_STEPS[Proposal.Status.RETURNED]) in notice.body
    (message,) = mail.outbox
    assert message.to == [users["member"].email] and notice.body in message.body


def test_other_moves_and_kinds_without_a_template_send_the_plain_mail(
    users, in_review, django_capture_on_commit_callbacks
):
    assert not Notice.objects.exists()  # submit, screen, to_open_review: no notice
    NoticeTemplate.objects.filter(kind="adopted").update(is_active=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide_through_review(in_review, staff=users["city_staff"], reason=REASON)
    assert not Notice.objects.exists()
    message = next(m for m in mail.outbox if m.to == [users["member"].email])
    assert "「採択」になりました" in message.subject
    assert str(services.NEXT_STEPS[Proposal.Status.ADOPTED]) in message.body


# --- The PDF -------------------------------------------------------------------------------


def pdf_content(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    return b"".join(response.streaming_content)


def test_the_pdf_is_dated_with_the_citys_layout_and_fonts(adopted_notice, as_persona, tmp_path):
    content = pdf_content(as_persona("member").get(adopted_notice.get_absolute_url()))
    text = pdf_text(content)
    for expected in (
        adopted_notice.number,
        wareki_date(adopted_notice.notice_date),
        "NPO法人くにたち子ども食堂ネット様",
        "国立市長",
        "協働事業提案の採択について（通知）",
        "記",
        REASON,
        "以上",
    ):
        assert "".join(expected.split()) in text, expected
    # The city's order: number and date, addressee, sender, subject, body.
    order = [
        text.index(adopted_notice.number),
        text.index("子ども食堂ネット様"),
        text.index("国立市長"),
        text.index("採択について（通知）"),
        text.index(REASON),
    ]
    assert order == sorted(order)
    path = tmp_path / "notice.pdf"
    path.write_bytes(content)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    assert all("Noto" in row[0] for row in rows), fonts  # the Japanese fonts, not a fallback
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Title:\s+協働事業提案の採択について（通知）$", info, re.M), info
    assert re.search(rf"^CreationDate:.*{adopted_notice.notice_date.year}", info, re.M), info


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),  # to the login page
        ("citizen", 404),
        ("member", 200),  # the proposing organization's representative
        ("other_member", 404),
        ("city_staff", 200),  # the proposal's department
        ("other_department_staff", 404),
        ("coordinator", 200),
        ("reviewer", 404),  # reviews the proposal, but the letter is not theirs
        ("conflicted_reviewer", 404),
        ("support_office", 200),
        ("admin", 200),
    ],
)
def test_the_pdf_is_the_proposer_sides_and_the_citys_only(
    adopted_notice, as_persona, persona, status
):
    response = as_persona(persona).get(adopted_notice.get_absolute_url())
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("organizations:login"))


def test_a_notice_is_reached_only_through_its_own_proposal(adopted_notice, as_persona, users):
    other = ProposalFactory(proposer=users["member"], submitted=True)
    url = reverse("proposals:notice_pdf", args=[other.pk, adopted_notice.pk])
    assert as_persona("member").get(url).status_code == 404


@pytest.mark.parametrize(
    ("persona", "listed"),
    [("member", True), ("city_staff", True), ("support_office", True), ("reviewer", False)],
)
def test_the_proposal_page_links_its_notices_in_the_private_part(
    adopted_notice, as_persona, persona, listed
):
    body = as_persona(persona).get(adopted_notice.proposal.get_absolute_url()).content.decode()
    assert "提案の詳細（非公開）" in body  # each of them reads the private part
    assert (adopted_notice.get_absolute_url() in body) is listed
    assert ('id="notices-heading"' in body) is listed
    if listed:
        assert body.index("提案の詳細（非公開）") < body.index(adopted_notice.get_absolute_url())
