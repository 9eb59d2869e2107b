"""Collaboration projects: the project and its agreement and reports; evaluations and direction."""

from .evaluation import Direction, Evaluation, GoalScore, RuleScore
from .projects import (
    Agreement,
    CollaborationProject,
    Indicator,
    ProjectStatus,
    ProjectStatusChange,
    Report,
    ReportAttachment,
    ReportValue,
    RoleShare,
)

__all__ = [
    "Agreement",
    "CollaborationProject",
    "Direction",
    "Evaluation",
    "GoalScore",
    "Indicator",
    "ProjectStatus",
    "ProjectStatusChange",
    "Report",
    "ReportAttachment",
    "ReportValue",
    "RoleShare",
    "RuleScore",
]
