"""What the search finds of this stage: every project (all are public), by title and summary."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes
from proposals.projects.models import CollaborationProject


@indexes(
    kind="project",
    label=_("協働事業"),
    model=CollaborationProject,
    public=lambda: CollaborationProject.objects.public().select_related("department"),
)
def project_document(project: CollaborationProject) -> Document:
    return Document(
        title=project.title,
        url=project.get_absolute_url(),
        snippet=project.summary,
        text="\n".join([project.title, project.department.name, project.summary]),
        updated_at=project.updated_at,
    )
