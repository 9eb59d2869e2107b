"""Who may do what with calls and proposals: named predicates (django-rules).

Workflow moves are decided by the table in workflow.py; these cover the rest.
"""

import rules

from organizations.permissions import is_city_staff, is_office_or_city_staff, is_support_staff
from proposals.proposals.workflow import PROPOSER, roles_of

THREAD_OPEN = {"consultation", "submitted", "screening", "open_review", "returned"}


@rules.predicate
def is_proposer(user, proposal) -> bool:
    return proposal is not None and PROPOSER in roles_of(user, proposal)


@rules.predicate
def is_editable(user, proposal) -> bool:
    return proposal is not None and proposal.is_editable


@rules.predicate
def thread_is_open(user, proposal) -> bool:
    return proposal is not None and proposal.status in THREAD_OPEN


@rules.predicate
def is_call_department_staff(user, call) -> bool:
    return (
        call is not None
        and user.is_authenticated
        and (user.is_superuser or (user.is_city_staff and user.department_id == call.department_id))
    )


rules.add_perm("proposals.create_proposal", rules.is_authenticated)
rules.add_perm("proposals.edit_proposal", is_proposer & is_editable)
rules.add_perm(
    "proposals.post_consultation", (is_proposer | is_office_or_city_staff) & thread_is_open
)
rules.add_perm("proposals.use_work_queue", is_office_or_city_staff)
rules.add_perm("proposals.assign_department", is_city_staff | is_support_staff)
rules.add_perm("proposals.create_call", is_city_staff)
rules.add_perm("proposals.edit_call", is_call_department_staff)
rules.add_perm("proposals.view_call_draft", is_city_staff)


# --- Open review -------------------------------------------------------------------


@rules.predicate
def is_assigned_reviewer(user, review_round) -> bool:
    return (
        review_round is not None
        and user.is_authenticated
        and review_round.assignments.filter(reviewer=user).exists()
    )


@rules.predicate
def reviews_proposal(user, proposal) -> bool:
    """A reviewer assigned to a round that reviews this proposal (they read it whole, files too)."""
    from proposals.review.models import ReviewerAssignment

    return (
        proposal is not None
        and user.is_authenticated
        and user.is_reviewer
        and ReviewerAssignment.objects.filter(
            reviewer=user, round__entries__proposal=proposal
        ).exists()
    )


rules.add_perm("proposals.manage_review", is_city_staff)
rules.add_perm("proposals.score_in_round", is_assigned_reviewer)
# Budget details, attachments and the consultation thread: never public. Assigned
# reviewers read the whole proposal (they score it), but never post in the thread.
rules.add_perm(
    "proposals.view_private_parts", is_proposer | is_office_or_city_staff | reviews_proposal
)

# --- Collaboration projects ----------------------------------------------------------

rules.add_perm("proposals.manage_projects", is_city_staff)
