"""`manage.py expire_unconfirmed_accounts`: remove registrations whose link was never opened.

Run it once a day (cron or a systemd timer), next to send_report_reminders. An unconfirmed
registration never blocks its address anyway (signing up again sends a new link); this only
keeps addresses nobody confirmed from lingering in the database.
"""

from django.core.management.base import BaseCommand

from organizations.services import unconfirmed_accounts_expire


class Command(BaseCommand):
    help = (
        "確認されないまま有効期限を過ぎた登録を削除します。/ Remove registrations never confirmed."
    )

    def handle(self, *args, **options):
        count = unconfirmed_accounts_expire()
        self.stdout.write(f"{count} 件の未確認の登録を削除しました。/ Removed {count}.")
