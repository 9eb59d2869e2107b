"""What the office's events add to the portal's public calendar, and each event as iCal."""

from django.utils.translation import gettext as _

from kunitachi_kyodo import ical
from kunitachi_kyodo.public_dates import dates_from

from .models import Event


def event_as_ical(event: Event, *, absolute) -> ical.Event:
    """An event for calendars: the same UID in its own file, the office's and the portal's."""
    lines = [
        "{}：{}".format(_("種類"), event.get_kind_display()),
        "{}：{}".format(_("対象"), event.audience),
        "{}：{}".format(_("定員"), _("%(n)s人") % {"n": event.capacity}),
        event.fee and "{}：{}".format(_("参加費"), event.fee),
        "{}：{}".format(_("問い合わせ先"), event.contact),
    ]
    summary = event.title
    if event.status == Event.Status.CANCELLED:
        summary = _("【中止】%(title)s") % {"title": event.title}
    return ical.Event(
        uid=ical.uid(f"office-event-{event.pk}"),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        summary=summary,
        location=event.location,
        description="\n".join(line for line in lines if line),
        url=absolute(event.get_absolute_url()),
    )


@dates_from
def public_events(*, since, absolute) -> list[ical.Event]:
    events = Event.objects.taking_place().filter(ends_at__gte=since).order_by("starts_at", "pk")
    return [event_as_ical(event, absolute=absolute) for event in events]
