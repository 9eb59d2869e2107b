"""What calls add to the portal's feeds: each call as it is published."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from . import selectors


@publishes("calls", _("新しい事業の提示（募集）"))
def published_calls(scope: Scope, *, limit: int) -> list[Entry]:
    if scope.field_id is not None:
        return []  # a call names its department and forms, not an activity field
    calls = selectors.latest_published_calls(department_id=scope.department_id, limit=limit)
    return [
        Entry(
            key=f"call-{call.pk}",
            title=call.title,
            link=call.get_absolute_url(),
            published=call.published_at,
            updated=max(call.updated_at, call.published_at),
            summary=Truncator(call.background).chars(200),
            categories=(call.department.name,),
        )
        for call in calls
    ]
