"""iCalendar files (RFC 5545) for calendar applications: one writer for every kind of event.

A public review session (公開審査会) and a call's briefings (説明会) are sent the same way:
times in UTC (so no VTIMEZONE is needed), lines folded at 75 octets, and METHOD:PUBLISH only
when an organizer is named (RFC 5546 requires one for a published event). A calendar may
instead give its times in Japan time (`japan_time=True`): each DTSTART/DTEND names
TZID=Asia/Tokyo and the file carries that zone's VTIMEZONE, so calendar applications show
the local time and a subscribed calendar keeps it (the support office's events do this).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone


@dataclass(frozen=True)
class Organizer:
    """Who runs the events (a department): named by its e-mail address."""

    name: str
    email: str


@dataclass(frozen=True)
class Event:
    """One VEVENT. `uid` is stable for the thing it stands for (a calendar updates it in place).

    A moment such as a deadline has no end (`ends_at=None`): RFC 5545 wants DTEND after
    DTSTART, and an event without one ends when it starts.
    """

    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""


def ical_escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ical_fold(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def ical_param(value: str) -> str:
    """A parameter value (CN=…): quoted, as it may hold ; , or : (RFC 5545 3.2)."""
    return '"' + value.replace('"', "'") + '"'


def ical_time(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


JAPAN = "Asia/Tokyo"
# Japan has kept +09:00 without daylight saving since 1951: one STANDARD component says it all.
JAPAN_VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{JAPAN}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:JST",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def ical_japan_time(moment: datetime.datetime) -> str:
    """A DATE-TIME in Japan time, for a property with TZID=Asia/Tokyo."""
    return moment.astimezone(ZoneInfo(JAPAN)).strftime("%Y%m%dT%H%M%S")


def _when(name: str, moment: datetime.datetime, japan_time: bool) -> str:
    if japan_time:
        return f"{name};TZID={JAPAN}:{ical_japan_time(moment)}"
    return f"{name}:{ical_time(moment)}"


def uid(name: str) -> str:
    """A globally unique, stable UID: the thing's own name at the portal's host."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{name}@{host}"


def calendar_lines(
    events: Iterable[Event],
    *,
    product: str,
    organizer: Organizer | None = None,
    japan_time: bool = False,
    name: str = "",
) -> list[str]:
    """The unfolded content lines of a VCALENDAR holding `events`."""
    organizer_lines = (
        [f"ORGANIZER;CN={ical_param(organizer.name)}:mailto:{organizer.email}"]
        if organizer is not None and organizer.email
        else []
    )
    stamp = ical_time(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Kyodo Portal//{product}//JA",
        "CALSCALE:GREGORIAN",
        *(["METHOD:PUBLISH"] if organizer_lines else []),
        # The name a calendar application gives a subscribed calendar.
        *([f"X-WR-CALNAME:{ical_escape(name)}"] if name else []),
        *([f"X-WR-TIMEZONE:{JAPAN}", *JAPAN_VTIMEZONE] if japan_time else []),
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            *organizer_lines,
            f"DTSTAMP:{stamp}",
            _when("DTSTART", event.starts_at, japan_time),
            *([_when("DTEND", event.ends_at, japan_time)] if event.ends_at else []),
            f"SUMMARY:{ical_escape(event.summary)}",
            *([f"LOCATION:{ical_escape(event.location)}"] if event.location else []),
            *([f"DESCRIPTION:{ical_escape(event.description)}"] if event.description else []),
            *([f"URL:{event.url}"] if event.url else []),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return lines


def calendar_response(
    events: Iterable[Event],
    *,
    product: str,
    filename: str,
    organizer: Organizer | None = None,
    japan_time: bool = False,
    name: str = "",
) -> HttpResponse:
    """A .ics download of `events`, every line folded and ended in CRLF."""
    lines = calendar_lines(
        events, product=product, organizer=organizer, japan_time=japan_time, name=name
    )
    response = HttpResponse(
        "".join(ical_fold(line) + "\r\n" for line in lines),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
