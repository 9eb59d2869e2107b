"""The office's statistics (all years, charts) and its annual report (年次報告), per fiscal year.

Both are public and drawn from the metric registry: whatever office metrics are registered
appear, with their definitions next to the numbers.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kunitachi_kyodo.charts import bar_chart
from kunitachi_kyodo.fiscal import FIRST_YEAR, LAST_YEAR, fiscal_year, fiscal_year_label
from kunitachi_kyodo.metrics import all_metrics

from . import selectors


def statistics(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "support_office/reports/statistics.html",
        {
            "charts": [
                bar_chart(metric, selectors.rows_of(metric)) for metric in all_metrics("office")
            ],
            "years": [(year, fiscal_year_label(year)) for year in selectors.report_years()],
        },
    )


def annual_report(request: HttpRequest, year: int) -> HttpResponse:
    if not FIRST_YEAR <= year <= LAST_YEAR or year > fiscal_year():
        raise Http404
    figures, closed = selectors.figures_of_year(year)
    return render(
        request,
        "support_office/reports/annual_report.html",
        {
            "year": year,
            "year_label": fiscal_year_label(year),
            "figures": figures,
            "closed": closed,
            "is_current": year == fiscal_year(),
        },
    )
