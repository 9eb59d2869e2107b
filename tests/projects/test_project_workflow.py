"""Every move of the project workflow table × every signed-in persona."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from proposals.projects import services, workflow
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    Indicator,
    ProjectStatusChange,
    Report,
    RoleShare,
)
from tests.conftest import PERSONAS
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

SIGNED_IN = [p for p in PERSONAS if p != "anonymous"]
ROLES_OF_PERSONA = {
    "member": {workflow.PARTNER},  # represents the partner organization
    "city_staff": {workflow.DEPARTMENT},  # works in the project's department
    "coordinator": {workflow.DEPARTMENT},  # 協働推進担当: every department's projects
    "admin": {workflow.DEPARTMENT},
    # other_department_staff works in another department: no role.
}
MOVES = [t for t in workflow.TRANSITIONS if t.action != "create"]


def project_in(status, users, organization):
    """A project in `status` whose records satisfy the move out of it (guards pass)."""
    staff, now = users["city_staff"], timezone.now()
    project = ProjectFactory(department=staff.department, status=status, partners=[organization])
    agreement = Agreement.objects.create(
        project=project,
        shared_goal="孤立を防ぐ",
        period_start=datetime.date(2026, 4, 1),
        period_end=datetime.date(2027, 3, 31),
        partner_confirmed_at=now,
        partner_confirmed_by=users["member"],
        department_confirmed_at=now,
        department_confirmed_by=staff,
    )
    Indicator.objects.create(agreement=agreement, name="参加者", unit="人", target_value=100)
    RoleShare.objects.create(
        agreement=agreement, task="運営", partner_role="当日の運営", city_role="会場の確保"
    )
    Report.objects.create(
        project=project,
        kind="final",
        due_on=datetime.date(2027, 4, 30),
        narrative="実施",
        submitted_at=now,
    )
    for kind in Evaluation.Kind.values:
        Evaluation.objects.create(project=project, kind=kind, author=staff, submitted_at=now)
    Direction.objects.create(
        project=project, choice="continue", reason="成果が出ている", decided_by=staff
    )
    return project


@pytest.mark.parametrize("persona_name", SIGNED_IN)
@pytest.mark.parametrize("transition", MOVES, ids=lambda t: f"{t.source}-{t.action}")
def test_each_project_transition_for_each_persona(transition, persona_name, users, organization):
    project = project_in(transition.source, users, organization)
    actor = users[persona_name]
    if transition.actors & ROLES_OF_PERSONA.get(persona_name, set()):
        services.project_transition(project=project, action=transition.action, actor=actor)
        project.refresh_from_db()
        assert project.status == transition.target
        change = ProjectStatusChange.objects.get(project=project)
        assert (change.actor, change.from_status, change.to_status) == (
            actor,
            transition.source,
            transition.target,
        )
        assert change.is_public
    else:
        with pytest.raises(PermissionDenied):
            services.project_transition(project=project, action=transition.action, actor=actor)
        project.refresh_from_db()
        assert project.status == transition.source
        assert not ProjectStatusChange.objects.exists()


ACTIONS = sorted({t.action for t in workflow.TRANSITIONS})
MOVES_NOT_IN_THE_TABLE = [
    (status, action)
    for status in CollaborationProject.Status.values
    for action in ACTIONS
    if workflow.project_transition_for(status, action) is None
]


@pytest.mark.parametrize(("status", "action"), MOVES_NOT_IN_THE_TABLE)
def test_project_moves_not_in_the_table_are_refused(status, action, users, organization):
    project = project_in(status, users, organization)
    for name in ("member", "city_staff", "coordinator", "admin"):
        with pytest.raises(PermissionDenied):
            services.project_transition(project=project, action=action, actor=users[name])
    project.refresh_from_db()
    assert project.status == status


def test_staff_of_another_department_cannot_move_a_project(users, organization):
    from tests.factories import UserFactory

    project = project_in("agreement", users, organization)
    with pytest.raises(PermissionDenied):
        services.project_transition(
            project=project, action="start", actor=UserFactory(city_staff=True)
        )
