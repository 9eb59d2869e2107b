"""`manage.py send_report_reminders`: remind partners of reports that are due soon or overdue.

Run it once a day (cron or a systemd timer); a report is reminded at most once a week.
"""

from django.core.management.base import BaseCommand

from proposals.projects.services import send_report_reminders


class Command(BaseCommand):
    help = "提出期限が近い・過ぎた事業報告について、相手方に督促を送ります。/ Remind partners of reports due soon."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-ahead",
            type=int,
            default=7,
            help="期限まで何日以内の報告を督促するか（既定 7）。/ Remind reports due within this many days.",
        )

    def handle(self, *args, **options):
        count = send_report_reminders(days_ahead=options["days_ahead"])
        self.stdout.write(f"督促を {count} 件送りました。/ Sent {count} reminder(s).")
