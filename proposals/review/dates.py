"""What open review adds to the public calendar: its announced sessions (公開審査会)."""

from django.utils.translation import gettext as _

from kunitachi_kyodo import ical
from kunitachi_kyodo.public_dates import dates_from

from . import selectors
from .models import ReviewSession


def session_event(session: ReviewSession, *, absolute) -> ical.Event:
    """A session as a calendar event: the same UID in its own file and in the portal's calendar."""
    return ical.Event(
        uid=ical.uid(f"review-session-{session.pk}"),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        summary=_("%(title)s 公開審査会") % {"title": session.round.title},
        location=session.place,
        description=session.description,
        url=absolute(session.get_absolute_url()),
    )


@dates_from
def announced_sessions(*, since, absolute) -> list[ical.Event]:
    return [
        session_event(session, absolute=absolute)
        for session in selectors.announced_sessions_since(since)
    ]
