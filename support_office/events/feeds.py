"""What the office's events add to the portal's feeds: each public event as it is published."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from .models import Event


@publishes("events", _("講座・交流会・相談会"))
def published_events(scope: Scope, *, limit: int) -> list[Entry]:
    if scope.department_id is not None or scope.field_id is not None:
        return []  # the office's events belong to no department or activity field
    events = Event.objects.public().filter(published_at__isnull=False).order_by("-published_at")
    return [
        Entry(
            key=f"office-event-{event.pk}",
            title=event.title,
            link=event.get_absolute_url(),
            published=event.published_at,
            updated=max(event.updated_at, event.published_at),
            summary=Truncator(event.description).chars(200),
            categories=(event.get_kind_display(),),
        )
        for event in events[:limit]
    ]
