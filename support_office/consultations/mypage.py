"""What waits in the consultation log for the office, as マイページ lists it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User

from .models import Consultation


@waits_in
def tasks_of(user: User) -> list[Task]:
    """Consultations not yet closed (the office follows them up)."""
    if not user.is_support_staff:
        return []
    return waiting(
        Task(
            _("対応中の相談"),
            Consultation.objects.waiting().count(),
            reverse("support_office:consultations:list"),
        )
    )
