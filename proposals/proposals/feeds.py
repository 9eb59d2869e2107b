"""What proposals add to the portal's feeds: each proposal as it is first submitted.

Only what the proposer agreed to publish on submitting (publish_consent): the title, the
proposer's name, the public summary and the department; never the plan, budget or files.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from . import selectors


@publishes("proposals", gettext_lazy("新しい事業提案"))
def submitted_proposals(scope: Scope, *, limit: int) -> list[Entry]:
    proposals = selectors.latest_submitted_proposals(
        department_id=scope.department_id, field_id=scope.field_id, limit=limit
    )
    entries = []
    for proposal in proposals:
        department = proposal.department or (proposal.call.department if proposal.call else None)
        proposer = _("提案者：%(name)s") % {"name": proposal.proposer_name}
        entries.append(
            Entry(
                key=f"proposal-{proposal.pk}",
                title=proposal.title,
                link=proposal.get_absolute_url(),
                published=proposal.submitted_at,
                updated=proposal.submitted_at,
                summary=f"{proposer}\n{proposal.public_summary}",
                categories=(department.name,) if department else (),
            )
        )
    return entries
