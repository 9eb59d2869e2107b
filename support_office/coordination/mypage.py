"""What waits on the board for the office: posts to review, matches whose outcome is owed."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in

from .models import CoordinationRequest


@waits_in
def tasks_of(user) -> list[Task]:
    if not (user.is_support_staff or user.is_superuser):
        return []
    url = reverse("support_office:coordination:office_list")
    S = CoordinationRequest.Status
    return waiting(
        Task(
            _("確認を待つコーディネート依頼"),
            CoordinationRequest.objects.filter(status=S.REVIEW).count(),
            f"{url}?status={S.REVIEW}",
        ),
        Task(
            _("成立・不成立の記録を待つマッチング"),
            CoordinationRequest.objects.filter(status=S.MATCHED).count(),
            f"{url}?status={S.MATCHED}",
        ),
    )
