"""Actions on the collaboration lifecycle, one module per stage. Views and commands call these.

`proposal_transition` is the only writer of a proposal's status.
"""

from .calls import call_close, call_publish, call_save
from .projects import (
    agreement_confirm,
    agreement_missing,
    agreement_new_version,
    agreement_save,
    confirmed_agreement,
    direction_decide,
    direction_publish,
    evaluation_publish,
    evaluation_save,
    may_write_evaluation,
    project_create,
    project_create_from_proposal,
    project_transition,
    report_request,
    report_save,
    send_report_reminders,
)
from .proposals import (
    attachment_add,
    consultation_post,
    proposal_assign_department,
    proposal_create,
    proposal_transition,
    proposal_update,
)
from .review import (
    conflict_declare,
    entry_decide,
    missing_sheets,
    reviewer_assign,
    round_add_proposal,
    round_publish,
    round_start_scoring,
    sheet_save,
)

__all__ = [
    "agreement_confirm",
    "agreement_missing",
    "agreement_new_version",
    "agreement_save",
    "confirmed_agreement",
    "direction_decide",
    "direction_publish",
    "evaluation_publish",
    "evaluation_save",
    "may_write_evaluation",
    "project_create",
    "project_create_from_proposal",
    "project_transition",
    "report_request",
    "report_save",
    "send_report_reminders",
    "conflict_declare",
    "entry_decide",
    "missing_sheets",
    "reviewer_assign",
    "round_add_proposal",
    "round_publish",
    "round_start_scoring",
    "sheet_save",
    "attachment_add",
    "call_close",
    "call_publish",
    "call_save",
    "consultation_post",
    "proposal_assign_department",
    "proposal_create",
    "proposal_transition",
    "proposal_update",
]
