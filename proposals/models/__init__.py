"""The collaboration lifecycle, one module per stage (see DESIGN.md)."""

from .calls import Call, CallAttachment
from .evaluation import Direction, Evaluation, GoalScore, RuleScore
from .guideline import CollaborationRule, GuidelinePage, GuidelineRevision, ProjectForm
from .projects import (
    Agreement,
    CollaborationProject,
    Indicator,
    Report,
    ReportAttachment,
    ReportValue,
    RoleShare,
)
from .proposals import (
    MAX_AMOUNT,
    BudgetLine,
    ConsultationMessage,
    Proposal,
    ProposalAttachment,
    ProposalRoleShare,
    StatusChange,
)
from .review import (
    ConflictOfInterest,
    Criterion,
    CriterionSet,
    ReviewEntry,
    ReviewerAssignment,
    ReviewRound,
    ReviewSession,
    Score,
    ScoreSheet,
)

__all__ = [
    "MAX_AMOUNT",
    "Agreement",
    "CollaborationProject",
    "Direction",
    "Evaluation",
    "GoalScore",
    "Indicator",
    "Report",
    "ReportAttachment",
    "ReportValue",
    "RoleShare",
    "RuleScore",
    "ConflictOfInterest",
    "Criterion",
    "CriterionSet",
    "ReviewEntry",
    "ReviewRound",
    "ReviewSession",
    "ReviewerAssignment",
    "Score",
    "ScoreSheet",
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
