"""What proposals add to an organization's page: the proposals it submitted."""

from kunitachi_kyodo.sections import adds_to
from proposals.proposals.selectors import public_proposals_of_organization


@adds_to("organizations:detail")
def proposals_of(organization, *, user) -> dict:
    return {"organization_proposals": public_proposals_of_organization(organization)}
