"""What projects add to earlier pages: a proposal's project (or the button to make it one),
an organization's projects."""

from kunitachi_kyodo.sections import adds_to
from proposals.projects.models import CollaborationProject
from proposals.projects.selectors import projects_of_organization
from proposals.proposals.models import Proposal


@adds_to("proposals:proposal_detail")
def project_of(proposal, *, user) -> dict:
    """An adopted proposal's project, or whether this user may make it one (at most one query)."""
    if proposal.status != Proposal.Status.ADOPTED:
        return {"project": None, "can_make_project": False}
    project = CollaborationProject.objects.filter(proposal=proposal).only("pk", "title").first()
    return {
        "project": project,
        "can_make_project": project is None and user.has_perm("proposals.make_project", proposal),
    }


@adds_to("organizations:detail")
def projects_of(organization, *, user) -> dict:
    return {"organization_projects": projects_of_organization(organization)}
