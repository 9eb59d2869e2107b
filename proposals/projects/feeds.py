"""What projects add to the portal's feeds: the public rows of their records.

Registered, started under an agreement, reporting, evaluated, an evaluation or a direction
published, closed: each public audit row is an entry, worded as the project's timeline
words it, with its comment only when that was made public.
"""

from django.utils.translation import gettext_lazy

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from . import selectors
from .workflow import PROJECT_WORKFLOW


@publishes("projects", gettext_lazy("協働事業の歩み"))
def project_milestones(scope: Scope, *, limit: int) -> list[Entry]:
    rows = selectors.latest_public_milestones(
        department_id=scope.department_id, field_id=scope.field_id, limit=limit
    )
    return [
        Entry(
            key=f"project-record-{row.pk}",
            title=f"{row.project.title}：{PROJECT_WORKFLOW.describe(row)}",
            link=row.project.get_absolute_url(),
            published=row.created_at,
            updated=row.created_at,  # an audit row is never edited
            summary=row.public_comment,
            categories=(row.project.department.name,),
        )
        for row in rows
    ]
