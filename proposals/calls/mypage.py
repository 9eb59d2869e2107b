"""What waits in the calls stage, as マイページ lists it (a selector kept apart)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User
from proposals.calls.models import CallQuestion


@waits_in
def tasks_of(user: User) -> list[Task]:
    """The questions about calls that the city side owes an answer (its department's, or all)."""
    if not (user.is_city_staff or user.is_support_staff):
        return []
    return waiting(
        Task(
            _("回答を待つ質問"),
            CallQuestion.objects.answerable_by(user).waiting().count(),
            reverse("calls:question_queue"),
        )
    )
