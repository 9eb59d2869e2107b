"""What waits in the talent bank for the office: entries to review before they are found."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in

from .models import TalentEntry


@waits_in
def tasks_of(user) -> list[Task]:
    if not (user.is_support_staff or user.is_superuser):
        return []
    return waiting(
        Task(
            _("確認を待つ人材バンク登録"),
            TalentEntry.objects.filter(status=TalentEntry.Status.SUBMITTED).count(),
            reverse("support_office:talent:review_queue"),
        )
    )
