"""The demo's past fiscal years are closed, as the daily job would have done each April, so
their annual reports read the kept figures (and say so); the current year stays live."""

import datetime

from django.utils import timezone

from kunitachi_kyodo.fiscal import fiscal_year

from .models import ClosedFiscalYear
from .services import fiscal_year_close

PAST_YEARS = 2


def seed(command) -> None:
    current = fiscal_year()
    for year in range(current - PAST_YEARS, current):
        if not ClosedFiscalYear.objects.filter(fiscal_year=year).exists():
            closed_at = timezone.make_aware(datetime.datetime(year + 1, 4, 10, 9))
            fiscal_year_close(year=year, now=closed_at)
