"""What the board adds to the portal's feeds: each request as the office publishes it."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from .models import CoordinationRequest


@publishes("coordination", _("コーディネート掲示板の新しい依頼"))
def published_requests(scope: Scope, *, limit: int) -> list[Entry]:
    if scope.department_id is not None:
        return []  # a request names activity fields, not a department
    requests = CoordinationRequest.objects.public().prefetch_related("fields")
    if scope.field_id is not None:
        requests = requests.filter(fields=scope.field_id)
    return [
        Entry(
            key=f"coordination-{item.pk}",
            title=item.title,
            link=item.get_absolute_url(),
            published=item.published_at,
            updated=max(item.updated_at, item.published_at),
            # The public text only: never the contact, never the responses.
            summary=Truncator(item.description).chars(200),
            categories=(str(item.get_kind_display()), *(f.short_name for f in item.fields.all())),
        )
        for item in requests.order_by("-published_at", "-pk")[:limit]
    ]
