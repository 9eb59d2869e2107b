"""The portal's PDFs (kunitachi_kyodo/pdf.py): tagged for a screen reader, rendered once.

Findings (issue 12): the agreement PDF was rebuilt on every request, and it was not tagged
for accessibility.
"""

import subprocess

import pytest
import weasyprint
from django.core.cache import cache
from django.urls import reverse

from proposals.proposals import services
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts the documents WeasyPrint renders."""
    cache.clear()
    made = []
    real = weasyprint.HTML

    def counting(*args, **kwargs):
        made.append(kwargs.get("string", ""))
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", counting)
    return made


def receipt(client, proposal) -> bytes:
    response = client.get(reverse("proposals:proposal_receipt_pdf", args=[proposal.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def submitted(users):
    proposal = ProposalFactory(proposer=users["citizen"])
    services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])
    proposal.refresh_from_db()
    return proposal


def test_a_pdf_is_tagged_for_accessibility_and_in_a4(as_persona, users, tmp_path, renders):
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt(as_persona("citizen"), submitted(users)))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    assert b"Tagged:          yes" in info
    assert b"(A4)" in info


def test_the_same_document_is_rendered_once_and_a_changed_one_again(as_persona, users, renders):
    proposal = submitted(users)
    client = as_persona("citizen")
    first = receipt(client, proposal)
    assert receipt(client, proposal) == first
    assert len(renders) == 1
    # Any change to what the document says is a new document: never a stale PDF.
    proposal.title = "多摩川の清掃と観察会（改）"
    proposal.save(update_fields=["title"])
    receipt(client, proposal)
    assert len(renders) == 2


def test_the_cache_never_lets_someone_see_a_pdf_they_may_not(as_persona, users, renders):
    proposal = submitted(users)
    receipt(as_persona("citizen"), proposal)  # rendered and cached
    url = reverse("proposals:proposal_receipt_pdf", args=[proposal.pk])
    assert as_persona("other_member").get(url).status_code == 404
