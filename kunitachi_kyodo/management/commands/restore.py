from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kunitachi_kyodo import backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by `backup` into an empty system, after verifying every "
        "checksum; the row counts are checked against the manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="the backup's folder")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete every row and uploaded file already there before restoring",
        )

    def handle(self, *args, folder: Path, replace: bool, **options):
        try:
            summary = backup.restore(folder, replace=replace)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored from {folder}: {summary.rows} rows in {summary.tables} tables, "
            f"{summary.files} files"
        )
