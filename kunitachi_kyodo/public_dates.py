"""Every public date of the portal in one calendar, by registration.

Calls add their deadlines and briefings (説明会), review its announced sessions (公開審査会),
and the support office will add its events the same way (`dates_from`), so the calendar
that holds them all imports no stage, and the lifecycle never imports the office.
"""

import datetime
from collections.abc import Callable, Iterable

from django.utils import timezone

from kunitachi_kyodo.ical import Event

# A subscribed calendar keeps what it has already shown; a year back is enough to see the
# season's dates again, and keeps the file bounded as the years pass.
LOOK_BACK = datetime.timedelta(days=365)

_SOURCES: list[Callable[..., Iterable[Event]]] = []


def dates_from(fn):
    """Register `fn(*, since, absolute) -> events` (absolute turns a path into a full URL)."""
    _SOURCES.append(fn)
    return fn


def public_dates(*, absolute: Callable[[str], str], now=None) -> list[Event]:
    """Every registered stage's public dates from a year ago on, earliest first."""
    since = (now or timezone.now()) - LOOK_BACK
    events = [event for source in _SOURCES for event in source(since=since, absolute=absolute)]
    return sorted(events, key=lambda event: (event.starts_at, event.uid))
