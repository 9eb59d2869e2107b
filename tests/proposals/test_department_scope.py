"""Department scope: staff act on their department's proposals and rounds, coordinators
(協働推進担当) everywhere; a reviewer who declared a conflict sees nothing private."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from organizations.permissions import why_not
from proposals.calls import services as call_services
from proposals.projects import workflow as project_workflow
from proposals.proposals import services as proposal_services
from proposals.proposals import workflow
from proposals.proposals.models import (
    BudgetLine,
    ConsultationMessage,
    Proposal,
    ProposalAttachment,
    StatusChange,
)
from proposals.review import services as review_services
from proposals.review.models import ReviewEntry, ReviewRound
from tests.conftest import client_for
from tests.factories import (
    CallFactory,
    DepartmentFactory,
    ProposalFactory,
    ReviewRoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(users, organization):
    """A submitted proposal assigned to the city staff persona's department."""
    return ProposalFactory(
        submitted=True,
        proposer=users["member"],
        organization=organization,
        department=users["city_staff"].department,
    )


# --- The coordinator flag ------------------------------------------------------------


def test_a_coordinator_must_be_city_staff():
    with pytest.raises(IntegrityError, match="coordinator_is_city_staff"):
        UserFactory(is_collaboration_coordinator=True)


# --- Screening, returning, deciding -------------------------------------------------


@pytest.mark.parametrize("action", ["screen", "return"])
def test_staff_of_another_department_cannot_screen_or_return(action, users, submitted):
    with pytest.raises(PermissionDenied, match="担当課"):
        proposal_services.proposal_transition(
            proposal=submitted, action=action, actor=users["other_department_staff"], comment="x"
        )
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.SUBMITTED
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("persona", ["city_staff", "coordinator", "admin"])
def test_the_department_a_coordinator_and_an_admin_may_screen(persona, users, submitted):
    proposal_services.proposal_transition(proposal=submitted, action="screen", actor=users[persona])
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.SCREENING


def test_the_office_consults_but_does_not_screen(users, submitted):
    with pytest.raises(PermissionDenied):
        proposal_services.proposal_transition(
            proposal=submitted, action="screen", actor=users["support_office"]
        )
    proposal_services.consultation_post(
        proposal=submitted, author=users["support_office"], body="相談"
    )
    assert ConsultationMessage.objects.filter(proposal=submitted).count() == 1


def test_a_call_proposal_belongs_to_the_calls_department_until_assigned(users, organization):
    call = CallFactory(department=users["city_staff"].department)
    proposal = ProposalFactory(submitted=True, origin="call", call=call, department=None)
    assert workflow.CITY_STAFF in workflow.roles_of(users["city_staff"], proposal)
    assert workflow.CITY_STAFF not in workflow.roles_of(users["other_department_staff"], proposal)


def test_an_unassigned_free_proposal_is_screened_by_no_department(users):
    proposal = ProposalFactory(submitted=True)
    assert workflow.CITY_STAFF not in workflow.roles_of(users["city_staff"], proposal)
    assert workflow.CITY_STAFF in workflow.roles_of(users["coordinator"], proposal)


def test_the_buttons_follow_the_department(users, submitted):
    url = submitted.get_absolute_url()
    screen = reverse("proposals:proposal_act", args=[submitted.pk, "screen"])
    assert screen in client_for(users["city_staff"]).get(url).content.decode()
    assert screen in client_for(users["coordinator"]).get(url).content.decode()
    assert screen not in client_for(users["other_department_staff"]).get(url).content.decode()


def test_a_refused_move_over_http_says_why(users, submitted):
    response = client_for(users["other_department_staff"]).post(
        reverse("proposals:proposal_act", args=[submitted.pk, "screen"])
    )
    assert response.status_code == 403
    assert (
        "この提案の担当課の職員、協働推進担当、管理者だけが行えます。" in response.content.decode()
    )


# --- Assigning a department ------------------------------------------------------------


def test_department_staff_cannot_take_a_proposal(users, submitted):
    response = client_for(users["other_department_staff"]).post(
        reverse("proposals:assign_department", args=[submitted.pk]),
        {"department": users["other_department_staff"].department_id},
    )
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.department == users["city_staff"].department
    with pytest.raises(PermissionDenied):
        proposal_services.proposal_assign_department(
            proposal=submitted,
            actor=users["city_staff"],
            department=users["other_department_staff"].department,
        )


@pytest.mark.parametrize("persona", ["coordinator", "support_office", "admin"])
def test_the_office_and_coordinators_assign(persona, users, submitted):
    department = DepartmentFactory()
    proposal_services.proposal_assign_department(
        proposal=submitted, actor=users[persona], department=department
    )
    submitted.refresh_from_db()
    assert submitted.department == department


def test_the_work_queue_shows_staff_their_departments_proposals(users, submitted):
    theirs = ProposalFactory(
        submitted=True,
        title="他の課の提案",
        department=users["other_department_staff"].department,
    )
    unassigned = ProposalFactory(submitted=True, title="担当課の決まっていない提案")
    url = reverse("proposals:work_queue")
    body = client_for(users["city_staff"]).get(url).content.decode()
    assert submitted.title in body
    assert theirs.title not in body and unassigned.title not in body
    assert reverse("proposals:assign_department", args=[submitted.pk]) not in body
    for persona in ("coordinator", "support_office"):
        body = client_for(users[persona]).get(url).content.decode()
        assert submitted.title in body and theirs.title in body and unassigned.title in body
        assert reverse("proposals:assign_department", args=[unassigned.pk]) in body


def test_a_proposal_in_consultation_is_hidden_from_other_departments(users, organization):
    consulting = ProposalFactory(
        consultation=True, organization=organization, department=users["city_staff"].department
    )
    url = consulting.get_absolute_url()
    assert client_for(users["city_staff"]).get(url).status_code == 200
    assert client_for(users["coordinator"]).get(url).status_code == 200
    assert client_for(users["support_office"]).get(url).status_code == 200
    assert client_for(users["other_department_staff"]).get(url).status_code == 404


# --- The consultation thread and the private parts ----------------------------------------


def test_staff_of_another_department_cannot_post_or_read_the_thread(users, submitted):
    ConsultationMessage.objects.create(
        proposal=submitted, author=users["member"], body="非公開の相談"
    )
    other = users["other_department_staff"]
    with pytest.raises(PermissionDenied):
        proposal_services.consultation_post(proposal=submitted, author=other, body="横から")
    response = client_for(other).post(
        reverse("proposals:consultation_post", args=[submitted.pk]), {"body": "横から"}
    )
    assert response.status_code == 404
    assert (
        "非公開の相談" not in client_for(other).get(submitted.get_absolute_url()).content.decode()
    )
    assert not ConsultationMessage.objects.filter(author=other).exists()
    proposal_services.consultation_post(
        proposal=submitted, author=users["coordinator"], body="推進担当"
    )


@pytest.fixture
def conflicted(users, submitted):
    """The conflicted reviewer, assigned to a scoring round with the proposal, declared a conflict."""
    submitted.status = Proposal.Status.OPEN_REVIEW
    submitted.save()
    BudgetLine.objects.create(proposal=submitted, kind="expense", item="謝礼", amount=987654)
    ConsultationMessage.objects.create(
        proposal=submitted, author=users["member"], body="相談の中身は非公開です"
    )
    attachment = ProposalAttachment.objects.create(
        proposal=submitted,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n"),
        stored_name="plan.pdf",
        original_name="事業計画書.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=users["member"],
    )
    review_round = ReviewRoundFactory(scoring=True, created_by=users["city_staff"])
    ReviewEntry.objects.create(round=review_round, proposal=submitted)
    for name in ("reviewer", "conflicted_reviewer"):
        review_services.reviewer_assign(
            round=review_round, reviewer=users[name], user=users["city_staff"], kind="external"
        )
    review_services.conflict_declare(
        round=review_round,
        proposal=submitted,
        reviewer=users["conflicted_reviewer"],
        reason="提案団体の理事です",
    )
    return review_round, attachment


def test_a_conflicted_reviewer_sees_no_budget_attachment_or_thread(users, submitted, conflicted):
    review_round, attachment = conflicted
    body = client_for(users["reviewer"]).get(submitted.get_absolute_url()).content.decode()
    assert "987,654" in body and "相談の中身は非公開です" in body  # the others read it whole

    client = client_for(users["conflicted_reviewer"])
    body = client.get(submitted.get_absolute_url()).content.decode()
    assert "987,654" not in body and "987654" not in body
    assert "相談の中身は非公開です" not in body
    assert "事業計画書.pdf" not in body
    download = reverse("proposals:attachment_download", args=[submitted.pk, attachment.pk])
    assert client.get(download).status_code == 404
    sheet = reverse("review:score_sheet", args=[review_round.pk, submitted.pk])
    assert client.get(sheet).status_code == 403
    assert why_not(users["conflicted_reviewer"], "proposals.view_private_parts", submitted) == (
        "利害関係を申告した提案の非公開部分は見られません。"
    )


# --- Review rounds ---------------------------------------------------------------------


@pytest.fixture
def scoring(users, submitted):
    submitted.status = Proposal.Status.OPEN_REVIEW
    submitted.save()
    review_round = ReviewRoundFactory(scoring=True, created_by=users["city_staff"])
    entry = ReviewEntry.objects.create(round=review_round, proposal=submitted)
    review_services.reviewer_assign(
        round=review_round, reviewer=users["reviewer"], user=users["city_staff"], kind="external"
    )
    return review_round, entry


def test_a_round_belongs_to_its_creators_department(users, scoring):
    review_round, _entry = scoring
    assert review_round.department == users["city_staff"].department


@pytest.mark.parametrize(
    ("url_name", "args"),
    [
        ("review:round_manage", lambda r, e: [r.pk]),
        ("review:session_create", lambda r, e: [r.pk]),
    ],
)
def test_staff_of_another_department_cannot_open_a_rounds_pages(users, scoring, url_name, args):
    review_round, entry = scoring
    url = reverse(url_name, args=args(review_round, entry))
    assert client_for(users["other_department_staff"]).get(url).status_code == 403
    assert client_for(users["coordinator"]).get(url).status_code == 200
    assert client_for(users["city_staff"]).get(url).status_code == 200


def test_staff_of_another_department_cannot_preview_unpublished_scores(users, scoring):
    review_round, _entry = scoring
    response = client_for(users["other_department_staff"]).get(
        reverse("review:round_manage", args=[review_round.pk])
    )
    assert response.status_code == 403
    assert (
        "この審査回の担当課の職員、協働推進担当、管理者だけが行えます。"
        in response.content.decode()
    )


def test_the_staff_round_list_shows_the_departments_rounds(users, scoring):
    review_round, _entry = scoring
    url = reverse("review:staff_round_list")
    assert (
        review_round.title
        not in client_for(users["other_department_staff"]).get(url).content.decode()
    )
    assert review_round.title in client_for(users["coordinator"]).get(url).content.decode()
    assert review_round.title in client_for(users["city_staff"]).get(url).content.decode()


def test_staff_of_another_department_cannot_act_on_a_round(users, scoring):
    review_round, entry = scoring
    other = users["other_department_staff"]
    with pytest.raises(PermissionDenied):
        review_services.reviewer_assign(
            round=review_round, reviewer=users["conflicted_reviewer"], user=other, kind="external"
        )
    with pytest.raises(PermissionDenied):
        review_services.entry_decide(entry=entry, decision="adopt", reason="良い", user=other)
    with pytest.raises(PermissionDenied):
        review_services.round_publish(round=review_round, user=other)
    client = client_for(other)
    for url in (
        reverse("review:round_start_scoring", args=[review_round.pk]),
        reverse("review:round_publish", args=[review_round.pk]),
        reverse("review:entry_decide", args=[review_round.pk, entry.pk]),
        reverse("review:round_assign_reviewer", args=[review_round.pk]),
        reverse("review:round_add_proposal", args=[review_round.pk]),
    ):
        assert client.post(url, {"decision": "adopt", "reason": "良い"}).status_code == 403, url
    entry.refresh_from_db()
    assert entry.decision == ""
    review_round.refresh_from_db()
    assert review_round.status == ReviewRound.Status.SCORING


def test_a_coordinator_decides_and_publishes_any_round(users, scoring):
    review_round, entry = scoring
    coordinator = users["coordinator"]
    review_services.sheet_save(
        round=review_round,
        proposal=entry.proposal,
        reviewer=users["reviewer"],
        scores={c.pk: (4, "") for c in review_round.criterion_set.criteria.all()},
        submit=True,
    )
    review_services.entry_decide(
        entry=entry, decision="adopt", reason="効果が大きい", user=coordinator
    )
    review_services.round_publish(round=review_round, user=coordinator)
    entry.proposal.refresh_from_db()
    assert entry.proposal.status == Proposal.Status.ADOPTED


def test_a_round_takes_only_proposals_its_department_may_decide(users, scoring):
    review_round, _entry = scoring
    elsewhere = ProposalFactory(
        open_review=True, department=users["other_department_staff"].department
    )
    with pytest.raises(PermissionDenied):
        review_services.round_add_proposal(
            round=review_round, proposal=elsewhere, user=users["city_staff"]
        )
    body = (
        client_for(users["city_staff"])
        .get(reverse("review:round_manage", args=[review_round.pk]))
        .content.decode()
    )
    assert elsewhere.title not in body


def test_a_round_of_a_call_is_run_by_the_calls_department(users):
    call = CallFactory(department=users["city_staff"].department)
    client = client_for(users["city_staff"])
    response = client.post(
        reverse("review:staff_round_list"),
        {
            "title": "提示型の審査",
            "stage": "screening",
            "fiscal_year": 2026,
            "call": call.pk,
            "criterion_set": review_criterion_set().pk,
        },
    )
    assert response.status_code == 302
    assert ReviewRound.objects.get(title="提示型の審査").department == call.department
    other_call = CallFactory(department=users["other_department_staff"].department)
    response = client.post(
        reverse("review:staff_round_list"),
        {
            "title": "他課の提示の審査",
            "stage": "screening",
            "fiscal_year": 2026,
            "call": other_call.pk,
            "criterion_set": review_criterion_set().pk,
        },
    )
    assert response.status_code == 400
    assert not ReviewRound.objects.filter(title="他課の提示の審査").exists()


def review_criterion_set():
    from tests.factories import default_criterion_set

    return default_criterion_set()


def test_a_round_without_a_call_needs_a_department(users):
    form_data = {
        "title": "自由提案の審査",
        "stage": "screening",
        "fiscal_year": 2026,
        "call": "",
        "criterion_set": review_criterion_set().pk,
    }
    response = client_for(users["admin"]).post(reverse("review:staff_round_list"), form_data)
    assert response.status_code == 400
    assert "担当課を選んでください" in response.content.decode()
    response = client_for(users["coordinator"]).post(
        reverse("review:staff_round_list"),
        {**form_data, "department": users["other_department_staff"].department_id},
    )
    assert response.status_code == 302
    created = ReviewRound.objects.get(title="自由提案の審査")
    assert created.department == users["other_department_staff"].department


# --- Calls and projects use the same vocabulary -------------------------------------------


def test_a_coordinator_edits_publishes_and_closes_any_call(users):
    draft = CallFactory(draft=True, department=users["other_department_staff"].department)
    call_services.call_publish(call=draft, user=users["coordinator"])
    call_services.call_close(call=draft, user=users["coordinator"])
    with pytest.raises(PermissionDenied):
        call_services.call_publish(call=CallFactory(draft=True), user=users["city_staff"])


def test_a_coordinator_moves_any_project(users, organization):
    from tests.factories import ProjectFactory

    project = ProjectFactory(partners=[organization])
    assert project_workflow.DEPARTMENT in project_workflow.project_roles_of(
        users["coordinator"], project
    )
    assert project_workflow.DEPARTMENT not in project_workflow.project_roles_of(
        users["city_staff"], project
    )


def test_why_not_names_the_part_that_refuses(users, submitted):
    assert why_not(users["city_staff"], "proposals.decide_proposal", submitted) is None
    assert why_not(users["other_department_staff"], "proposals.decide_proposal", submitted) == (
        "この提案の担当課の職員、協働推進担当、管理者だけが行えます。"
    )
    submitted.status = Proposal.Status.ADOPTED
    assert why_not(users["member"], "proposals.post_consultation", submitted) == (
        "この状態の提案では、事前相談のやり取りはできません。"
    )
    assert why_not(users["admin"], "proposals.assign_department") is None


def test_a_round_with_another_departments_proposal_is_published_by_a_coordinator(users, scoring):
    review_round, entry = scoring
    elsewhere = ProposalFactory(
        open_review=True, department=users["other_department_staff"].department
    )
    review_services.round_add_proposal(
        round=review_round, proposal=elsewhere, user=users["coordinator"]
    )
    for item in review_round.entries.all():
        review_services.entry_decide(
            entry=item, decision="adopt", reason="良い", user=users["coordinator"]
        )
    with pytest.raises(ValidationError, match="協働推進担当が公表してください"):
        review_services.round_publish(
            round=review_round, user=users["city_staff"], close_incomplete=True
        )
    elsewhere.refresh_from_db()
    assert elsewhere.status == Proposal.Status.OPEN_REVIEW
    review_services.round_publish(
        round=review_round, user=users["coordinator"], close_incomplete=True
    )
    elsewhere.refresh_from_db()
    assert elsewhere.status == Proposal.Status.ADOPTED
