"""Irreversible acts are confirmed first, saying what cannot be undone (kunitachi_kyodo/confirm.py).

Finding: submitting scores, publishing a round, confirming an agreement and the like took one
click without a word. The first POST now answers with the question and changes nothing; the
confirmed POST acts. Without JavaScript too: the question is a page of its own.
"""

import pytest
from django.urls import reverse

from proposals.calls.models import Call
from proposals.projects.models import Agreement
from proposals.proposals.models import Proposal
from tests.factories import CallFactory, ProposalFactory
from tests.projects.test_projects import complete_agreement, make_project

pytestmark = pytest.mark.django_db

ASKED = "この操作は取り消せません。"


def asked_then_done(client, url, data=None, *, says: str):
    first = client.post(url, data or {})
    body = first.content.decode()
    assert first.status_code == 200 and ASKED in body and says in body
    assert 'name="confirmed" value="yes"' in body
    return client.post(url, {**(data or {}), "confirmed": "yes"})


def test_submitting_a_proposal_is_confirmed_first(as_persona, users):
    proposal = ProposalFactory(proposer=users["citizen"])
    url = reverse("proposals:proposal_act", args=[proposal.pk, "submit"])
    client = as_persona("citizen")
    first = client.post(url)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT  # asking changed nothing
    assert "内容を変更できません" in first.content.decode()
    asked_then_done(client, url, says="内容を変更できません")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_withdrawing_is_confirmed_and_keeps_the_reason_typed(as_persona, users):
    proposal = ProposalFactory(proposer=users["citizen"], submitted=True)
    url = reverse("proposals:proposal_act", args=[proposal.pk, "withdraw"])
    response = as_persona("citizen").post(url, {"comment": "体制が整わないため"})
    assert 'value="体制が整わないため"' in response.content.decode()  # re-posted as it was
    asked_then_done(
        as_persona("citizen"), url, {"comment": "体制が整わないため"}, says="元に戻せません"
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.WITHDRAWN


def test_a_move_that_is_not_irreversible_is_not_asked_about(as_persona, users):
    proposal = ProposalFactory(proposer=users["citizen"])
    url = reverse("proposals:proposal_act", args=[proposal.pk, "consult"])
    response = as_persona("citizen").post(url)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CONSULTATION


def test_someone_who_may_not_make_the_move_is_refused_not_asked(as_persona, users):
    proposal = ProposalFactory(proposer=users["citizen"])
    url = reverse("proposals:proposal_act", args=[proposal.pk, "submit"])
    response = as_persona("city_staff").post(url)
    assert ASKED not in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_publishing_a_call_is_confirmed_first(as_persona, users):
    call = CallFactory(department=users["city_staff"].department, draft=True)
    url = reverse("calls:call_publish", args=[call.pk])
    asked_then_done(as_persona("city_staff"), url, says="非公開の下書きには戻せません")
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED


def test_confirming_an_agreement_is_confirmed_first(as_persona, adopted, users):
    project = make_project(adopted, users)
    complete_agreement(project)
    url = reverse("projects:agreement_confirm", args=[project.pk])
    asked_then_done(
        as_persona("member"), url, says="この版の協定書はどちらの側も変更できなくなります"
    )
    agreement = Agreement.objects.get(project=project)
    assert agreement.partner_confirmed_by == users["member"]
