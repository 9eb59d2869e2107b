"""A receipt for every submitted proposal: 受付番号 per fiscal year (e.g. 2026-協-0014), on the
page and in the mail, kept through a return and resubmission."""

import subprocess

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.wareki import wareki_date
from proposals.proposals import services
from proposals.proposals.models import BudgetLine, Proposal
from tests.factories import ProposalFactory
from tests.projects.test_agreement_pdf import pdf_text

pytestmark = pytest.mark.django_db


def submit(proposal, user):
    return services.proposal_transition(proposal=proposal, action="submit", actor=user)


def test_each_submission_gets_the_next_number_of_its_fiscal_year(users):
    year = fiscal_year()
    first = submit(ProposalFactory(proposer=users["citizen"]), users["citizen"])
    second = submit(ProposalFactory(proposer=users["citizen"]), users["citizen"])
    assert first.receipt_number == f"{year}-協-0001"
    assert second.receipt_number == f"{year}-協-0002"


def test_numbers_start_again_each_fiscal_year():
    assert services.next_receipt_number(2026) == "2026-協-0001"
    assert services.next_receipt_number(2026) == "2026-協-0002"
    assert services.next_receipt_number(2027) == "2027-協-0001"


def test_a_returned_and_resubmitted_proposal_keeps_its_number(users):
    proposal = submit(ProposalFactory(proposer=users["citizen"]), users["citizen"])
    number = proposal.receipt_number
    Proposal.objects.filter(pk=proposal.pk).update(status=Proposal.Status.RETURNED)
    proposal.refresh_from_db()
    services.proposal_transition(proposal=proposal, action="resubmit", actor=users["citizen"])
    proposal.refresh_from_db()
    assert proposal.receipt_number == number
    assert Proposal.objects.exclude(receipt_number=None).count() == 1


def test_a_draft_has_no_number_and_the_number_is_on_the_page_and_in_the_mail(
    as_persona, users, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(proposer=users["citizen"])
    assert proposal.receipt_number is None
    with django_capture_on_commit_callbacks(execute=True):
        submit(proposal, users["citizen"])
    proposal.refresh_from_db()
    body = as_persona("anonymous").get(proposal.get_absolute_url()).content.decode()
    assert "受付番号" in body and proposal.receipt_number in body
    to_proposer = [m for m in mail.outbox if m.to == [users["citizen"].email]]
    assert to_proposer and proposal.receipt_number in to_proposer[0].body
    assert reverse("proposals:proposal_detail", args=[proposal.pk]) in to_proposer[0].body


# --- The printable receipt (受付票) -------------------------------------------------------


def receipt_url(proposal):
    return reverse("proposals:proposal_receipt_pdf", args=[proposal.pk])


def test_the_receipt_pdf_holds_the_number_and_the_whole_proposal(as_persona, users, tmp_path):
    proposal = ProposalFactory(proposer=users["citizen"], title="多摩川の清掃と観察会")
    BudgetLine.objects.create(proposal=proposal, kind="income", item="市の委託料", amount=80_000)
    BudgetLine.objects.create(proposal=proposal, kind="expense", item="軍手とごみ袋", amount=80_000)
    proposal = submit(proposal, users["citizen"])
    response = as_persona("citizen").get(receipt_url(proposal))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    content = b"".join(response.streaming_content)
    text = pdf_text(content)
    for expected in (
        proposal.receipt_number,
        "事業提案受付票",
        "多摩川の清掃と観察会",
        proposal.local_issue,
        "軍手とごみ袋",
        "80,000",
        wareki_date(timezone.localdate(proposal.submitted_at)),
    ):
        assert "".join(expected.split()) in text, expected
    (tmp_path / "receipt.pdf").write_bytes(content)
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "receipt.pdf")], capture_output=True, check=True
    ).stdout.decode()
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    assert all("Noto" in row[0] for row in rows), fonts  # the Japanese fonts, not a fallback


@pytest.mark.parametrize(
    "persona", ["anonymous", "other_member", "reviewer", "other_department_staff"]
)
def test_the_receipt_is_the_proposer_sides_and_the_citys_only(as_persona, users, persona):
    proposal = submit(ProposalFactory(proposer=users["citizen"]), users["citizen"])
    assert as_persona(persona).get(receipt_url(proposal)).status_code in (302, 404)


def test_a_draft_has_no_receipt(as_persona, users):
    proposal = ProposalFactory(proposer=users["citizen"])
    assert as_persona("citizen").get(receipt_url(proposal)).status_code == 404
