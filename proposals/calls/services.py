"""Actions on calls (事業の提示): save, publish, close."""

from django.db import transaction

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.uploads import store_upload
from organizations.models import User
from organizations.permissions import require
from proposals.calls.models import Call, CallAttachment
from proposals.calls.workflow import CALL_WORKFLOW


def call_save(*, user: User, form, lock_version: int | None = None, upload=None) -> Call:
    """Create or edit a call, with a file to publish alongside it (募集要項, 様式).

    An edit is refused if someone saved the call since `lock_version` was read.
    """
    call = form.instance
    if call.pk is None:
        require(user, "proposals.create_call")
    else:
        require(user, "proposals.edit_call", Call.objects.get(pk=call.pk))
    # And the department the call will belong to: staff present calls for their own only.
    require(user, "proposals.edit_call", call)
    with transaction.atomic():
        current = None if call.pk is None else lock_for_edit(call, lock_version=lock_version)
        call = form.save(commit=False)
        if current is None:
            call.created_by = user
        else:
            # Publishing and closing are not edits: a save must not undo one made meanwhile.
            call.status, call.published_at = current.status, current.published_at
        call.save()
        form.save_m2m()
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
