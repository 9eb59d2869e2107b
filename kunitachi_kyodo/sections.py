"""What later stages show on an earlier stage's page: template context, by registration.

A proposal's page shows its review results and the project it became; the review and
projects apps register what they add (`adds_to`), like the timeline's rows, so the
proposals app that draws the page never imports a later stage.
"""

from collections import defaultdict
from collections.abc import Callable

_SOURCES: dict[str, list[Callable]] = defaultdict(list)


def adds_to(page: str):
    """Register `fn(obj, *, user) -> dict` of template context for a page (its URL name)."""

    def register(fn):
        _SOURCES[page].append(fn)
        return fn

    return register


def sections_of(page: str, obj, *, user) -> dict:
    """The context every registered stage adds to the page about obj."""
    context: dict = {}
    for source in _SOURCES[page]:
        context.update(source(obj, user=user))
    return context
