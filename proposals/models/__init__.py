"""The collaboration lifecycle, one module per stage (see DESIGN.md)."""

from .guideline import CollaborationRule, GuidelinePage, GuidelineRevision, ProjectForm

__all__ = ["CollaborationRule", "GuidelinePage", "GuidelineRevision", "ProjectForm"]
