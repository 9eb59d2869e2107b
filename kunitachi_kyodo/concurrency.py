"""Optimistic locking: two people who open the same edit form cannot silently overwrite each other.

A model two people may edit at once inherits `Versioned`; its edit form mixes in
`LockVersionFormMixin` (the hidden number of the version the person started from); its
service calls `lock_for_edit` inside its transaction; its view answers a refused save with
`keep_input_after_conflict`, which keeps the person's input and says what happened (409).
"""

from http import HTTPStatus
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

LOCK_FIELD = "lock_version"

STALE_MESSAGE = _(
    "あなたが編集を始めた後に、別の方がこの内容を保存しました。"
    "あなたの入力はこの画面に残っています。保存されている内容を別の画面で確かめてから、"
    "必要ならもう一度保存してください（もう一度保存すると、あなたの入力で上書きします）。"
)


class EditConflict(ValidationError):
    """A save based on a version someone else has replaced since it was read."""

    def __init__(self):
        super().__init__(STALE_MESSAGE, code="stale")


class Versioned(models.Model):
    """Counts the saves of a row's content, so that a save based on an older count is refused."""

    lock_version = models.PositiveIntegerField(_("更新回数"), default=1, editable=False)

    class Meta:
        abstract = True


M = TypeVar("M", bound=Versioned)


def lock_for_edit(instance: M, *, lock_version: int | None) -> M:
    """Lock `instance`'s row, refuse a save based on an older `lock_version`, count this save.

    Call inside `transaction.atomic()`. Returns the row as stored now, locked and counted: the
    service writes its new values into it, so what the values do not hold (a status changed
    meanwhile by another action) stays as it is.
    """
    manager = type(instance)._default_manager
    current = manager.select_for_update().get(pk=instance.pk)
    if lock_version != current.lock_version:
        raise EditConflict
    instance.lock_version = current.lock_version = current.lock_version + 1
    # Counted here too, so a save that writes only some fields (or none) still counts.
    manager.filter(pk=instance.pk).update(lock_version=current.lock_version)
    return current


class LockVersionFormMixin:
    """For a ModelForm of a `Versioned` model: the hidden number of the version being edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[LOCK_FIELD] = forms.IntegerField(
            label=_("更新回数"),
            widget=forms.HiddenInput,
            required=False,
            initial=self.instance.lock_version,
            error_messages={"invalid": STALE_MESSAGE},
        )

    @property
    def lock_version(self) -> int | None:
        """The number the person started from (None if the form did not carry one)."""
        return self.cleaned_data.get(LOCK_FIELD)


def keep_input_after_conflict(form: forms.BaseForm, conflict: EditConflict) -> HTTPStatus:
    """Say on the form that someone saved first, keep the input, return the status to answer.

    The form then carries the stored number: saving again is a deliberate choice over the
    newer version the person was just told of.
    """
    form.add_error(None, conflict)
    form.data = form.data.copy()
    form.data[form.add_prefix(LOCK_FIELD)] = (
        type(form.instance)
        ._default_manager.filter(pk=form.instance.pk)
        .values_list(LOCK_FIELD, flat=True)
        .get()
    )
    return HTTPStatus.CONFLICT
