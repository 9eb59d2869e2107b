"""Helpers the review pages share."""

# Where a reviewer stands on one proposal: the same four states on the reviewer's list
# and on the staff's progress table.
SUBMITTED, DRAFT, CONFLICT, TODO = "submitted", "draft", "conflict", "todo"


def sheet_state(key, sheets: dict, conflicts: set) -> str:
    if key in conflicts:
        return CONFLICT
    if key in sheets:
        return SUBMITTED if sheets[key] else DRAFT
    return TODO
