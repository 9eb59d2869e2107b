"""Read-only admin pages for what the lifecycle has frozen.

The services refuse to change a submitted score sheet, a published round, a submitted
evaluation, a confirmed agreement, a finished project's published direction or a submitted
report. The admin says the same: such a row is shown, not changed, deleted or added to.
An inline is judged by its parent (Django passes the parent object to an inline's checks).
"""

from django.contrib import admin

from ..models import Agreement, Direction, Evaluation, Report, ReviewRound, ScoreSheet


def sheet_is_frozen(sheet: ScoreSheet) -> bool:
    return sheet.submitted_at is not None or sheet.round.is_published


def round_is_frozen(review_round: ReviewRound) -> bool:
    return review_round.is_published


def evaluation_is_frozen(evaluation: Evaluation) -> bool:
    return evaluation.submitted_at is not None  # and so a published one


def agreement_is_frozen(agreement: Agreement) -> bool:
    return agreement.is_locked or agreement.project.is_finished


def direction_is_frozen(direction: Direction) -> bool:
    return direction.is_frozen


def report_is_frozen(report: Report) -> bool:
    return report.submitted_at is not None


class FrozenMixin:
    """A model admin or inline whose object (an inline's parent) is read-only once frozen."""

    @staticmethod
    def is_frozen(obj) -> bool:
        raise NotImplementedError

    def _frozen(self, obj) -> bool:
        return obj is not None and self.is_frozen(obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


class FrozenInlineMixin(FrozenMixin):
    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)


class FrozenModelAdmin(FrozenMixin, admin.ModelAdmin):
    pass


class FrozenTabularInline(FrozenInlineMixin, admin.TabularInline):
    pass
