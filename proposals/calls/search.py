"""What the search finds of this stage: public calls, by their public text."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes
from proposals.calls.models import Call


@indexes(
    kind="call",
    label=_("事業の提示"),
    model=Call,
    public=lambda: Call.objects.public().select_related("department"),
)
def call_document(call: Call) -> Document:
    return Document(
        title=call.title,
        url=call.get_absolute_url(),
        snippet=call.background,
        text="\n".join([call.title, call.department.name, call.background, call.expected_outcome]),
        updated_at=call.updated_at,
    )
