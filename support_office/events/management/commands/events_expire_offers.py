"""Lapse the waiting list's offers (繰り上げ) not confirmed in time; the seats go to the next.

Run it often (e.g. every 10 minutes from cron or a systemd timer): `manage.py events_expire_offers`.
"""

from django.core.management.base import BaseCommand

from support_office.events.services import offers_expire


class Command(BaseCommand):
    help = "Expire unconfirmed waiting-list offers and offer the seats to the next parties."

    def handle(self, *args, **options):
        lapsed = offers_expire()
        self.stdout.write(f"{lapsed} offer(s) expired")
