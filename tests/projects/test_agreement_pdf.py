"""The agreement as a PDF (WeasyPrint): its text, read back with pdftotext, is the agreement's."""

import datetime
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from proposals.projects import services as projects_services
from proposals.projects.models import Agreement, Indicator, RoleShare
from proposals.proposals import services as proposals_services
from tests.conftest import client_for
from tests.factories import CallFactory, ProposalFactory, decide_through_review

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    # Layout mode keeps table cells on their lines; spaces between wrapped cells do not matter.
    return "".join(result.stdout.decode().split())


@pytest.fixture
def project(users, organization):
    department = users["city_staff"].department
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        origin="call",
        call=CallFactory(department=department),
        department=department,
        goal="北地区に、子どもが歩いて通える放課後の居場所を週2回開く。",
        period_start=datetime.date(2027, 4, 1),
        period_end=datetime.date(2028, 3, 31),
    )
    proposals_services.proposal_transition(
        proposal=proposal, action="submit", actor=users["member"]
    )
    for action in ("screen", "to_open_review"):
        proposals_services.proposal_transition(
            proposal=proposal, action=action, actor=users["city_staff"]
        )
    decide_through_review(proposal, staff=users["city_staff"], reason="効果が大きい")
    project = projects_services.project_create_from_proposal(
        proposal=proposal, user=users["city_staff"]
    )
    agreement = project.current_agreement()
    Indicator.objects.create(
        agreement=agreement, name="延べ参加者数", unit="人", target_value=Decimal("1600")
    )
    RoleShare.objects.create(
        agreement=agreement,
        task="会場の確保",
        partner_role="調理室の衛生管理を行う",
        city_role="北市民プラザの調理室を定期的に使えるよう調整する",
        order=5,
    )
    return project


def test_the_confirmed_agreement_pdf_holds_the_agreements_japanese_text(
    project, users, organization, client
):
    agreement = project.current_agreement()
    projects_services.agreement_confirm(agreement=agreement, user=users["member"])
    projects_services.agreement_confirm(agreement=agreement, user=users["city_staff"])
    response = client.get(reverse("projects:agreement_pdf", args=[project.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.getvalue()  # a file response: its content can be read once
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "協働事業に関する協定書" in text
    assert "国立市（以下「甲」という。）と" in text
    assert f"{organization.name.replace(' ', '')}（以下「乙」という。）" in text
    assert "第1条" in text and "第9条" in text
    assert "（目的）" in text and "（協議）" in text
    assert "北地区に、子どもが歩いて通える放課後の居場所を週2回開く。" in text
    assert "会場の確保" in text and "調理室の衛生管理を行う" in text
    assert "広報" in text  # the row carried over from the proposal
    assert "延べ参加者数" in text and "1,600人" in text
    assert "令和9年4月1日から令和10年3月31日まで" in text
    assert users["member"].full_name.replace(" ", "") in text
    assert users["city_staff"].full_name.replace(" ", "") in text
    assert "案" not in text.split("協働事業に関する協定書")[0]


def test_a_draft_is_marked_as_such_for_the_parties(project, users):
    response = client_for(users["member"]).get(reverse("projects:agreement_pdf", args=[project.pk]))
    text = pdf_text(response.getvalue())
    assert text.startswith("案") or "案第1版" in text
    assert "未確認" in text


def test_the_confirmation_date_is_the_tokyo_date(project, users, client):
    agreement = project.current_agreement()
    projects_services.agreement_confirm(agreement=agreement, user=users["member"])
    projects_services.agreement_confirm(agreement=agreement, user=users["city_staff"])
    # 00:58 on 3 December in Tokyo is still 2 December in UTC.
    just_after_midnight = datetime.datetime(2026, 12, 2, 15, 58, tzinfo=datetime.UTC)
    Agreement.objects.filter(pk=agreement.pk).update(
        partner_confirmed_at=just_after_midnight, department_confirmed_at=just_after_midnight
    )
    text = pdf_text(client.get(reverse("projects:agreement_pdf", args=[project.pk])).getvalue())
    assert text.count("令和8年12月3日") == 2
    assert "令和8年12月2日" not in text
