"""Actions on calls (事業の提示): save, publish, close."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.uploads import store_upload
from kunitachi_kyodo.values import save_values
from organizations.models import Department, User
from organizations.permissions import require
from proposals.calls.models import Call, CallAttachment
from proposals.calls.workflow import CALL_WORKFLOW
from proposals.guideline.models import CriterionSet, ProjectForm


@dataclass(frozen=True)
class CallValues:
    """What the department writes in a call (事業の提示); the status moves only by the workflow."""

    title: str
    department: Department
    background: str
    expected_outcome: str
    eligibility: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    contact: str
    criterion_set: CriterionSet
    forms: tuple[ProjectForm, ...] = ()
    budget_cap: int | None = None
    exclusions: str = ""
    requires_consultation: bool = False
    review_criteria: str = ""


def call_save(
    *,
    user: User,
    values: CallValues,
    call: Call | None = None,
    lock_version: int | None = None,
    upload=None,
) -> Call:
    """Create a call, or edit `call`, with a file to publish alongside it (募集要項, 様式).

    An edit is refused if someone saved the call since `lock_version` was read.
    """
    with transaction.atomic():
        if call is None:
            require(user, "proposals.create_call")
            call = Call(created_by=user)
        else:
            # The stored call, not the caller's copy (a bound form has already changed that).
            call = lock_for_edit(call, lock_version=lock_version)
            require(user, "proposals.edit_call", call)
        # And the department the call will belong to: staff present calls for their own only.
        require(user, "proposals.edit_call", Call(department=values.department))
        save_values(call, values)
        if upload is not None:
            store_upload(CallAttachment(call=call), upload, user=user)
    return call


def call_publish(*, call: Call, user: User) -> Call:
    """Publish a draft call (the move is on the public timeline of its proposals)."""
    return CALL_WORKFLOW.perform(call, action="publish", actor=user, on_change=_apply_move)


def call_close(*, call: Call, user: User) -> Call:
    return CALL_WORKFLOW.perform(call, action="close", actor=user, on_change=_apply_move)


def _apply_move(call: Call, change, transition, context) -> None:
    updates = {"status": transition.target, "updated_at": context.now}
    if transition.action == "publish":
        updates["published_at"] = context.now
    Call.objects.filter(pk=call.pk).update(**updates)
    call.refresh_from_db()
