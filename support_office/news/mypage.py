"""What waits in the news for the office (posts to review), as マイページ lists it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User

from .models import Post


@waits_in
def tasks_of(user: User) -> list[Task]:
    if not user.is_support_staff:
        return []
    return waiting(
        Task(
            _("確認を待つ団体のお知らせ"),
            Post.objects.awaiting_review().count(),
            reverse("support_office:news:review_queue"),
        )
    )
