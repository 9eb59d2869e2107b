"""Collaboration projects: from an adopted proposal to evaluation, and the six rules checked."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from proposals.guideline.models import CollaborationRule
from proposals.projects import services
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Evaluation,
    Indicator,
    ProjectStatusChange,
    ReportValue,
    RoleShare,
)
from proposals.projects.rule_checks import MET, NOT_MET, NOT_YET, check_project
from proposals.proposals.models import Proposal
from tests.factories import ProjectFactory, ProposalFactory, UserFactory, agreement_values

pytestmark = pytest.mark.django_db


def make_project(adopted, users):
    return services.project_create_from_proposal(proposal=adopted, user=users["city_staff"])


def complete_agreement(project):
    agreement = project.current_agreement()
    Indicator.objects.create(
        agreement=agreement, name="延べ参加者数", unit="人", target_value=Decimal("1500")
    )
    return agreement


def confirm_both(project, users):
    agreement = project.current_agreement()
    services.agreement_confirm(agreement=agreement, user=users["member"])
    services.agreement_confirm(agreement=agreement, user=users["city_staff"])
    agreement.refresh_from_db()
    return agreement


def run_to_reporting(project, users):
    complete_agreement(project)
    confirm_both(project, users)
    services.project_transition(project=project, action="start", actor=users["city_staff"])
    services.project_transition(project=project, action="begin_reporting", actor=users["member"])
    project.refresh_from_db()
    return project


def evaluate_all(project, users, *, low_comment="目標に届かなかった"):
    agreement = services.confirmed_agreement(project)
    rules = {r.pk: (4, "") for r in CollaborationRule.objects.all()}
    goals = {i.pk: (2, low_comment) for i in agreement.indicators.all()}
    services.evaluation_save(
        project=project,
        kind="self_partner",
        user=users["member"],
        rule_scores=rules,
        goal_scores=goals,
        submit=True,
    )
    services.evaluation_save(
        project=project,
        kind="self_department",
        user=users["city_staff"],
        rule_scores=rules,
        goal_scores=goals,
        submit=True,
    )
    services.evaluation_save(
        project=project,
        kind="mutual",
        user=users["member"],
        submit=True,
        texts={
            "shared_points": "子どもの居場所の必要性",
            "differences": "広報の範囲",
            "improvements": "学校との連携",
        },
    )
    services.evaluation_save(
        project=project,
        kind="third_party",
        user=users["reviewer"],
        rule_scores=rules,
        goal_scores=goals,
        submit=True,
    )


def file_final_report(project, users):
    report = services.report_request(
        project=project, kind="final", due_on=datetime.date(2028, 4, 30), user=users["city_staff"]
    )
    indicator = services.confirmed_agreement(project).indicators.get()
    return services.report_save(
        report=report,
        user=users["member"],
        values={indicator.pk: (Decimal("1320"), "")},
        narrative="年間48回開催しました。",
        public_summary="延べ1,320人が参加。",
        expenditure=232000,
        submit=True,
    )


def test_an_adopted_proposal_becomes_a_project_carrying_its_data(adopted, users, organization):
    project = make_project(adopted, users)
    assert project.status == CollaborationProject.Status.AGREEMENT
    assert project.title == adopted.title and project.summary == adopted.public_summary
    assert list(project.partners.all()) == [organization]
    agreement = project.current_agreement()
    assert agreement.shared_goal == adopted.goal
    assert list(agreement.role_shares.values_list("task", flat=True)) == ["広報"]
    assert (project.first_fiscal_year, project.last_fiscal_year) == (2027, 2027)
    assert ProjectStatusChange.objects.filter(project=project, is_public=True).count() == 1


def test_only_adopted_proposals_become_projects(users):
    proposal = ProposalFactory(submitted=True, department=users["city_staff"].department)
    with pytest.raises(ValidationError, match="採択された提案"):
        services.project_create_from_proposal(proposal=proposal, user=users["city_staff"])


def test_confirming_an_agreement_without_goal_or_role_sharing_is_refused_with_what_is_missing(
    adopted, users
):
    project = make_project(adopted, users)
    agreement = project.current_agreement()
    Agreement.objects.filter(pk=agreement.pk).update(shared_goal="")
    RoleShare.objects.filter(agreement=agreement).delete()
    with pytest.raises(ValidationError) as refused:
        services.agreement_confirm(agreement=agreement, user=users["member"])
    assert "・共通の目標" in refused.value.messages
    assert "・役割分担表（相手方と市の役割を書いた行）" in refused.value.messages
    assert "・成果目標・活動指標" in refused.value.messages
    agreement.refresh_from_db()
    assert agreement.partner_confirmed_at is None


def test_both_sides_confirm_with_who_and_when_and_the_other_side_is_told(
    adopted, users, django_capture_on_commit_callbacks
):
    project = make_project(adopted, users)
    complete_agreement(project)
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_confirm(agreement=project.current_agreement(), user=users["member"])
    assert "staff@example.jp" in {a for m in mail.outbox for a in m.to}
    services.agreement_confirm(agreement=project.current_agreement(), user=users["city_staff"])
    agreement = project.current_agreement()
    assert agreement.is_confirmed
    assert (agreement.partner_confirmed_by, agreement.department_confirmed_by) == (
        users["member"],
        users["city_staff"],
    )


def test_a_confirmed_agreement_changes_only_through_a_new_version(adopted, users):
    project = make_project(adopted, users)
    complete_agreement(project)
    agreement = confirm_both(project, users)
    with pytest.raises(ValidationError, match="新しい版"):
        services.agreement_save(
            agreement=agreement,
            user=users["city_staff"],
            values=agreement_values(agreement),
            lock_version=agreement.lock_version,
        )
    new = services.agreement_new_version(
        project=project, user=users["city_staff"], reason="会場の変更"
    )
    assert new.version == 2 and not new.is_confirmed
    assert new.indicators.count() == 1 and new.role_shares.count() == 1
    assert services.confirmed_agreement(project) == agreement


def test_a_project_starts_only_with_a_confirmed_agreement(adopted, users):
    project = make_project(adopted, users)
    with pytest.raises(ValidationError, match="双方に確認されていません"):
        services.project_transition(project=project, action="start", actor=users["city_staff"])


@pytest.mark.parametrize("persona_name", ["citizen", "other_member", "reviewer", "support_office"])
def test_people_not_party_to_a_project_cannot_move_confirm_or_report(adopted, users, persona_name):
    project = make_project(adopted, users)
    complete_agreement(project)
    with pytest.raises(PermissionDenied):
        services.agreement_confirm(agreement=project.current_agreement(), user=users[persona_name])
    with pytest.raises(PermissionDenied):
        services.project_transition(project=project, action="start", actor=users[persona_name])
    with pytest.raises(PermissionDenied):
        services.evaluation_save(project=project, kind="self_partner", user=users[persona_name])


def test_staff_of_another_department_are_not_party(adopted, users):
    project = make_project(adopted, users)
    stranger = UserFactory(city_staff=True)
    with pytest.raises(PermissionDenied):
        services.report_request(
            project=project, kind="final", due_on=datetime.date(2028, 4, 30), user=stranger
        )


def test_a_report_records_actuals_for_the_agreements_indicators_only(adopted, users):
    project = run_to_reporting(make_project(adopted, users), users)
    report = services.report_request(
        project=project,
        kind="interim",
        due_on=datetime.date(2027, 10, 31),
        user=users["city_staff"],
    )
    foreign = Indicator.objects.create(
        agreement=Agreement.objects.create(
            project=project,
            version=9,
            shared_goal="x",
            period_start="2027-04-01",
            period_end="2028-03-31",
        ),
        name="よその指標",
        unit="件",
        target_value=1,
    )
    with pytest.raises(ValidationError, match="協定書にない指標"):
        services.report_save(
            report=report,
            user=users["member"],
            values={foreign.pk: (Decimal(3), "")},
            narrative="",
            public_summary="",
            expenditure=None,
        )
    indicator = services.confirmed_agreement(project).indicators.get()
    with pytest.raises(ValidationError, match="数字"):
        services.report_save(
            report=report,
            user=users["member"],
            values={indicator.pk: ("たくさん", "")},
            narrative="",
            public_summary="",
            expenditure=None,
        )
    assert not ReportValue.objects.exists()


def test_reminders_go_to_the_partner_once_a_week(
    adopted, users, django_capture_on_commit_callbacks
):
    project = run_to_reporting(make_project(adopted, users), users)
    services.report_request(
        project=project, kind="final", due_on=datetime.date(2028, 4, 30), user=users["city_staff"]
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_report_reminders(today=datetime.date(2028, 4, 25)) == 1
        assert services.send_report_reminders(today=datetime.date(2028, 4, 26)) == 0
    assert [m.to for m in mail.outbox] == [["member@example.jp"]]
    assert "提出期限" in mail.outbox[0].body


def test_low_evaluation_scores_need_comments(adopted, users):
    project = run_to_reporting(make_project(adopted, users), users)
    rule = CollaborationRule.objects.get(number=2)
    with pytest.raises(ValidationError):
        services.evaluation_save(
            project=project,
            kind="self_partner",
            user=users["member"],
            rule_scores={rule.pk: (1, "")},
        )
    assert not Evaluation.objects.exists() or not Evaluation.objects.get().rule_scores.exists()


def test_evaluations_stay_private_until_published(adopted, users, client):
    project = run_to_reporting(make_project(adopted, users), users)
    file_final_report(project, users)
    evaluate_all(project, users, low_comment="学校への周知がもう一歩だった")
    body = client.get(project.get_absolute_url()).content.decode()
    assert "学校への周知がもう一歩だった" not in body
    for evaluation in Evaluation.objects.all():
        services.evaluation_publish(evaluation=evaluation, user=users["city_staff"])
    assert "学校への周知がもう一歩だった" in client.get(project.get_absolute_url()).content.decode()


def states(project):
    project = CollaborationProject.objects.get(pk=project.pk)
    return {r.rule.number: r.state for r in check_project(project)}


def test_all_six_rules_met_after_a_full_published_cycle(adopted, users):
    project = run_to_reporting(make_project(adopted, users), users)
    file_final_report(project, users)
    evaluate_all(project, users)
    services.direction_decide(
        project=project, user=users["city_staff"], choice="continue", reason="成果が出ている"
    )
    for evaluation in Evaluation.objects.all():
        services.evaluation_publish(evaluation=evaluation, user=users["city_staff"])
    services.direction_publish(project=project, user=users["city_staff"])
    services.project_transition(
        project=project, action="complete_evaluation", actor=users["city_staff"]
    )
    assert states(project) == dict.fromkeys(range(1, 7), MET)


def test_rules_not_yet_met_during_agreement(adopted, users):
    result = states(make_project(adopted, users))
    assert result[1] == MET  # the call was public for 30 days with criteria
    assert {result[n] for n in (2, 3, 4, 6)} == {NOT_YET}
    assert result[5] == NOT_YET


def test_rules_not_met_when_records_are_missing(users, organization):
    project = ProjectFactory(
        department=users["city_staff"].department, status="evaluated", partners=[organization]
    )
    result = states(project)
    assert result[1] == NOT_MET  # no public call, no proposal system
    assert result[2] == NOT_MET and result[6] == NOT_MET and result[5] == NOT_MET


def test_a_short_call_does_not_meet_equal_opportunity(adopted, users):
    call = adopted.call
    call.closes_at = call.opens_at + datetime.timedelta(days=5)
    call.save()
    assert states(make_project(adopted, users))[1] == NOT_MET


def test_a_rule_without_a_check_is_shown_as_not_checked(adopted, users):
    CollaborationRule.objects.create(
        number=7, code="new-rule", text="新しいルール", short_name="新"
    )
    project = make_project(adopted, users)
    results = check_project(CollaborationProject.objects.get(pk=project.pk))
    assert results[-1].state == "not_checked"


def test_the_completing_move_refuses_missing_evaluations(adopted, users):
    project = run_to_reporting(make_project(adopted, users), users)
    with pytest.raises(ValidationError) as refused:
        services.project_transition(
            project=project, action="complete_evaluation", actor=users["city_staff"]
        )
    assert "完了報告が提出されていません。" in refused.value.messages
    assert Proposal.objects.get().status == Proposal.Status.ADOPTED


def test_rule_evidence_gives_the_confirmation_dates_in_tokyo(adopted, users):
    project = make_project(adopted, users)
    complete_agreement(project)
    agreement = confirm_both(project, users)
    # 00:58 on 3 December in Tokyo is still 2 December in UTC.
    just_after_midnight = datetime.datetime(2026, 12, 2, 15, 58, tzinfo=datetime.UTC)
    Agreement.objects.filter(pk=agreement.pk).update(
        partner_confirmed_at=just_after_midnight, department_confirmed_at=just_after_midnight
    )
    project = CollaborationProject.objects.get(pk=project.pk)
    equal_footing = next(r for r in check_project(project) if r.rule.number == 2)
    assert "相手方 2026-12-03、担当課 2026-12-03" in equal_footing.evidence[0]
