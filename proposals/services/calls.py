"""Actions on calls (事業の提示): save, publish, close."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organizations.models import User
from organizations.permissions import require

from ..models import Call, CallAttachment
from ..uploads import store_upload


def call_save(*, user: User, form, upload=None) -> Call:
    """Create or edit a call, with a file to publish alongside it (募集要項, 様式)."""
    call = form.instance
    if call.pk is None:
        require(user, "proposals.create_call")
    else:
        require(user, "proposals.edit_call", Call.objects.get(pk=call.pk))
    # And the department the call will belong to: staff present calls for their own only.
    require(user, "proposals.edit_call", call)
    with transaction.atomic():
        call = form.save(commit=False)
        if call.pk is None:
            call.created_by = user
        call.save()
        form.save_m2m()
        if upload is not None:
            store_upload(CallAttachment(call=call), upload, user=user)
    return call


def call_publish(*, call: Call, user: User) -> Call:
    require(user, "proposals.edit_call", call)
    with transaction.atomic():
        updated = Call.objects.filter(pk=call.pk, status=Call.Status.DRAFT).update(
            status=Call.Status.PUBLISHED, published_at=timezone.now(), updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("下書きの募集だけを公開できます。"))
    call.refresh_from_db()
    return call


def call_close(*, call: Call, user: User) -> Call:
    require(user, "proposals.edit_call", call)
    with transaction.atomic():
        updated = Call.objects.filter(pk=call.pk, status=Call.Status.PUBLISHED).update(
            status=Call.Status.CLOSED, updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("公開中の募集だけを終了できます。"))
    call.refresh_from_db()
    return call
