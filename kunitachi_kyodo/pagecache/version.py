"""The data version: a number that grows whenever something a public page may show changes.

Kept in the database (a sequence on PostgreSQL, one row on SQLite), never in a process's
memory, so with several app servers each sees a bump at once. A write draws a new version
immediately (the writer's own connection, and a test's transaction, see it) and, when it is
inside a transaction, once more after the commit: a page kept under a version drawn before
the commit may show the old data, but every reader that sees the post-commit version also
sees the committed data, and no one reads the older keys again. A rolled-back write leaves
a spare bump, which costs one page render. On PostgreSQL `nextval` takes no row lock, so
concurrent writers neither queue nor deadlock on it.

Saves of models no public page shows (sessions, logins, the audit trail of logins, task
results, notifications, the search's own documents, the private apps) draw nothing.
"""

import hashlib
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from kunitachi_kyodo import workflow

SEQUENCE = "pagecache_data_version"

# Apps whose every record is private by the portal's rules: a consultation or a talent-bank
# entry is never on a public page, in a feed, in search or in open data. Neither their saves
# nor the POSTs of their screens change a public page, so the support office's daily work
# does not empty the cache citizens read from.
PRIVATE_APPS = {"consultations", "talent"}

# app labels (or "app_label.model") whose writes never change a public page.
PRIVATE = PRIVATE_APPS | {
    "sessions",
    "admin",
    "axes",
    "django_tasks_db",
    "contenttypes",
    "auth.permission",
    "notifications",
    "search",  # rewritten with the object it indexes, which bumps already
    "pagecache",
    "migrations",  # the migration recorder
}
_ready = False  # the sequence (or row's table) exists: known once, true from then on


def _exists() -> bool:
    """False while the database is being migrated up to this app (a write then bumps nothing)."""
    global _ready
    if not _ready:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [SEQUENCE])
            else:
                cursor.execute(
                    "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'pagecache_dataversion'"
                )
            _ready = bool(cursor.fetchone()[0])
    return _ready


def _draw() -> None:
    if not _exists():
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT nextval('{SEQUENCE}')")
        else:
            cursor.execute("UPDATE pagecache_dataversion SET value = value + 1 WHERE id = 1")
            if cursor.rowcount == 0:  # the row is gone (a flushed test database)
                cursor.execute("INSERT INTO pagecache_dataversion (id, value) VALUES (1, 1)")


def bump() -> None:
    """A new data version now and, if inside a transaction, again once it commits."""
    _draw()
    if connection.in_atomic_block:
        transaction.on_commit(_draw)


_known: ContextVar[int | None] = ContextVar("data_version_read", default=None)  # `reading`


@contextmanager
def reading(value: int):
    """Within a public GET whose version the page cache has read: `versioned` reuses it."""
    token = _known.set(value)
    try:
        yield
    finally:
        _known.reset(token)


def current() -> int:
    """The data version (one indexed read; never cached in the process)."""
    if not _exists():
        return 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT last_value, is_called FROM {SEQUENCE}")
            value, called = cursor.fetchone()
            return value if called else 0
        cursor.execute("SELECT value FROM pagecache_dataversion WHERE id = 1")
        row = cursor.fetchone()
        return row[0] if row else 0


def latest() -> int:
    """The version this public GET already read, else `current()`."""
    known = _known.get()
    return current() if known is None else known


def versioned(key: str, compute: Callable, *, timeout: int = 3600, at: int | None = None):
    """`compute()`, kept in the cache until the data version changes (e.g. facet counts).

    `at`: the version already read (several figures of one page read it once).
    """
    digest = hashlib.sha256(key.encode()).hexdigest()  # any text, any cache backend
    full_key = f"versioned:{latest() if at is None else at}:{digest}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


def _is_private(model) -> bool:
    meta = model._meta
    return meta.app_label in PRIVATE or meta.label_lower in PRIVATE


def _saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if _is_private(sender) or sender.__module__ == "__fake__":  # a migration's model
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # signing in shows on no public page
    bump()


def _deleted(sender, instance, **kwargs) -> None:
    if not _is_private(sender) and sender.__module__ != "__fake__":
        bump()


def _moved(sender, obj, **kwargs) -> None:
    if not _is_private(type(obj)):
        bump()


def _related(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear") and not _is_private(type(instance)):
        bump()


def listen() -> None:
    post_save.connect(_saved, dispatch_uid="pagecache.saved")
    post_delete.connect(_deleted, dispatch_uid="pagecache.deleted")
    m2m_changed.connect(_related, dispatch_uid="pagecache.related")
    workflow.moved.connect(_moved, dispatch_uid="pagecache.moved")
