"""One shape for writes: every service takes plain typed values, and refuses bad ones itself.

A form only cleans input; the demo seed, a command or a test calls the same service with
values it built, so the service, not the form, is where the rules hold. Each test here calls
a service with values a form would have refused, and checks the refusal names the field and
that nothing was written.
"""

import dataclasses
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kunitachi_kyodo.values import values_of
from organizations.models import Organization
from organizations.services import OrganizationValues, organization_register, organization_update
from proposals.calls.models import Call
from proposals.calls.services import CallValues, call_save
from proposals.guideline.models import CriterionSet, ProjectForm
from proposals.projects import services as project_services
from proposals.projects.models import CollaborationProject
from proposals.proposals.models import Proposal, ProposalRoleShare
from proposals.proposals.services import (
    BudgetRow,
    ProposalValues,
    RoleRow,
    proposal_create,
    proposal_update,
)
from proposals.review.models import ReviewSession
from proposals.review.services import SessionValues, session_save
from tests.factories import (
    CallFactory,
    OrganizationFactory,
    ProposalFactory,
    ReviewRoundFactory,
    agreement_values,
)
from tests.projects.test_projects import make_project

pytestmark = pytest.mark.django_db


def refused_on(field: str, service, **kwargs) -> str:
    with pytest.raises(ValidationError) as refused:
        service(**kwargs)
    assert field in refused.value.message_dict, refused.value.message_dict
    return " ".join(refused.value.message_dict[field])


def proposal_values(**changes) -> ProposalValues:
    values = ProposalValues(
        title="多摩川の清掃と観察会",
        local_issue="河川敷のごみが増えています。",
        goal="毎月の清掃に市民が参加する。",
        indicators="参加者 年間300人",
        content="毎月第2土曜日に清掃と観察会を開きます。",
        expected_effect="川に親しむ市民が増えます。",
        why_collaboration="市の広報と河川管理者との調整が必要です。",
        public_summary="多摩川の河川敷で毎月清掃と観察会を開きます。",
        publish_consent=True,
        role_shares=(RoleRow("広報", "チラシを作る", "市報に載せる"),),
        budget_lines=(
            BudgetRow("income", "市の委託料", 50_000),
            BudgetRow("expense", "軍手・ごみ袋", 50_000),
        ),
    )
    return dataclasses.replace(values, **changes)


# --- Calls ------------------------------------------------------------------------------


def call_values(department, **changes) -> CallValues:
    now = timezone.now()
    values = CallValues(
        title="高齢者の見守り",
        department=department,
        background="孤立する高齢の方が増えています。",
        expected_outcome="見守りの担い手が増えること。",
        eligibility="市内で活動する団体",
        opens_at=now,
        closes_at=now + datetime.timedelta(days=30),
        contact="高齢者支援課 042-576-2111",
        criterion_set=CriterionSet.objects.default(),
        forms=tuple(ProjectForm.objects.filter(code="commission")),
    )
    return dataclasses.replace(values, **changes)


def test_a_call_is_written_from_values_with_its_forms(users):
    staff = users["city_staff"]
    call = call_save(user=staff, values=call_values(staff.department))
    assert call.status == Call.Status.DRAFT and call.created_by == staff
    assert [f.code for f in call.forms.all()] == ["commission"]


def test_a_call_that_closes_before_it_opens_is_refused_by_the_service(users):
    staff = users["city_staff"]
    values = call_values(staff.department)
    values = dataclasses.replace(values, closes_at=values.opens_at)
    message = refused_on("closes_at", call_save, user=staff, values=values)
    assert "募集締切は募集開始より後" in message
    assert not Call.objects.exists()


def test_a_call_edit_keeps_a_publication_made_meanwhile(users):
    staff = users["city_staff"]
    call = CallFactory(department=staff.department, status=Call.Status.PUBLISHED)
    opened_at = call.lock_version
    values = dataclasses.replace(values_of(call, CallValues), title="題を直した")
    saved = call_save(user=staff, values=values, call=call, lock_version=opened_at)
    assert (saved.title, saved.status) == ("題を直した", Call.Status.PUBLISHED)


# --- Proposals ---------------------------------------------------------------------------


def test_a_proposal_is_written_with_its_rows_from_values(users):
    proposal = proposal_create(user=users["citizen"], values=proposal_values())
    assert proposal.status == Proposal.Status.DRAFT and proposal.proposer == users["citizen"]
    assert [r.task for r in proposal.role_shares.all()] == ["広報"]
    assert proposal.budget_totals() == {"income": 50_000, "expense": 50_000}


def test_a_budget_over_the_calls_cap_is_refused_by_the_service_and_nothing_is_saved(users):
    call = CallFactory(budget_cap=1_200_000)
    values = proposal_values(origin=Proposal.Origin.CALL, call=call, requested_amount=1_300_000)
    message = refused_on("requested_amount", proposal_create, user=users["citizen"], values=values)
    assert "上限（1,200,000円）を超えています" in message
    assert not Proposal.objects.exists() and not ProposalRoleShare.objects.exists()


def test_a_budget_that_does_not_balance_needs_its_difference_explained(users):
    values = proposal_values(budget_lines=(BudgetRow("income", "会費", 99_999_999),))
    refused_on("budget_difference_note", proposal_create, user=users["citizen"], values=values)
    explained = dataclasses.replace(values, budget_difference_note="支出は来年度に計上します。")
    assert proposal_create(user=users["citizen"], values=explained).pk


def test_a_proposal_cannot_be_made_in_the_name_of_an_organization_one_does_not_edit(
    users, other_organization
):
    values = proposal_values(organization=other_organization)
    refused_on("organization", proposal_create, user=users["member"], values=values)
    assert not Proposal.objects.exists()


def test_a_call_proposal_without_its_call_is_refused_by_the_model_rule(users):
    values = proposal_values(origin=Proposal.Origin.CALL)
    refused_on("call", proposal_create, user=users["citizen"], values=values)


def test_rows_with_an_id_are_updated_in_place_and_rows_left_out_are_deleted(users):
    proposal = proposal_create(
        user=users["citizen"],
        values=proposal_values(
            role_shares=(RoleRow("広報", "チラシ", "市報"), RoleRow("会場", "受付", "会場の確保"))
        ),
    )
    first, second = proposal.role_shares.all()
    values = proposal_values(role_shares=(RoleRow("広報（改）", "チラシ", "市報", id=first.pk),))
    proposal_update(
        proposal=proposal, user=users["citizen"], values=values, lock_version=proposal.lock_version
    )
    assert list(proposal.role_shares.values_list("pk", "task")) == [(first.pk, "広報（改）")]
    assert not ProposalRoleShare.objects.filter(pk=second.pk).exists()


def test_a_row_of_another_proposal_cannot_be_rewritten_through_this_one(users):
    other = ProposalFactory()
    theirs = ProposalRoleShare.objects.create(
        proposal=other, task="他人の行", proposer_role="-", city_role="-"
    )
    mine = proposal_create(user=users["citizen"], values=proposal_values())
    values = proposal_values(role_shares=(RoleRow("乗っ取り", "-", "-", id=theirs.pk),))
    with pytest.raises(ValidationError, match="この記録のものではありません"):
        proposal_update(
            proposal=mine, user=users["citizen"], values=values, lock_version=mine.lock_version
        )
    theirs.refresh_from_db()
    assert theirs.task == "他人の行"


def test_a_value_longer_than_its_field_is_refused_by_the_service(users):
    values = proposal_values(title="長" * 201)
    message = refused_on("title", proposal_create, user=users["citizen"], values=values)
    assert "200" in message


# --- Projects and agreements ---------------------------------------------------------------


def project_values(department, **changes):
    values = project_services.ProjectValues(
        title="市民活動フェスタ",
        summary="市と市民団体が共同で開くフェスタ",
        department=department,
        form=ProjectForm.objects.get(code="co-hosting"),
        first_fiscal_year=2027,
        last_fiscal_year=2027,
    )
    return dataclasses.replace(values, **changes)


def test_a_project_with_an_unverified_partner_is_refused(users):
    pending = OrganizationFactory(status=Organization.Status.PENDING)
    values = project_values(users["city_staff"].department, partners=(pending,))
    refused_on("partners", project_services.project_create, user=users["city_staff"], values=values)
    assert not CollaborationProject.objects.exists()


def test_a_project_whose_years_run_backwards_is_refused(users):
    values = project_values(users["city_staff"].department, last_fiscal_year=2026)
    refused_on(
        "last_fiscal_year", project_services.project_create, user=users["city_staff"], values=values
    )


def test_an_agreement_period_that_ends_before_it_starts_is_refused(adopted, users):
    agreement = make_project(adopted, users).current_agreement()
    values = agreement_values(
        agreement, period_end=agreement.period_start - datetime.timedelta(days=1)
    )
    refused_on(
        "period_end",
        project_services.agreement_save,
        agreement=agreement,
        user=users["city_staff"],
        values=values,
        lock_version=agreement.lock_version,
    )
    agreement.refresh_from_db()
    assert agreement.period_end >= agreement.period_start


# --- Review sessions and organizations --------------------------------------------------


def test_published_minutes_without_minutes_are_refused(users):
    review_round = ReviewRoundFactory(department=users["city_staff"].department)
    now = timezone.now()
    values = SessionValues(
        starts_at=now,
        ends_at=now + datetime.timedelta(hours=2),
        place="市役所 第1会議室",
        minutes_published=True,
    )
    refused_on("minutes", session_save, round=review_round, values=values, user=users["city_staff"])
    assert not ReviewSession.objects.exists()


def test_an_organization_is_registered_and_edited_from_values(users):
    values = OrganizationValues(
        kind=Organization.Kind.VOLUNTARY_GROUP,
        name="矢川おやこ広場の会",
        name_kana="やがわおやこひろばのかい",
        representative_name="矢川 花",
        purpose="親子の居場所",
        activities="毎週の広場",
    )
    organization = organization_register(user=users["citizen"], values=values)
    assert organization.status == Organization.Status.PENDING
    bad = dataclasses.replace(values, email="メールではない")
    refused_on(
        "email",
        organization_update,
        organization=organization,
        user=users["citizen"],
        values=bad,
        lock_version=organization.lock_version,
    )
    organization.refresh_from_db()
    assert organization.email == ""
