"""What the search finds of the board: public requests by their public text (never the contact)."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes

from .models import CoordinationRequest


@indexes(
    kind="coordination",
    label=_("コーディネート依頼"),
    model=CoordinationRequest,
    public=lambda: CoordinationRequest.objects.public(),
)
def request_document(item: CoordinationRequest) -> Document:
    return Document(
        title=item.title,
        url=item.get_absolute_url(),
        snippet=item.description,
        text="\n".join([item.title, str(item.get_kind_display()), item.description]),
        updated_at=item.updated_at,
    )
