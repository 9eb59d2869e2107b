"""The collaboration lifecycle, one module per stage (see DESIGN.md)."""

from .calls import Call, CallAttachment
from .guideline import CollaborationRule, GuidelinePage, GuidelineRevision, ProjectForm
from .proposals import (
    BudgetLine,
    ConsultationMessage,
    Proposal,
    ProposalAttachment,
    ProposalRoleShare,
    StatusChange,
)

__all__ = [
    "BudgetLine",
    "Call",
    "CallAttachment",
    "CollaborationRule",
    "ConsultationMessage",
    "GuidelinePage",
    "GuidelineRevision",
    "ProjectForm",
    "Proposal",
    "ProposalAttachment",
    "ProposalRoleShare",
    "StatusChange",
]
