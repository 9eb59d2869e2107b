"""Every move of the board's and the talent bank's tables × every persona: offered and
performed exactly for the roles the table names (the daily schedule's moves for nobody)."""

import pytest
from django.core.exceptions import PermissionDenied

from support_office.coordination import services as coordination
from support_office.coordination.models import CoordinationRequest
from support_office.coordination.workflow import REQUEST_WORKFLOW
from support_office.talent.models import TalentEntry
from support_office.talent.workflow import TALENT_WORKFLOW
from tests.conftest import PERSONAS
from tests.office.talent.builders import consent, request_values, talent_entry

pytestmark = pytest.mark.django_db

# Who holds each role for the objects built below: the citizen posts and owns them.
HOLDERS = {
    "poster": {"citizen"},
    "owner": {"citizen"},
    "office": {"support_office", "admin"},
    "schedule": set(),
}


def _request_in(state, users):
    item = coordination.request_save(user=users["citizen"], values=request_values())
    CoordinationRequest.objects.filter(pk=item.pk).update(
        status=state, outcome="closed" if state == "closed" else ""
    )
    item.refresh_from_db()
    return item


def _entry_in(state, users):
    entry = talent_entry(user=users["citizen"], levels=consent(), approved=False)
    TalentEntry.objects.filter(pk=entry.pk).update(status=state)
    entry.refresh_from_db()
    return entry


CASES = [
    *[(REQUEST_WORKFLOW, t, _request_in) for t in REQUEST_WORKFLOW.transitions],
    *[(TALENT_WORKFLOW, t, _entry_in) for t in TALENT_WORKFLOW.transitions],
]


@pytest.mark.parametrize(
    ("workflow", "transition", "build"),
    CASES,
    ids=[f"{w.name}-{t.source}-{t.action}" for w, t, _b in CASES],
)
def test_each_move_is_offered_and_made_only_by_its_roles(users, workflow, transition, build):
    for persona in PERSONAS:
        obj = build(transition.source, users)
        allowed = set().union(*(HOLDERS[role] for role in transition.actors))
        offered = transition.action in {t.action for t in workflow.allowed(users[persona], obj)}
        assert offered is (persona in allowed), persona
        if persona not in allowed and users[persona] is not None:
            with pytest.raises(PermissionDenied):
                workflow.perform(
                    obj, action=transition.action, actor=users[persona], comment="理由"
                )
        obj.delete()
