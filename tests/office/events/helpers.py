"""Events for the tests, made directly in the state a test needs."""

import datetime

from django.utils import timezone

from support_office.events.models import Event


def make_event(*, created_by, days=7, capacity=10, status=Event.Status.PUBLISHED, **fields):
    """An event `days` from now (negative: in the past), registration open until the day before."""
    starts = timezone.now() + datetime.timedelta(days=days)
    values = {
        "title": "NPO入門講座",
        "kind": Event.Kind.LECTURE,
        "description": "NPOの始め方と運営の基本を学びます。",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "place": "くにたち市民協働センター 会議室",
        "address": "東京都国立市富士見台2-1-1",
        "capacity": capacity,
        "registration_deadline": starts - datetime.timedelta(days=1),
        "audience": "どなたでも",
        "fee": "無料",
        "contact": "NPO活動支援室 042-000-0000",
        "status": status,
        "created_by": created_by,
        "published_at": timezone.now() if status != Event.Status.DRAFT else None,
    }
    values.update(fields)
    return Event.objects.create(**values)
