"""A proposal's budget against its call: the requested amount within the cap, income and
expenses balanced (or the difference explained), and every amount of a sane size.

The finding this answers: income of 99,999,999,999円 against 60,000円 of spending, under a
call capped at 1,200,000円, was submitted, scored and adopted without a word.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from proposals.proposals import services
from proposals.proposals.models import MAX_AMOUNT, BudgetLine, Proposal
from tests.factories import CallFactory, ProposalFactory
from tests.proposals.form_steps import fill, post_step
from tests.proposals.test_proposals import form_data

pytestmark = pytest.mark.django_db


def field_error(body: str, field: str) -> str:
    """The error text shown under one field (crispy's block the input points to), or ""."""
    block = re.search(rf'<div id="id_{re.escape(field)}_error"[^>]*>(.*?)</div>', body, re.S)
    return " ".join(re.findall(r"<strong>(.*?)</strong>", block[1])) if block else ""


def call_data(call, **overrides):
    return form_data(origin="call", call=str(call.pk), **overrides)


def budget(*lines):
    """Budget formset data: lines of (kind, item, amount)."""
    data = {"budget-TOTAL_FORMS": str(len(lines)), "budget-INITIAL_FORMS": "0"}
    for index, (kind, item, amount) in enumerate(lines):
        data |= {
            f"budget-{index}-kind": kind,
            f"budget-{index}-item": item,
            f"budget-{index}-amount": str(amount),
        }
    return data


# --- Saving: refused next to the field, the input kept --------------------------------------


def post_budget(client, data):
    """Fill the steps before the budget, then post the budget step: (proposal, response)."""
    proposal = fill(
        client, {**data, **budget(("income", "仮", 0), ("expense", "仮", 0))}, before="budget"
    )
    return proposal, post_step(client, proposal, "budget", data)


def test_the_findings_budget_is_refused_next_to_each_field(as_persona):
    call = CallFactory(budget_cap=1_200_000)
    data = call_data(
        call,
        requested_amount="99999999999",
        **budget(("income", "市の委託料", "99999999999"), ("expense", "講師謝礼", "60000")),
    )
    proposal, response = post_budget(as_persona("citizen"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "金額は1億円以下で入力してください。" in field_error(body, "requested_amount")
    assert "金額は1億円以下で入力してください。" in field_error(body, "budget-0-amount")
    assert 'value="99999999999"' in body  # the input is kept, to be corrected
    assert 'value="講師謝礼"' in body
    proposal.refresh_from_db()
    assert proposal.requested_amount is None and not BudgetLine.objects.exists()


def test_a_requested_amount_over_the_calls_cap_is_refused_next_to_it(as_persona):
    call = CallFactory(title="高齢者の見守り", budget_cap=1_200_000)
    data = call_data(
        call,
        requested_amount="1500000",
        **budget(("income", "市の委託料", "1500000"), ("expense", "人件費", "1500000")),
    )
    proposal, response = post_budget(as_persona("citizen"), data)
    body = response.content.decode()
    assert (
        "補助・委託希望額（1,500,000円）が、「高齢者の見守り」の上限（1,200,000円）を超えています。"
        in field_error(body, "requested_amount")
    )
    assert 'value="1500000"' in body
    proposal.refresh_from_db()
    assert proposal.requested_amount is None


def test_an_unbalanced_budget_needs_its_difference_explained(as_persona):
    client = as_persona("citizen")
    data = form_data(
        **budget(("income", "市の補助", "100000"), ("expense", "講師謝礼", "60000")),
    )
    proposal, response = post_budget(client, data)
    assert (
        "収入の合計（100,000円）と支出の合計（60,000円）が合っていません。"
        "差額（40,000円）の理由を書いてください。"
        in field_error(response.content.decode(), "budget_difference_note")
    )
    assert not BudgetLine.objects.exists()
    data["budget_difference_note"] = "差額は翌年度の教材費に充てます。"
    response = post_step(client, proposal, "budget", data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.budget_difference_note == "差額は翌年度の教材費に充てます。"
    assert proposal.budget_totals() == {"income": 100000, "expense": 60000}


def test_a_balanced_budget_within_the_cap_is_saved_and_shown_to_the_proposer(as_persona):
    call = CallFactory(budget_cap=1_200_000)
    data = call_data(
        call,
        requested_amount="1200000",
        **budget(("income", "市の委託料", "1200000"), ("expense", "人件費", "1200000")),
    )
    client = as_persona("citizen")
    proposal, response = post_budget(client, data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.requested_amount == 1_200_000
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "補助・委託希望額" in page and "1,200,000円" in page


def test_a_lower_cap_chosen_on_the_first_step_is_said_there(as_persona, users):
    """The budget is checked whichever step changes it: here the call, after the budget."""
    client = as_persona("citizen")
    generous, tight = CallFactory(budget_cap=1_000_000), CallFactory(budget_cap=500_000)
    data = call_data(
        generous,
        requested_amount="600000",
        **budget(("income", "市の委託料", "600000"), ("expense", "人件費", "600000")),
    )
    proposal = fill(client, data)
    response = post_step(client, proposal, "summary", call_data(tight))
    assert "上限（500,000円）を超えています" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.call == generous and proposal.requested_amount == 600_000


# --- Submitting: refused with the problems listed ------------------------------------------


def lines(proposal, *rows):
    for kind, item, amount in rows:
        BudgetLine.objects.create(proposal=proposal, kind=kind, item=item, amount=amount)


def submit(proposal, users):
    return services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])


def test_submitting_over_the_cap_with_an_unexplained_difference_is_refused(users):
    call = CallFactory(title="高齢者の見守り", budget_cap=1_200_000)
    proposal = ProposalFactory(
        proposer=users["member"], origin="call", call=call, requested_amount=1_500_000
    )
    lines(proposal, ("income", "市の委託料", 1_500_000), ("expense", "講師謝礼", 60_000))
    with pytest.raises(ValidationError) as refused:
        submit(proposal, users)
    assert refused.value.messages == [
        "補助・委託希望額（1,500,000円）が、「高齢者の見守り」の上限（1,200,000円）を超えています。",
        "収入の合計（1,500,000円）と支出の合計（60,000円）が合っていません。"
        "差額（1,440,000円）の理由を書いてください。",
    ]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT and proposal.submitted_at is None


def test_answering_a_capped_call_needs_a_requested_amount(users):
    call = CallFactory(title="高齢者の見守り", budget_cap=1_200_000)
    proposal = ProposalFactory(
        proposer=users["member"], origin="call", call=call, requested_amount=None
    )
    with pytest.raises(ValidationError) as refused:
        submit(proposal, users)
    assert refused.value.messages == [
        "「高齢者の見守り」には上限（1,200,000円）があります。補助・委託希望額を書いてください。"
    ]


def test_a_resubmission_is_checked_again(users):
    call = CallFactory(budget_cap=1_200_000)
    proposal = ProposalFactory(
        proposer=users["member"], origin="call", call=call, returned=True, requested_amount=0
    )
    lines(proposal, ("income", "寄付", 10_000))
    with pytest.raises(ValidationError, match="差額（10,000円）の理由"):
        services.proposal_transition(proposal=proposal, action="resubmit", actor=users["member"])


def test_a_balanced_proposal_within_the_cap_is_submitted(users):
    call = CallFactory(budget_cap=1_200_000)
    proposal = ProposalFactory(
        proposer=users["member"], origin="call", call=call, requested_amount=1_200_000
    )
    lines(proposal, ("income", "市の委託料", 1_200_000), ("expense", "人件費", 1_200_000))
    assert submit(proposal, users).status == Proposal.Status.SUBMITTED


def test_an_explained_difference_and_a_call_without_cap_are_submitted(users):
    proposal = ProposalFactory(
        proposer=users["member"],
        origin="call",
        call=CallFactory(budget_cap=None),
        requested_amount=None,
        budget_difference_note="寄付の残りは次年度に繰り越します。",
    )
    lines(proposal, ("income", "寄付", 80_000), ("expense", "消耗品費", 50_000))
    assert submit(proposal, users).status == Proposal.Status.SUBMITTED


# --- The database keeps amounts sane -------------------------------------------------------


def test_the_database_refuses_amounts_past_the_bound(users):
    proposal = ProposalFactory(proposer=users["member"])
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.create(
            proposal=proposal, kind="income", item="市の委託料", amount=MAX_AMOUNT + 1
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(requested_amount=MAX_AMOUNT + 1)
