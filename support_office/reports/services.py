"""Closing a fiscal year: its figures are kept as computed on that day."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.fiscal import fiscal_year, fiscal_year_label

from . import selectors
from .models import ClosedFigure, ClosedFiscalYear


def fiscal_year_close(*, year: int, now=None) -> ClosedFiscalYear:
    """Keep every office metric's figures for an ended fiscal year (once)."""
    now = now or timezone.now()
    if year >= fiscal_year(now):
        raise ValidationError(
            _("%(year)sはまだ終わっていません。年度が終わってから確定してください。")
            % {"year": fiscal_year_label(year)}
        )
    figures = selectors.live_figures(year)
    try:
        with transaction.atomic():
            closed = ClosedFiscalYear.objects.create(fiscal_year=year, closed_at=now)
            ClosedFigure.objects.bulk_create(
                ClosedFigure(
                    closed_year=closed,
                    slug=figure.slug,
                    title=figure.title,
                    definition=figure.definition,
                    unit=figure.unit,
                    by=figure.by,
                    series=list(figure.series),
                    rows=[
                        {"label": row.label, "values": [selectors.stored(v) for v in row.values]}
                        for row in figure.rows
                    ],
                    order=position,
                )
                for position, figure in enumerate(figures)
            )
    except IntegrityError:
        raise ValidationError(
            _("%(year)sはすでに確定しています。") % {"year": fiscal_year_label(year)}
        ) from None
    return closed
