"""What the search finds of organizations: verified public ones, by name, reading and aims.

The reading (ふりがな) is indexed so that きょうどう finds 協働…; contact details, the
representative and anything awaiting verification are not.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes
from organizations.models import Organization


@indexes(
    kind="organization", label=_("団体"), model=Organization, public=Organization.objects.public
)
def organization_document(organization: Organization) -> Document:
    return Document(
        title=organization.name,
        url=organization.get_absolute_url(),
        snippet=organization.purpose,
        text="\n".join(
            [
                organization.name,
                organization.name_kana,
                organization.purpose,
                organization.activities,
            ]
        ),
        updated_at=organization.updated_at,
    )
