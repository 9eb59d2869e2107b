"""What the search finds of the office's events: public ones, by their public text."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes

from .models import Event


@indexes(
    kind="office_event", label=_("講座・交流会"), model=Event, public=lambda: Event.objects.public()
)
def event_document(event: Event) -> Document:
    return Document(
        title=event.title,
        url=event.get_absolute_url(),
        snippet=event.description,
        text="\n".join([event.title, event.get_kind_display(), event.audience, event.description]),
        updated_at=event.updated_at,
    )
