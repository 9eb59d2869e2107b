"""Nothing private leaves the portal through what citizens browse (issue 10): every open-data
file, every feed, the calendar and the search, for every persona, on one world that holds a
private thing of each kind beside the public ones: drafts, consultation messages, reviewers'
scores and comments before publication, uploaded files, and contacts."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kunitachi_kyodo import feeds
from kunitachi_kyodo.opendata.registry import datasets
from proposals.proposals import services as proposal_services
from proposals.proposals.models import ConsultationMessage, ProposalAttachment
from tests.conftest import PERSONAS, client_for
from tests.factories import ProposalFactory
from tests.opendata.test_opendata import SECRETS, download
from tests.opendata.test_opendata import world as opendata_world  # noqa: F401

pytestmark = pytest.mark.django_db

CONSULTATION = "事前相談で打ち明けた資金繰りの事情"
ATTACHMENT = "非公開の収支計画書.pdf"
UNPUBLISHED_SCORE_REASON = "未公表の採点理由"  # a reviewer's comment on a round not yet published

PRIVATE = [*SECRETS, CONSULTATION, ATTACHMENT, UNPUBLISHED_SCORE_REASON]
# What a searcher might type to reach a private thing: parts of each secret.
SEARCHED = ["秘密", "資金繰り", "収支計画書", "採点理由", "下書き", "未公表", "example.jp", "042"]


@pytest.fixture
def private_world(opendata_world, users, adopted):  # noqa: F811
    """The open-data world (drafts, unpublished rounds and evaluations, contacts), and on a
    public proposal a consultation thread and an uploaded file."""
    member = users["member"]
    # Posted while it was in consultation: the thread stays on the now public proposal.
    ConsultationMessage.objects.create(proposal=adopted, author=member, body=CONSULTATION)
    consulting = ProposalFactory(consultation=True, proposer=member, title="相談中の提案")
    proposal_services.consultation_post(proposal=consulting, author=member, body=CONSULTATION)
    ProposalAttachment.objects.create(
        proposal=adopted,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 " + CONSULTATION.encode()),
        stored_name="plan.pdf",
        original_name=ATTACHMENT,
        content_type="application/pdf",
        size=40,
        uploaded_by=member,
    )
    return opendata_world


def every_output(client) -> dict[str, str]:
    """Every file and feed a citizen can browse, as text."""
    outputs = {}
    for dataset in datasets():
        for name in ("csv", "json"):
            text = download(client, name, dataset.slug).decode()
            if name == "json":  # \u escapes would hide a secret from a plain `in`
                text = json.dumps(json.loads(text), ensure_ascii=False)
            outputs[f"{dataset.slug}.{name}"] = text
    feed_urls = [
        reverse("feeds:all"),
        reverse("calls:call_feed"),
        *(reverse("feeds:kind", args=[kind.slug]) for kind in feeds.kinds()),
        reverse("feeds:calendar"),
    ]
    for url in feed_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        outputs[url] = response.content.decode()
    return outputs


def search_results(client, words: str) -> str:
    """The found documents' titles, snippets and links (the query itself is echoed apart)."""
    response = client.get(reverse("search:search"), {"q": words})
    assert response.status_code == 200
    return "\n".join(
        f"{d.title} {d.snippet} {d.url}" for d in response.context["page_obj"].object_list
    )


def test_the_world_has_a_private_thing_of_each_kind(private_world, adopted):
    assert adopted.consultation_messages.filter(body=CONSULTATION).exists()
    assert adopted.attachments.filter(original_name=ATTACHMENT).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_export_feed_or_search_result_holds_a_private_field(private_world, users, persona):
    client = client_for(None if persona == "anonymous" else users[persona])
    outputs = every_output(client)
    for where, text in outputs.items():
        for secret in PRIVATE:
            assert secret not in text, f"{persona}: {where} holds {secret!r}"
    for words in SEARCHED:
        found = search_results(client, words)
        for secret in PRIVATE:
            assert secret not in found, f"{persona}: searching {words!r} shows {secret!r}"


def _same_bytes_expected(outputs: dict[str, str]) -> dict[str, str]:
    """The outputs without what is the time of writing: the calendar's DTSTAMP, and the
    <updated> of a feed with no entry yet (Atom requires one; it is the moment of asking)."""
    return {
        name: text if "<entry>" in text else re.sub(r"<updated>[^<]*</updated>", "", text)
        for name, text in outputs.items()
        if not name.endswith(".ics")
    }


def test_every_persona_gets_the_same_public_files(private_world, users):
    anonymous = _same_bytes_expected(every_output(client_for(None)))
    for persona in PERSONAS[1:]:
        mine = _same_bytes_expected(every_output(client_for(users[persona])))
        assert mine == anonymous, persona
