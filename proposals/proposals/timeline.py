"""What the proposals stage adds to a proposal's record: its call's publication, its own moves."""

from kunitachi_kyodo.timeline import audit_rows, contributes_to, labelled
from proposals.calls.workflow import CALL_WORKFLOW

from .workflow import PROPOSAL_WORKFLOW


@contributes_to("proposals.proposal")
def call_and_proposal_moves(proposal, *, private: bool) -> list:
    rows = labelled(audit_rows(proposal, "status_changes", private=private), PROPOSAL_WORKFLOW)
    if proposal.call_id:
        rows += labelled(proposal.call.status_changes.public(), CALL_WORKFLOW)
    return rows
