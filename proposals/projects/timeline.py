"""A project's record: its proposal's (call, proposal, review), then its own moves and publications."""

from kunitachi_kyodo.timeline import audit_rows, contributes_to, labelled, timeline_of

from .workflow import PROJECT_WORKFLOW


@contributes_to("projects.collaborationproject")
def proposal_and_project(project, *, private: bool) -> list:
    rows = labelled(audit_rows(project, "status_changes"), PROJECT_WORKFLOW)
    if project.proposal_id:
        rows += timeline_of(project.proposal)
    return rows
