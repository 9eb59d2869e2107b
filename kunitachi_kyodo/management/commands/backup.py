from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kunitachi_kyodo import backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup into a new folder: every row (one transaction), every "
        "uploaded file (through the default storage) and a manifest of counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a new or empty folder")

    def handle(self, *args, folder: Path, **options):
        try:
            summary = backup.backup(folder)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"backup written to {folder}: {summary.rows} rows in {summary.tables} tables, "
            f"{summary.files} files"
        )
