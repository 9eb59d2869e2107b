"""Every submitted version is kept; staff and reviewers see what changed in a resubmission.

Issue: "when a returned proposal is resubmitted, staff and reviewers see a side-by-side
difference of every field against the version they reviewed; every submitted version is kept."
"""

import pytest
from django.urls import reverse

from proposals.proposals import services
from proposals.proposals.models import BudgetLine, ProposalVersion
from proposals.proposals.selectors import version_changes
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def resubmitted(users):
    """Submitted, returned by the department, corrected by the proposer, resubmitted."""
    proposal = ProposalFactory(
        proposer=users["member"],
        department=users["city_staff"].department,
        goal="週に一度、顔を合わせる機会をつくる。",
    )
    BudgetLine.objects.create(proposal=proposal, kind="income", item="会費", amount=10_000)
    BudgetLine.objects.create(proposal=proposal, kind="expense", item="お茶代", amount=10_000)
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    services.proposal_transition(
        proposal=proposal, action="return", actor=users["city_staff"], comment="目標を具体的に"
    )
    proposal.refresh_from_db()
    proposal.goal = "週に二度、集会所で顔を合わせる機会をつくる。"
    proposal.save()
    BudgetLine.objects.filter(proposal=proposal, item="お茶代").update(amount=12_000, item="茶菓代")
    BudgetLine.objects.filter(proposal=proposal, item="会費").update(amount=12_000)
    services.proposal_transition(proposal=proposal, action="resubmit", actor=users["member"])
    return proposal


def test_each_submission_is_kept_as_it_was(users):
    proposal = resubmitted(users)
    first, second = ProposalVersion.objects.filter(proposal=proposal).order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert ["事業の目標", "週に一度、顔を合わせる機会をつくる。"] in first.snapshot["fields"]
    assert ["事業の目標", "週に二度、集会所で顔を合わせる機会をつくる。"] in second.snapshot[
        "fields"
    ]
    proposal.title = "後から変えた題"
    proposal.save()
    first.refresh_from_db()
    assert ["事業名", "後から変えた題"] not in first.snapshot["fields"]  # a version never moves


def test_the_changes_are_marked_character_by_character_and_escaped():
    older = {"fields": [["事業の目標", "週に一度<b>"]], "roles": [], "budget": []}
    newer = {"fields": [["事業の目標", "週に二度<b>"]], "roles": [], "budget": []}
    goal = version_changes(older, newer)[0]
    assert goal["changed"]
    assert str(goal["old"]) == "週に<del>一</del>度&lt;b&gt;"
    assert str(goal["new"]) == "週に<ins>二</ins>度&lt;b&gt;"


def test_staff_see_the_changed_fields_and_rows_side_by_side(users, as_persona):
    proposal = resubmitted(users)
    page = as_persona("city_staff").get(proposal.get_absolute_url()).content.decode()
    assert reverse("proposals:proposal_changes", args=[proposal.pk]) in page
    body = (
        as_persona("city_staff")
        .get(reverse("proposals:proposal_changes", args=[proposal.pk]))
        .content.decode()
    )
    assert "第1版" in body and "第2版" in body
    assert "<del>一</del>" in body and "<ins>二</ins>" in body
    changed = body[body.index("<tbody>") : body.index("</tbody>")]
    assert "収支予算" in changed and "茶<ins>菓</ins>代" in changed  # the rows are compared too
    assert "変更のない項目" in body and "事業名" in body


@pytest.mark.parametrize(
    "persona", ["anonymous", "citizen", "other_member", "other_department_staff"]
)
def test_the_changes_are_for_those_who_see_the_private_parts(users, as_persona, persona):
    proposal = resubmitted(users)
    response = as_persona(persona).get(reverse("proposals:proposal_changes", args=[proposal.pk]))
    assert response.status_code in (302, 404)


def test_a_first_submission_has_nothing_to_compare(users, as_persona):
    proposal = ProposalFactory(proposer=users["member"], department=users["city_staff"].department)
    services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    url = reverse("proposals:proposal_changes", args=[proposal.pk])
    assert as_persona("city_staff").get(url).status_code == 404
