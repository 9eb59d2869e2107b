"""Remind confirmed participants the day before their event (once each).

Run it daily, e.g. at 10:00 Japan time: `manage.py events_send_reminders`.
"""

from django.core.management.base import BaseCommand

from support_office.events.services import reminders_send


class Command(BaseCommand):
    help = "Send the day-before reminder to everyone confirmed for tomorrow's events."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent")
