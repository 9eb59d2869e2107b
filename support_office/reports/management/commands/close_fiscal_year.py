"""Keep an ended fiscal year's office figures (run in April, e.g. from cron): idempotent."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kunitachi_kyodo.fiscal import fiscal_year
from support_office.reports import selectors, services


class Command(BaseCommand):
    help = "Keep the office's figures of an ended fiscal year (default: the last ended one)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="the fiscal year (its Western start year)")

    def handle(self, *args, year=None, **options):
        year = year if year is not None else fiscal_year() - 1
        if selectors.closed_year(year) is not None:
            self.stdout.write(f"FY{year} is already closed; nothing changed.")
            return
        try:
            closed = services.fiscal_year_close(year=year)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        self.stdout.write(f"FY{year} closed with {closed.figures.count()} figures.")
