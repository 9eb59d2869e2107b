"""`manage.py close_stale_requests`: run once a day (cron or a systemd timer).

Warns the posters of requests whose date is near, closes the requests past it (終了), and
moves talent bank entries past their period to 期間満了.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from support_office.coordination.services import close_stale_requests
from support_office.talent.services import expire_entries


class Command(BaseCommand):
    help = "募集期限が近い依頼に予告を送り、過ぎた依頼と期間満了の人材バンク登録を終了します。/ Close stale requests."

    def handle(self, *args, **options):
        today = timezone.localdate()
        warned, closed = close_stale_requests(today=today)
        expired = expire_entries(today=today)
        self.stdout.write(
            f"予告 {warned} 件、終了 {closed} 件、期間満了 {expired} 件。/ "
            f"Warned {warned}, closed {closed}, expired {expired}."
        )
