"""What proposals add to pages drawn from a registry: an organization's proposals, a proposal's notices."""

from kunitachi_kyodo.sections import adds_to
from proposals.proposals.selectors import notices_of, public_proposals_of_organization


@adds_to("organizations:detail")
def proposals_of(organization, *, user) -> dict:
    return {"organization_proposals": public_proposals_of_organization(organization)}


@adds_to("proposals:proposal_detail")
def notices(proposal, *, user) -> dict:
    """The notices, for those they are addressed to or sent by (not the reviewers)."""
    if not user.has_perm("proposals.view_notices", proposal):
        return {"notices": []}
    return {"notices": notices_of(proposal)}
