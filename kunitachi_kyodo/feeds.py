"""Atom feeds of what each stage makes public: one entry shape, one feed shape, by registration.

Each stage says what it publishes (`publishes`): calls their publication, proposals their
submission, review the publication of a round's results, projects the public rows of their
record. A feed reads every registered kind, or some, for the whole city, one department or
one activity field, so the page that serves the feeds never imports a stage, and a later
stage (the support office's news) adds its entries the same way.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

# A feed reader shows the latest entries; older ones stay on the pages and in the open data.
LATEST = 50


@dataclass(frozen=True)
class Scope:
    """What a feed covers: the whole city, one department, or one activity field (by pk)."""

    department_id: int | None = None
    field_id: int | None = None
    name: str = ""  # the department's or field's name, for the feed's title


@dataclass(frozen=True)
class Entry:
    """One public event. `key` names it for good (a reader keeps its entry when it changes)."""

    key: str
    title: str
    link: str
    published: datetime.datetime
    updated: datetime.datetime
    summary: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str  # what the entries are, said as a heading ("新しい事業提案")
    entries: Callable[..., Iterable[Entry]]  # fn(scope: Scope, *, limit: int) -> entries


_KINDS: dict[str, Kind] = {}


def publishes(slug: str, label):
    """Register `fn(scope, *, limit) -> entries` (newest first) as the feed kind `slug`."""

    def register(fn):
        _KINDS[slug] = Kind(slug, label, fn)
        return fn

    return register


def kinds() -> list[Kind]:
    """Every kind of entry, in INSTALLED_APPS order (calls, proposals, review, projects, …)."""
    return list(_KINDS.values())


def kind(slug: str) -> Kind | None:
    return _KINDS.get(slug)


def latest_entries(kinds_: Iterable[Kind], scope: Scope) -> list[Entry]:
    """The newest LATEST entries of these kinds in the scope: one query per kind."""
    limit = LATEST
    entries = [entry for each in kinds_ for entry in each.entries(scope, limit=limit)]
    return sorted(entries, key=lambda entry: (entry.published, entry.key), reverse=True)[:limit]


def entry_id(key: str) -> str:
    """A permanent Atom id (a tag URI, RFC 4151) that survives a change of the page's address."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{host},2024:{key}"


class EntriesFeed(Feed):
    """The portal's Atom feed: the city is the author (Atom requires one), entries as registered.

    A subclass names its `title`, `link` and `subtitle`, and which kinds (`slugs`, all when
    empty); `get_object` returns the Scope (a department's or a field's feed looks it up: 404).
    """

    feed_type = Atom1Feed
    slugs: tuple[str, ...] = ()

    def get_object(self, request, *args, **kwargs) -> Scope:
        return Scope()

    def author_name(self):
        return settings.CITY_NAME

    def author_link(self):
        return settings.SITE_URL

    def items(self, scope: Scope) -> list[Entry]:
        chosen = [_KINDS[slug] for slug in self.slugs] if self.slugs else kinds()
        return latest_entries(chosen, scope)

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.summary

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return entry_id(item.key)

    def item_pubdate(self, item: Entry):
        return item.published

    def item_updateddate(self, item: Entry):
        return item.updated

    def item_categories(self, item: Entry) -> tuple[str, ...]:
        return item.categories
