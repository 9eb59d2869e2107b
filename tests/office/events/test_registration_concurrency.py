"""No overbooking: many people registering for the last seats at the same moment.

Each thread registers through the service on its own database connection, all released at
once by a barrier; counting the seats is slowed down so that, without the event's row lock,
every thread would count the same free seats and all be confirmed. PostgreSQL only: SQLite
runs one write transaction at a time, so it cannot show the race the lock prevents.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from support_office.events import services
from support_office.events.models import Event, Registration
from tests.factories import UserFactory

from .helpers import make_event

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the row lock is tested on PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

PEOPLE = 16
CAPACITY = 5


def test_many_registering_at_once_never_exceed_the_capacity(monkeypatch):
    office = UserFactory(support_staff=True)
    event = make_event(created_by=office, capacity=CAPACITY)
    people = [UserFactory() for _ in range(PEOPLE)]
    sizes = [1 + (number % 2) for number in range(PEOPLE)]  # singles and pairs
    counted = Event.seats_taken

    def slow_count(self):
        taken = counted(self)
        time.sleep(0.05)  # the window in which an unlocked count would go stale
        return taken

    monkeypatch.setattr(Event, "seats_taken", slow_count)
    barrier = threading.Barrier(PEOPLE)

    def register(index):
        try:
            barrier.wait()
            return services.registration_create(
                event=event, user=people[index], party_size=sizes[index]
            ).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        statuses = list(pool.map(register, range(PEOPLE)))

    registrations = Registration.objects.filter(event=event)
    confirmed = sum(
        r.party_size for r in registrations if r.status == Registration.Status.CONFIRMED
    )
    assert len(statuses) == registrations.count() == PEOPLE
    assert confirmed <= CAPACITY
    # Demand far exceeds the seats: they are all taken, the rest wait.
    assert confirmed >= CAPACITY - 1
    assert (
        statuses.count(Registration.Status.WAITING)
        == registrations.filter(status=Registration.Status.WAITING).count()
    )
    assert counted(Event.objects.get(pk=event.pk)) <= CAPACITY
