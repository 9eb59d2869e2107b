"""A thing's record, from every stage that concerns it: the audit rows, in time order.

Rule 5 of the guideline asks for disclosure at every stage; here that is a query.
A proposal's public timeline starts with its call's publication (calls), goes
through its own moves (proposals) and its review round's publication (review);
a project's continues with its own moves and the publication of its evaluations.
Each app registers the rows it holds about a thing (`contributes_to`), so the app
that shows a page never imports a later stage.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

_SOURCES: dict[str, list[Callable]] = defaultdict(list)


def contributes_to(model_label: str):
    """Register `fn(obj, *, private: bool) -> audit rows (each with .label)` for a model."""

    def register(fn):
        _SOURCES[model_label.lower()].append(fn)
        return fn

    return register


def timeline_of(obj, *, private: bool = False) -> list:
    """Every registered stage's rows about obj; `private` adds obj's own non-public rows."""
    rows: list = []
    for source in _SOURCES[obj._meta.label_lower]:
        rows.extend(source(obj, private=private))
    return sorted(rows, key=lambda row: row.created_at)


def audit_rows(obj, related_name: str, *, private: bool = False):
    """obj's audit rows (public ones unless `private`): from the page's prefetch when it made
    one (a project page prefetches them for its rule checks: no second query), else queried."""
    prefetched = getattr(obj, "_prefetched_objects_cache", {}).get(related_name)
    if prefetched is not None:
        return [row for row in prefetched if private or row.is_public]
    rows = getattr(obj, related_name).select_related("actor")
    return rows if private else rows.public()


def labelled(rows: Iterable, workflow) -> list:
    """Audit rows with the wording people read (the table's public label, or the event's)."""
    rows = list(rows)
    for row in rows:
        row.label = workflow.describe(row)
        # An event's comment is already in its label; a move's comment is its reason.
        row.reason = "" if row.action in workflow.events else row.comment
    return rows
