"""The monthly newsletter: the month's published posts and the public dates ahead.

The dates come from the portal's one calendar of public dates (kunitachi_kyodo.public_dates):
call deadlines, briefings, open review sessions, and the office's events once its events app
registers them, without this app importing any of them.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.ical import Event
from kunitachi_kyodo.public_dates import public_dates

from . import selectors
from .models import Post
from .text import plain_text

# How far ahead the newsletter looks for dates.
AHEAD = datetime.timedelta(days=62)


@dataclass(frozen=True)
class Letter:
    month: datetime.date
    subject: str
    posts: list[Post]
    events: list[Event]


def _absolute(path: str) -> str:
    return path if "://" in path else settings.SITE_URL.rstrip("/") + path


def upcoming_dates(now=None) -> list[Event]:
    now = now or timezone.now()
    return [
        event
        for event in public_dates(absolute=_absolute, now=now)
        if now <= event.starts_at < now + AHEAD
    ]


def build(month: datetime.date, *, now=None) -> Letter:
    month = month.replace(day=1)
    return Letter(
        month=month,
        subject=_("支援室だより %(year)s年%(month)s月号")
        % {"year": month.year, "month": month.month},
        posts=selectors.posts_published_in(month),
        events=upcoming_dates(now),
    )


def context_of(letter: Letter, *, unsubscribe_url: str) -> dict:
    return {
        "subject": letter.subject,
        "posts": [
            {
                "title": post.title,
                "publisher": post.publisher_name,
                "category": post.get_category_display(),
                "summary": plain_text(post.body, 160),
                "url": _absolute(post.get_absolute_url()),
            }
            for post in letter.posts
        ],
        "events": [
            {
                "summary": event.summary,
                "starts_at": timezone.localtime(event.starts_at),
                "location": event.location,
                "url": event.url,
            }
            for event in letter.events
        ],
        "unsubscribe_url": unsubscribe_url,
        "SITE_NAME": settings.SITE_NAME,
    }


def text_of(letter: Letter, *, unsubscribe_url: str) -> str:
    return render_to_string(
        "support_office/news/email/newsletter_body.txt",
        context_of(letter, unsubscribe_url=unsubscribe_url),
    )
