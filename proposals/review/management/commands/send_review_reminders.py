"""`manage.py send_review_reminders`: remind reviewers of unsubmitted score sheets before a session.

Run it once a day (cron or a systemd timer). A reviewer is reminded at most once per public
review session, however often (or however many at once) the command runs.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from proposals.review.services import send_review_reminders


class Command(BaseCommand):
    help = (
        "公開審査会が近い審査回で、採点票を出し終えていない審査委員に督促を送ります。"
        "/ Remind reviewers of unsubmitted score sheets before a public review session."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-before",
            type=int,
            default=None,
            help=(
                "公開審査会の何日前から督促するか（既定は設定 PORTAL_REVIEW_REMINDER_DAYS_BEFORE、"
                "通常 3）。/ Remind this many days before a session (default: the setting, 3)."
            ),
        )

    def handle(self, *args, **options):
        days_before = options["days_before"]
        if days_before is None:
            days_before = settings.REVIEW_REMINDER_DAYS_BEFORE
        if days_before < 0:
            raise CommandError("--days-before は 0 以上にしてください。/ must be 0 or more.")
        count = send_review_reminders(days_before=days_before)
        self.stdout.write(f"督促を {count} 件送りました。/ Sent {count} reminder(s).")
