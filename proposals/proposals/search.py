"""What the search finds of this stage: submitted proposals, by their public fields only.

Title, proposer's name and the public summary (what the proposer agreed to publish); never
a draft, nor the plan, budget or consultation that only the city reads.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes
from organizations.models import Organization
from proposals.proposals.models import Proposal


@indexes(
    kind="proposal",
    label=_("事業提案"),
    model=Proposal,
    public=lambda: Proposal.objects.public().select_related("organization", "proposer"),
    # The proposer's name is the organization's: a renamed organization renames its proposals.
    follows={
        Organization: lambda organization: organization.proposals.public().values_list(
            "pk", flat=True
        )
    },
)
def proposal_document(proposal: Proposal) -> Document:
    return Document(
        title=proposal.title,
        url=proposal.get_absolute_url(),
        snippet=proposal.public_summary,
        text="\n".join([proposal.title, proposal.proposer_name, proposal.public_summary]),
        updated_at=proposal.updated_at,
    )
