"""What waits for the office in events, as マイページ lists it: held events whose attendance
is not recorded yet (the figures of the annual report count attendance)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User

from .models import Event, Registration


@waits_in
def tasks_of(user: User) -> list[Task]:
    if not (user.is_support_staff or user.is_superuser):
        return []
    unrecorded = Event.objects.held(timezone.now()).filter(
        registrations__status=Registration.Status.CONFIRMED,
        registrations__attended__isnull=True,
    )
    return waiting(
        Task(
            _("出席の記録を待つイベント"),
            unrecorded.values("pk").distinct().count(),
            reverse("support_office:events:list") + "?when=past",
        )
    )
