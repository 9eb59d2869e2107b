"""What calls add to the public calendar: their deadlines and their briefings (説明会)."""

from django.utils.translation import gettext as _

from kunitachi_kyodo import ical
from kunitachi_kyodo.public_dates import dates_from

from . import selectors
from .models import Call, CallBriefing


def briefing_event(briefing: CallBriefing, call: Call, *, absolute) -> ical.Event:
    """A briefing as a calendar event: the same UID in its own file and in the portal's calendar."""
    lines = [
        briefing.note,
        briefing.capacity and _("定員：%(capacity)s") % {"capacity": briefing.capacity},
    ]
    if briefing.online_url:
        lines.append(_("オンライン参加：%(url)s") % {"url": briefing.online_url})
    return ical.Event(
        uid=ical.uid(f"call-briefing-{briefing.pk}"),
        starts_at=briefing.starts_at,
        ends_at=briefing.ends_at,
        summary=_("%(title)s 説明会") % {"title": call.title},
        location=briefing.place,
        description="\n".join(line for line in lines if line),
        url=absolute(briefing.get_absolute_url()),
    )


@dates_from
def deadlines_and_briefings(*, since, absolute) -> list[ical.Event]:
    calls, briefings = selectors.public_dates_of_calls(since)
    deadlines = [
        ical.Event(
            uid=ical.uid(f"call-deadline-{call.pk}"),
            starts_at=call.closes_at,
            ends_at=None,  # a deadline is a moment
            summary=_("%(title)s 募集締切") % {"title": call.title},
            description=call.department.name,
            url=absolute(call.get_absolute_url()),
        )
        for call in calls
    ]
    return deadlines + [briefing_event(b, b.call, absolute=absolute) for b in briefings]
