"""`manage.py seed_demo`: deterministic, idempotent, valid demo data."""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import F
from django.test import RequestFactory
from django.utils import timezone

from kunitachi_kyodo import demo_data
from kunitachi_kyodo.fiscal import fiscal_year, fiscal_year_bounds
from kunitachi_kyodo.notifications.models import Notification
from kunitachi_kyodo.wareki import wareki_fiscal_year
from organizations.models import (
    Department,
    District,
    Membership,
    Organization,
    OrganizationStatusChange,
    User,
)
from proposals.calls.models import Call, CallBriefing, CallQuestion, CallStatusChange
from proposals.guideline.scoring import BELOW, MEETS
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    GoalScore,
    Indicator,
    ProjectStatusChange,
    Report,
    ReportValue,
    RoleShare,
    RuleScore,
)
from proposals.projects.rule_checks import MET, NOT_MET, check_project, with_rule_facts
from proposals.proposals.models import (
    BudgetLine,
    ConsultationMessage,
    Proposal,
    ProposalRoleShare,
    StatusChange,
)
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)
from proposals.review.selectors import missing_sheets
from proposals.review.selectors import round_results as select_round_results
from tests.conftest import module_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data, seeded once for this module (about 7 s with its five years of history).

    The seed runs inside a transaction that is rolled back when the module ends; each test
    runs in a savepoint inside it (pytest-django's per-test atomic), so what one test changes
    is undone before the next, and later modules start without the demo data.
    """
    with module_data(django_db_blocker, tmp_path_factory.mktemp("media")):
        seed()
        yield


# The five past years the seed generates (see test_seed_history.py) come beside the
# hand-written entries these tests look at.
HISTORY_PROPOSALS = sum(len(themes) for _, themes in demo_data.HISTORY_YEARS)
HISTORY_PROJECTS = sum(
    outcome != "not_adopted" for _, themes in demo_data.HISTORY_YEARS for _, outcome in themes
)


def demo_proposals():
    """The hand-written demo proposals (DEMO PROPOSALS), without the generated past years."""
    return Proposal.objects.filter(title__in=[entry["title"] for entry in demo_data.PROPOSALS])


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out, stderr=StringIO())
    return out.getvalue()


REVIEW_MODELS = (
    ReviewRound,
    ReviewEntry,
    ReviewerAssignment,
    ReviewSession,
    ConflictOfInterest,
    ScoreSheet,
    Score,
)


def review_round(stage: str, status: str) -> tuple[dict, ReviewRound]:
    """The demo data of the round with this stage and status, and the round it made."""
    (entry,) = [e for e in demo_data.REVIEW_ROUNDS if e["stage"] == stage and e["status"] == status]
    title = entry["title"].format(year=wareki_fiscal_year(fiscal_year() + entry["fiscal_year"]))
    return entry, ReviewRound.objects.get(title=title)


def counts() -> dict[str, int]:
    models = (
        Department,
        User,
        Organization,
        OrganizationStatusChange,
        Membership,
        Call,
        CallBriefing,
        CallQuestion,
        Proposal,
        ProposalRoleShare,
        BudgetLine,
        StatusChange,
        ProjectStatusChange,
        ConsultationMessage,
        Notification,
        CollaborationProject,
        Agreement,
        Indicator,
        RoleShare,
        Report,
        ReportValue,
        Evaluation,
        RuleScore,
        GoalScore,
        Direction,
        *REVIEW_MODELS,
    )
    counted = {model.__name__: model.objects.count() for model in models}
    counted["call_forms"] = Call.forms.through.objects.count()
    counted["fields"] = Organization.fields.through.objects.count()
    counted["districts"] = Organization.districts.through.objects.count()
    return counted


def snapshot() -> dict[str, list]:
    """Everything the command writes, without timestamps and password salts."""
    return {
        "departments": list(Department.objects.order_by("name").values_list()),
        "users": list(
            User.objects.order_by("email").values_list(
                "email", "full_name", "full_name_kana", "is_active", "is_staff", "is_superuser",
                "is_city_staff", "department__name", "is_reviewer", "is_support_staff",
            )
        ),
        "organizations": list(
            Organization.objects.order_by("name").values_list(
                "kind", "name", "name_kana", "representative_name", "founded_on", "member_count",
                "purpose", "activities", "address", "email", "phone", "website", "is_public",
                "status", "created_by__email",
            )
        ),
        "fields": sorted(Organization.fields.through.objects.values_list("organization__name", "activityfield__number")),
        "districts": sorted(Organization.districts.through.objects.values_list("organization__name", "district__name")),
        "reviews": sorted(
            OrganizationStatusChange.objects.values_list(
                "organization__name", "action", "to_status", "comment", "actor__email"
            )
        ),
        "memberships": sorted(Membership.objects.values_list("user__email", "organization__name", "role")),
        "calls": list(
            Call.objects.order_by("title").values_list(
                "title", "department__name", "background", "expected_outcome", "budget_cap",
                "eligibility", "exclusions", "opens_at", "closes_at", "requires_consultation",
                "review_criteria", "contact", "status", "published_at", "created_by__email",
            )
        ),
        "call_forms": sorted(Call.forms.through.objects.values_list("call__title", "projectform__code")),
        "proposals": list(
            Proposal.objects.order_by("title").values_list(
                "title", "origin", "call__title", "organization__name", "proposer__email",
                "local_issue", "goal", "indicators", "content", "expected_effect",
                "why_collaboration", "desired_form__code", "period_start", "period_end",
                "public_summary", "publish_consent", "department__name", "status", "lock_version",
                "submitted_at", "created_at",
            )
        ),
        "role_shares": sorted(
            ProposalRoleShare.objects.values_list("proposal__title", "order", "task", "proposer_role", "city_role")
        ),
        "budget_lines": sorted(
            BudgetLine.objects.values_list("proposal__title", "kind", "order", "item", "amount", "note")
        ),
        "status_changes": list(
            StatusChange.objects.order_by("pk").values_list(
                "proposal__title", "pk", "actor__email", "action", "from_status",
                "to_status", "comment", "is_public", "comment_is_public", "created_at",
            )
        ),
        "project_status_changes": list(
            ProjectStatusChange.objects.order_by("pk").values_list(
                "project__title", "pk", "actor__email", "action", "from_status",
                "to_status", "comment", "is_public", "comment_is_public", "created_at",
            )
        ),
        "projects": list(
            CollaborationProject.objects.order_by("title").values_list(
                "title", "summary", "origin", "proposal__title", "department__name", "form__code",
                "first_fiscal_year", "last_fiscal_year", "city_share", "partner_share", "funding",
                "funding_reference", "funding_amount", "status", "created_by__email",
            )
        ),
        "agreements": list(
            Agreement.objects.order_by("pk").values_list(
                "project__title", "version", "shared_goal", "cost_sharing", "period_start",
                "period_end", "partner_confirmed_by__email", "partner_confirmed_at",
                "department_confirmed_by__email", "department_confirmed_at",
            )
        ),
        "evaluations": list(
            Evaluation.objects.order_by("pk").values_list(
                "project__title", "kind", "author__email", "overall_comment", "submitted_at",
                "published_at",
            )
        ),
        "messages": sorted(
            ConsultationMessage.objects.values_list("proposal__title", "pk", "author__email", "body")
        ),
        "rounds": list(
            ReviewRound.objects.order_by("pk").values_list(
                "pk", "title", "stage", "fiscal_year", "call__title", "criterion_set__name",
                "status", "published_at", "published_by__email", "closed_incomplete",
                "created_by__email", "created_at",
            )
        ),
        "entries": list(
            ReviewEntry.objects.order_by("pk").values_list(
                "round__title", "proposal__title", "presentation_order", "decision", "reason",
            )
        ),
        "assignments": list(
            ReviewerAssignment.objects.order_by("pk").values_list(
                "round__title", "reviewer__email", "kind", "title",
            )
        ),
        "sessions": list(
            ReviewSession.objects.order_by("pk").values_list(
                "round__title", "starts_at", "ends_at", "place", "description", "is_announced",
                "minutes", "minutes_published",
            )
        ),
        "conflicts": list(
            ConflictOfInterest.objects.order_by("pk").values_list(
                "round__title", "proposal__title", "reviewer__email", "reason", "declared_at",
            )
        ),
        "sheets": list(
            ScoreSheet.objects.order_by("pk").values_list(
                "round__title", "proposal__title", "reviewer__email", "overall_comment",
                "submitted_at",
            )
        ),
        "scores": sorted(
            Score.objects.values_list("sheet_id", "criterion__name", "value", "comment")
        ),
    }  # fmt: skip


def test_running_twice_leaves_the_same_data():
    first_counts, first = counts(), snapshot()
    seed()
    assert counts() == first_counts
    assert snapshot() == first
    assert first_counts["Organization"] == len(demo_data.ORGANIZATIONS) >= 30
    assert first_counts["Department"] == len(demo_data.DEPARTMENTS) >= 10


def test_every_kind_and_every_district_is_used():
    assert set(Organization.objects.values_list("kind", flat=True)) == set(Organization.Kind.values)
    assert not District.objects.filter(organizations__isnull=True).exists()
    assert District.objects.count() == 10
    used_fields = set(
        Organization.fields.through.objects.values_list("activityfield__number", flat=True)
    )
    assert len(used_fields) >= 15


def test_every_demo_account_signs_in_with_the_demo_password():
    for account in demo_data.ACCOUNTS:
        user = authenticate(
            request=RequestFactory().post("/"),
            username=account["email"],
            password=demo_data.DEMO_PASSWORD,
        )
        assert user is not None, account["email"]
        assert user.email == account["email"]
        assert user.is_active


def test_each_account_has_its_role():
    user = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.jp")}
    assert user["admin"].is_superuser and user["admin"].is_staff
    assert user["office"].is_support_staff and not user["office"].is_superuser
    assert user["staff"].is_city_staff and user["staff"].department is not None
    assert user["reviewer"].is_reviewer and not user["reviewer"].is_city_staff
    citizen = user["citizen"]
    assert not any(
        (
            citizen.is_superuser,
            citizen.is_staff,
            citizen.is_city_staff,
            citizen.is_reviewer,
            citizen.is_support_staff,
        )
    )
    assert not citizen.memberships.exists()

    representative = Membership.objects.get(user=user["member"])
    editor = Membership.objects.get(user=user["editor"])
    assert representative.role == Membership.Role.REPRESENTATIVE
    assert editor.role == Membership.Role.EDITOR
    assert representative.organization == editor.organization
    org = representative.organization
    assert org.kind == Organization.Kind.NPO_CORPORATION
    assert org.status == Organization.Status.VERIFIED and org.is_public
    assert org.created_by == user["member"]


def test_statuses_and_review_records():
    office = User.objects.get(email=demo_data.OFFICE_EMAIL)
    orgs = Organization.objects.all()
    assert orgs.filter(status="pending").count() >= 2
    assert orgs.filter(status="verified", is_public=False).count() >= 2
    assert orgs.filter(status="verified", is_public=True).count() > orgs.count() / 2

    rejected = orgs.get(status="rejected")
    review = rejected.status_changes.get()
    assert (review.action, review.to_status) == ("reject", "rejected")
    assert review.comment and review.actor == office

    for org in orgs.filter(status="verified"):
        assert org.status_changes.filter(to_status="verified", actor=office).exists(), org.name
    assert not OrganizationStatusChange.objects.filter(organization__status="pending").exists()


def test_every_row_passes_model_validation():
    for model in (
        Department,
        User,
        Organization,
        OrganizationStatusChange,
        Membership,
        Call,
        Proposal,
        ProposalRoleShare,
        BudgetLine,
        CollaborationProject,
        Agreement,
        Indicator,
        RoleShare,
        Report,
        ReportValue,
        Evaluation,
        RuleScore,
        GoalScore,
        Direction,
        *REVIEW_MODELS,
    ):
        for obj in model.objects.all():
            obj.full_clean()


def test_rerun_after_people_changed_the_data_restores_accounts_and_keeps_their_history():
    """Accounts and departments are put back; organizations people changed keep their changes.

    An organization's status is history (the office's decisions), so the seed never rewrites
    it; one that is missing is registered and decided again through the services.
    """
    first_counts = counts()
    member = User.objects.get(email="member@example.jp")
    member.set_password("changed-by-the-user")
    member.full_name = "別の 名前"
    member.save()
    org = member.memberships.get().organization
    org.is_public = False
    org.save()
    User.objects.filter(email="citizen@example.jp").update(is_reviewer=True, is_active=False)
    gone = Organization.objects.get(name="谷保天神通り商店会")
    gone.status_changes.all().delete()  # its record protects it: removed by hand here
    gone.delete()
    Department.objects.filter(name="生活環境部 環境政策課").update(kana="", phone="")

    seed()

    assert counts() == first_counts
    member.refresh_from_db()
    assert member.check_password(demo_data.DEMO_PASSWORD)
    assert member.full_name == "渡辺 直樹"
    citizen = User.objects.get(email="citizen@example.jp")
    assert citizen.is_active and not citizen.is_reviewer
    assert Department.objects.get(name="生活環境部 環境政策課").phone
    org.refresh_from_db()
    assert not org.is_public  # as its members left it
    again = Organization.objects.get(name="谷保天神通り商店会")
    assert again.status == Organization.Status.VERIFIED
    assert again.status_changes.get().action == "verify"  # decided again, and recorded


def test_rerun_tolerates_rows_people_added():
    """A same-named organization (names are not unique) and extra reviews do not break it."""
    office = User.objects.get(email=demo_data.OFFICE_EMAIL)
    original = Organization.objects.get(name="矢川駅南口商店会")
    duplicate = Organization.objects.create(
        kind="shopping",
        name=original.name,
        name_kana=original.name_kana,
        representative_name="別人",
        purpose="目的",
        activities="活動",
        created_by=office,
    )
    OrganizationStatusChange.objects.create(
        organization=original,
        action="verify",
        from_status="pending",
        to_status="verified",
        actor=office,
    )

    seed()

    original.refresh_from_db()
    duplicate.refresh_from_db()
    assert original.representative_name == "岡田 功"
    assert duplicate.representative_name == "別人"


def test_calls_are_open_upcoming_ended_and_draft_whatever_the_day():
    calls = Call.objects.all()
    assert calls.count() == len(demo_data.CALLS) >= 4
    assert calls.open_now().filter(requires_consultation=True).exists()
    assert calls.upcoming().exists()
    assert calls.ended().filter(status=Call.Status.CLOSED).exists()
    assert calls.filter(status=Call.Status.DRAFT, published_at__isnull=True).exists()
    assert not calls.filter(forms__isnull=True).exists()
    for call in calls.public():
        assert call.published_at is not None and call.published_at <= timezone.now()
    # The demo city staff can publish the draft of their own department.
    staff = User.objects.get(email="staff@example.jp")
    draft = calls.get(status=Call.Status.DRAFT)
    assert staff.has_perm("proposals.edit_call", draft)


def test_rerun_recreates_missing_calls_and_keeps_the_ones_people_changed():
    first = dict(Call.objects.values_list("title", "status"))
    draft = Call.objects.get(status=Call.Status.DRAFT)
    Call.objects.filter(pk=draft.pk).update(contact="変更")
    closed = Call.objects.filter(status=Call.Status.CLOSED)
    CallStatusChange.objects.filter(call__in=closed).delete()  # their record protects them
    closed.delete()

    seed()

    assert dict(Call.objects.values_list("title", "status")) == first
    assert Call.objects.get(pk=draft.pk).contact == "変更"
    recreated = Call.objects.get(status=Call.Status.CLOSED)
    assert [c.action for c in recreated.status_changes.order_by("pk")] == ["publish", "close"]


def test_the_open_call_has_briefings_and_questions_answered_and_waiting():
    (title,) = demo_data.CALL_MATERIALS
    call = Call.objects.get(title=title)
    assert call.is_open()
    assert call.briefings.count() == 2
    assert all(b.starts_at > timezone.now() for b in call.briefings.all())
    assert call.questions.filter(status=CallQuestion.Status.ANSWERED).count() == 3
    assert call.questions.filter(status=CallQuestion.Status.WAITING).count() == 1
    reworded = call.questions.exclude(public_text="").get()
    assert reworded.text != reworded.public_text  # the asker's wording is kept
    staff = User.objects.get(email=demo_data.CALL_MATERIALS[title]["answered_by"])
    assert staff.notifications.filter(url__startswith="/office/calls/questions/").exists()


def test_proposals_in_every_early_state():
    proposals = demo_proposals()
    assert proposals.count() == len(demo_data.PROPOSALS) >= 8
    by_status = {status: proposals.filter(status=status).count() for status in Proposal.Status}
    assert by_status["draft"] == 2
    assert by_status["consultation"] == 1
    assert by_status["submitted"] == 2
    assert by_status["screening"] == 1
    assert by_status["open_review"] == 1
    assert by_status["returned"] == 1
    assert by_status["withdrawn"] == 1
    # One adopted before open review had rounds; the published round adopted two more.
    assert by_status["adopted"] == 3
    assert by_status["not_adopted"] == 1
    assert proposals.filter(origin="free").exists()
    assert proposals.filter(origin="call", call__in=Call.objects.open_now()).count() >= 2


def test_proposals_are_complete():
    start, end = fiscal_year_bounds(fiscal_year() + 1)
    for proposal in demo_proposals():
        for field in (
            "local_issue", "goal", "indicators", "content", "expected_effect",
            "why_collaboration", "public_summary",
        ):  # fmt: skip
            assert getattr(proposal, field), (proposal.title, field)
        assert any(ch.isdigit() for ch in proposal.indicators), proposal.title
        assert proposal.desired_form is not None
        assert proposal.department is not None
        assert start <= proposal.period_start <= proposal.period_end <= end
        assert 2 <= proposal.role_shares.count() <= 4, proposal.title
        assert 3 <= proposal.budget_lines.count() <= 6, proposal.title
        totals = proposal.budget_totals()
        assert totals["income"] > 0 and totals["expense"] > 0, proposal.title
        if proposal.call_id:
            assert proposal.desired_form in proposal.call.forms.all(), proposal.title
        if proposal.organization_id:
            # The proposer speaks for the organization, as the portal requires.
            assert proposal.organization.memberships.filter(
                user=proposal.proposer, role__in=["representative", "editor"]
            ).exists(), proposal.title
            assert proposal.organization.status == Organization.Status.VERIFIED


def test_proposers():
    member = User.objects.get(email="member@example.jp")
    organization = member.memberships.get().organization
    own = Proposal.objects.filter(organization=organization, proposer=member)
    assert own.count() >= 2
    assert own.filter(status="draft").exists()
    assert own.filter(status="returned").exists()
    citizen = Proposal.objects.get(proposer__email="citizen@example.jp")
    assert citizen.organization is None
    assert citizen.status == Proposal.Status.SUBMITTED


def test_the_timeline_is_written_by_the_workflow():
    staff = User.objects.get(email="staff@example.jp")
    for proposal in demo_proposals():
        public = proposal.status_changes.public()
        if proposal.status in ("draft", "consultation"):
            assert proposal.submitted_at is None
            assert not public.exists(), proposal.title
            continue
        submission = public.get(action="submit")
        assert submission.to_status == Proposal.Status.SUBMITTED
        assert submission.actor == proposal.proposer
        assert proposal.submitted_at is not None
        last = proposal.status_changes.last()
        assert last.to_status == proposal.status, proposal.title
        for change in proposal.status_changes.filter(
            action__in=["screen", "return", "to_open_review", "adopt", "not_adopt"]
        ):
            assert change.actor == staff
    assert set(Proposal.objects.public().values_list("status", flat=True)) == {
        "submitted", "screening", "open_review", "returned", "withdrawn", "adopted",
        "not_adopted",
    }  # fmt: skip

    returned = Proposal.objects.get(status="returned")
    reason = returned.status_changes.get(action="return")
    assert reason.comment and reason.actor == staff

    withdrawn = Proposal.objects.get(status="withdrawn")
    assert withdrawn.status_changes.get(action="withdraw").is_public

    # Answers to a call that requires consultation went through it first.
    for proposal in Proposal.objects.filter(call__requires_consultation=True):
        assert proposal.status_changes.first().action == "consult", proposal.title


def test_the_consultation_is_a_conversation_with_the_support_office():
    proposal = Proposal.objects.get(status="consultation")
    authors = list(proposal.consultation_messages.values_list("author__email", flat=True))
    assert 2 <= len(authors) <= 3
    assert set(authors) == {proposal.proposer.email, demo_data.OFFICE_EMAIL}
    assert authors[0] == proposal.proposer.email


def test_the_workflow_told_people():
    returned = Proposal.objects.get(status="returned")
    assert Notification.objects.filter(
        user=returned.proposer, url=returned.get_absolute_url()
    ).exists()
    office = User.objects.get(email=demo_data.OFFICE_EMAIL)
    assert office.notifications.exists()


def test_rerun_leaves_existing_proposals_as_they_are_and_recreates_missing_ones():
    returned = Proposal.objects.get(status="returned")
    Proposal.objects.filter(pk=returned.pk).update(goal="提案者が書き直した目標")
    returned.budget_lines.first().delete()
    lines = returned.budget_lines.count()
    draft = Proposal.objects.filter(status="draft").first()
    draft.delete()  # a draft has no history yet, so it can go
    changes, notifications = StatusChange.objects.count(), Notification.objects.count()

    seed()

    returned.refresh_from_db()
    assert returned.goal == "提案者が書き直した目標"
    assert returned.status == Proposal.Status.RETURNED
    assert returned.budget_lines.count() == lines
    recreated = Proposal.objects.get(title=draft.title)
    assert recreated.pk != draft.pk
    assert recreated.role_shares.exists() and recreated.budget_lines.exists()
    assert StatusChange.objects.count() == changes
    assert Notification.objects.count() == notifications
    assert Proposal.objects.count() == len(demo_data.PROPOSALS) + HISTORY_PROPOSALS


def test_projects_reach_their_states_through_the_services():
    projects = {
        p.title: p
        for p in with_rule_facts(
            CollaborationProject.objects.filter(title__in=[e["title"] for e in demo_data.PROJECTS])
        )
    }
    assert len(projects) == len(demo_data.PROJECTS) == 2
    evaluated = projects[demo_data.PROJECTS[0]["title"]]
    assert evaluated.status == CollaborationProject.Status.EVALUATED
    assert evaluated.proposal.status == Proposal.Status.ADOPTED
    agreement = evaluated.current_agreement()
    assert agreement.is_confirmed
    assert agreement.indicators.count() == 2 and agreement.role_shares.count() == 4
    assert evaluated.reports.get(kind="final").submitted_at is not None
    assert evaluated.evaluations.filter(published_at__isnull=False).count() == 4
    assert evaluated.direction.published_at is not None
    assert {r.rule.number: r.state for r in check_project(evaluated)} == dict.fromkeys(
        range(1, 7), MET
    )
    # Four moves, and the publication of four evaluations and of the direction.
    public = evaluated.status_changes.filter(is_public=True)
    assert public.exclude(from_status=F("to_status")).count() == 4
    assert sorted(public.filter(from_status=F("to_status")).values_list("action", flat=True)) == [
        *["publish_direction"],
        *["publish_evaluation"] * 4,
    ]

    active = projects[demo_data.PROJECTS[1]["title"]]
    assert active.status == CollaborationProject.Status.ACTIVE
    assert active.origin == CollaborationProject.Origin.EXISTING and active.proposal is None
    assert active.current_agreement().is_confirmed
    assert active.reports.get(kind="interim").submitted_at is None
    # An existing program was not open to everyone: the dashboard flags it.
    assert check_project(active)[0].state == NOT_MET
    # The demo staff and member are its parties.
    staff = User.objects.get(email="staff@example.jp")
    member = User.objects.get(email="member@example.jp")
    assert active.department == staff.department
    assert active.partners.filter(memberships__user=member).exists()


def test_rerun_leaves_existing_projects_as_they_are():
    project = CollaborationProject.objects.get(title=demo_data.PROJECTS[1]["title"])
    CollaborationProject.objects.filter(pk=project.pk).update(summary="職員が書き直した概要")
    changes, notifications = StatusChange.objects.count(), Notification.objects.count()

    seed()

    project.refresh_from_db()
    assert project.summary == "職員が書き直した概要"
    assert CollaborationProject.objects.count() == len(demo_data.PROJECTS) + HISTORY_PROJECTS
    assert StatusChange.objects.count() == changes
    assert Notification.objects.count() == notifications


def test_the_open_review_is_published_with_its_decisions_and_reasons():
    entry, published = review_round("open_review", "published")
    staff = User.objects.get(email="staff@example.jp")
    assert published.is_published and published.published_by == staff
    assert published.published_at is not None and not published.closed_incomplete
    assert published.criterion_set.is_default and published.fiscal_year == fiscal_year()
    entries = list(published.entries.select_related("proposal"))
    assert [e.proposal.title for e in entries] == list(entry["entries"])
    assert [e.presentation_order for e in entries] == [1, 2, 3]
    decisions = Counter(e.decision for e in entries)
    assert decisions == {ReviewEntry.Decision.ADOPT: 2, ReviewEntry.Decision.NOT_ADOPT: 1}
    for review_entry in entries:
        proposal = review_entry.proposal
        assert len(review_entry.reason) > 50, proposal.title
        assert proposal.status == (
            Proposal.Status.ADOPTED
            if review_entry.decision == ReviewEntry.Decision.ADOPT
            else Proposal.Status.NOT_ADOPTED
        )
        # The decision reached the proposal's public timeline, with its reason.
        change = proposal.status_changes.last()
        assert change.action == review_entry.decision and change.actor == staff
        assert change.comment == review_entry.reason and change.is_public
        assert change.comment_is_public
        # Each went through the workflow to reach open review.
        actions = list(proposal.status_changes.values_list("action", flat=True))
        assert actions == ["submit", "screen", "to_open_review", review_entry.decision]

    # The scores agree with the decisions: the two adopted pass the line, the other does not;
    # the round keeps the scheme it was judged by, the seeded default set.
    table = select_round_results(published)
    assert table.frozen and table.scheme == published.criterion_set.scheme()
    assert [row.result.rank for row in table.rows] == [1, 2, 3]
    assert sorted((row.entry.decision, row.result.verdict) for row in table.rows) == [
        ("adopt", MEETS),
        ("adopt", MEETS),
        ("not_adopt", BELOW),
    ]


def test_the_open_review_has_two_reviewers_a_conflict_and_their_sheets():
    entry, published = review_round("open_review", "published")
    reviewers = {a.reviewer.email: a for a in published.assignments.select_related("reviewer")}
    assert set(reviewers) == {"reviewer@example.jp", "onishi@example.jp"}
    for assignment in reviewers.values():
        assert assignment.reviewer.is_reviewer and assignment.title
        assert assignment.kind == ReviewerAssignment.Kind.EXTERNAL

    conflict = published.conflicts.get()
    assert conflict.reviewer.email == "onishi@example.jp" and conflict.reason
    assert not ScoreSheet.objects.filter(
        round=published, proposal=conflict.proposal, reviewer=conflict.reviewer
    ).exists()
    # Every other pair has a submitted sheet with every criterion scored.
    criteria = published.criterion_set.criteria.count()
    sheets = published.sheets.all()
    assert sheets.count() == 2 * 3 - 1
    assert not sheets.filter(submitted_at__isnull=True).exists()
    for sheet in sheets:
        assert sheet.overall_comment
        assert sheet.scores.count() == criteria
    low = Score.objects.filter(sheet__round=published, value__lte=1)
    assert low.exists() and not low.filter(comment="").exists()
    assert not missing_sheets(published)


def test_the_open_review_session_was_held_and_its_minutes_are_published():
    entry, published = review_round("open_review", "published")
    session = published.sessions.get()
    assert session.ends_at < timezone.now()
    assert session.is_announced and session.minutes_published
    assert session.place == "くにたち市民協働センター 3階 第1会議室"
    assert session.minutes.startswith("### ")
    for title in entry["entries"]:
        assert title in session.minutes


def test_the_current_cycle_gives_the_reviewer_work_and_announces_a_session():
    reviewer = User.objects.get(email="reviewer@example.jp")
    _entry, screening = review_round("screening", "scoring")
    assert screening.status == ReviewRound.Status.SCORING
    assert screening.assignments.filter(reviewer=reviewer).exists()
    assert screening.entries.exists()
    assert not screening.entries.exclude(proposal__status=Proposal.Status.SCREENING).exists()
    assert (reviewer, screening.entries.first().proposal) in missing_sheets(screening)

    _entry, upcoming = review_round("open_review", "preparing")
    session = upcoming.sessions.get()
    assert session.is_announced and session.starts_at > timezone.now()
    assert timezone.localtime(session.starts_at).weekday() < 5
    assert not session.minutes_published
    assert upcoming.entries.get().proposal.status == Proposal.Status.OPEN_REVIEW


def test_open_review_proposals_stay_apart_from_the_projects():
    """The projects seed picks its own adopted proposal; the round's adopted ones get none."""
    _entry, published = review_round("open_review", "published")
    reviewed = Proposal.objects.filter(review_entries__round=published)
    assert not CollaborationProject.objects.filter(proposal__in=reviewed).exists()
    project_proposals = {p["proposal"] for p in demo_data.PROJECTS if p["proposal"]}
    assert not reviewed.filter(title__in=project_proposals).exists()


def test_rerun_leaves_existing_rounds_as_they_are():
    _entry, upcoming = review_round("open_review", "preparing")
    ReviewSession.objects.filter(round=upcoming).update(place="職員が変えた会場")
    first_counts = counts()
    changes, notifications = StatusChange.objects.count(), Notification.objects.count()

    seed()

    assert counts() == first_counts
    assert StatusChange.objects.count() == changes
    assert Notification.objects.count() == notifications
    assert upcoming.sessions.get().place == "職員が変えた会場"


def test_rerun_does_not_review_decided_proposals_again():
    """A published round that is gone is not made again: its proposals are decided."""
    _entry, published = review_round("open_review", "published")
    published.status_changes.all().delete()  # the audit protects a round: remove it by hand
    published.delete()
    rounds = ReviewRound.objects.count()

    err = StringIO()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=err)

    assert ReviewRound.objects.count() == rounds
    assert published.title in err.getvalue()
    assert demo_proposals().filter(status=Proposal.Status.NOT_ADOPTED).count() == 1


def test_prints_the_demo_accounts():
    out = seed()
    assert f"事業提案 {len(demo_data.PROPOSALS) + HISTORY_PROPOSALS} 件" in out
    # One document review per past year.
    assert f"審査回 {len(demo_data.REVIEW_ROUNDS) + len(demo_data.HISTORY_YEARS)} 件" in out
    assert f"協働事業 {len(demo_data.PROJECTS) + HISTORY_PROJECTS} 件" in out
    for account in demo_data.ACCOUNTS:
        assert account["email"] in out
        assert account["role_label"] in out
    assert demo_data.DEMO_PASSWORD in out
