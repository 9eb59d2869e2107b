"""Filters of the call lists (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy

from organizations.models import Department
from proposals.calls.models import Call, CallQuestion
from proposals.guideline.models import ProjectForm

OPEN, UPCOMING, ENDED = "open", "upcoming", "ended"
PHASE_LABELS = {
    OPEN: gettext_lazy("募集中"),
    UPCOMING: gettext_lazy("募集予定"),
    ENDED: gettext_lazy("募集終了"),
}


def public_departments(request):
    return Department.objects.filter(calls__in=Call.objects.public()).distinct()


def active_forms(request):
    return ProjectForm.objects.filter(is_active=True).select_related("parent")


class CallFilter(django_filters.FilterSet):
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("募集の状況"),
        choices=list(PHASE_LABELS.items()),
        empty_label=gettext_lazy("すべて"),
        method="filter_period",
    )
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("担当課"),
        queryset=public_departments,
        empty_label=gettext_lazy("すべて"),
    )
    form = django_filters.ModelChoiceFilter(
        label=gettext_lazy("協働の形態"),
        queryset=active_forms,
        empty_label=gettext_lazy("すべて"),
        method="filter_form",
    )

    class Meta:
        model = Call
        fields = ["period", "department", "form"]

    def filter_period(self, queryset, name, value):
        return {
            OPEN: queryset.open_now,
            UPCOMING: queryset.upcoming,
            ENDED: queryset.ended,
        }[value]()

    def filter_form(self, queryset, name, value):
        # 事業協力 also finds the calls that name one of its kinds (経費負担, 人的支援, ...).
        return queryset.filter(Q(forms=value) | Q(forms__parent=value)).distinct()


class StaffCallFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"), choices=Call.Status.choices, empty_label=gettext_lazy("すべて")
    )
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("担当課"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )

    class Meta:
        model = Call
        fields = ["status", "department"]
        form = forms.Form


class QuestionFilter(django_filters.FilterSet):
    """The staff's list of questions: waiting ones unless another state is chosen."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=CallQuestion.Status.choices,
        empty_label=gettext_lazy("すべて"),
    )

    class Meta:
        model = CallQuestion
        fields = ["status"]
        form = forms.Form
