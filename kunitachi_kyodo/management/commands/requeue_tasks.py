"""Put back in the queue the tasks a dead worker left marked as running.

`manage.py db_worker` marks a task as running when it takes it and as done when it has run
it. A worker killed in between (kill -9, a power cut) leaves the task "running" for ever, so
its e-mail would never be sent. Run this before starting a worker with the same
`--worker-id` (deploy/systemd/kyodo-worker@.service does): since that worker is not running,
whatever it still holds is unfinished, and is queued again.

A task that had sent its mail in the instant before the kill is sent a second time; a
lost notification would be worse.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Requeue the tasks left running by a worker that is no longer running."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id", required=True, help="the id the dead worker ran with (db_worker)"
        )

    def handle(self, *, worker_id: str, **options):
        with transaction.atomic():
            held = [
                row
                for row in DBTaskResult.objects.select_for_update().filter(
                    status=TaskResultStatus.RUNNING
                )
                if row.worker_ids and row.worker_ids[-1] == worker_id
            ]
            for row in held:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
        self.stdout.write(f"requeue_tasks: {len(held)} task(s) of worker {worker_id} queued again")
