"""Actions on calls (事業の提示): save, publish, close."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.uploads import store_upload
from organizations.models import User
from proposals.calls.models import Call, CallAttachment


def call_save(*, user: User, form, lock_version: int | None = None, upload=None) -> Call:
    """Create or edit a call, with a file to publish alongside it (募集要項, 様式).

    An edit is refused if someone saved the call since `lock_version` was read.
    """
    call = form.instance
    if call.pk is None:
        if not user.has_perm("proposals.create_call"):
            raise PermissionDenied
    elif not user.has_perm("proposals.edit_call", call):
        raise PermissionDenied
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
    if not user.has_perm("proposals.edit_call", call):
        raise PermissionDenied
    with transaction.atomic():
        updated = Call.objects.filter(pk=call.pk, status=Call.Status.DRAFT).update(
            status=Call.Status.PUBLISHED, published_at=timezone.now(), updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("下書きの募集だけを公開できます。"))
    call.refresh_from_db()
    return call


def call_close(*, call: Call, user: User) -> Call:
    if not user.has_perm("proposals.edit_call", call):
        raise PermissionDenied
    with transaction.atomic():
        updated = Call.objects.filter(pk=call.pk, status=Call.Status.PUBLISHED).update(
            status=Call.Status.CLOSED, updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("公開中の募集だけを終了できます。"))
    call.refresh_from_db()
    return call
