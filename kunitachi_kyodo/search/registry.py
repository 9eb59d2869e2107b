"""Which public objects each stage lets people find, and with which text: by registration.

A stage app says, in its own `search.py`, which of its objects are public (a queryset) and
what of each may be found (a `Document`); like the timeline's rows and マイページ's tasks,
so the search, which reads every stage, imports none.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Document:
    """What the search keeps of one public object: only what its public page shows."""

    title: str
    url: str
    snippet: str  # the public text shown under the title in the results
    text: str  # everything that may be found, including the title (and a reading)
    updated_at: datetime.datetime


@dataclass(frozen=True)
class Source:
    kind: str  # e.g. "proposal": stored with each document, names the kind in the results
    label: str  # what people call the kind (事業提案)
    model: type[Model]
    public: Callable[[], QuerySet]  # the public objects, fetched with what `document` reads
    document: Callable[[Model], Document]
    # Other models whose text a document shows: model -> fn(instance) -> ids of its objects.
    follows: dict = field(default_factory=dict)


_SOURCES: dict[str, Source] = {}


def indexes(
    *,
    kind: str,
    label,
    model: type[Model],
    public: Callable[[], QuerySet],
    follows: dict | None = None,
):
    """Register `fn(obj) -> Document` for the public objects of `model`, under `kind`.

    `follows` names the other models the document quotes (a proposal quotes its
    organization's name): a save of one of those rewrites the documents it returns ids of.
    """

    def register(fn):
        _SOURCES[kind] = Source(kind, label, model, public, fn, follows or {})
        return fn

    return register


def sources() -> list[Source]:
    """The registered sources, in INSTALLED_APPS order."""
    return list(_SOURCES.values())


def sources_of(model: type[Model]) -> list[Source]:
    return [source for source in _SOURCES.values() if source.model is model]


def followers_of(model: type[Model]) -> list[Source]:
    return [source for source in _SOURCES.values() if model in source.follows]


def label_of(kind: str) -> str:
    source = _SOURCES.get(kind)
    return str(source.label) if source else kind
