"""Filters of the coordination board (django-filter): kind, field, district, state."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy

from organizations.models import ActivityField, District

from .models import CoordinationRequest, Kind

PUBLIC_STATES = [
    (CoordinationRequest.Status.PUBLISHED, CoordinationRequest.Status.PUBLISHED.label),
    (CoordinationRequest.Status.MATCHED, CoordinationRequest.Status.MATCHED.label),
    (CoordinationRequest.Status.CLOSED, CoordinationRequest.Status.CLOSED.label),
]


class BoardFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("種類"), choices=Kind.choices, empty_label=gettext_lazy("すべて")
    )
    field = django_filters.ModelChoiceFilter(
        label=gettext_lazy("活動分野"),
        field_name="fields",
        queryset=ActivityField.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("地域"),
        field_name="districts",
        queryset=District.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"), choices=PUBLIC_STATES, empty_label=gettext_lazy("すべて")
    )

    class Meta:
        model = CoordinationRequest
        fields = ["kind", "field", "district", "status"]
        form = forms.Form


class OfficeFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=CoordinationRequest.Status.choices,
        empty_label=gettext_lazy("すべて"),
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("種類"), choices=Kind.choices, empty_label=gettext_lazy("すべて")
    )

    class Meta:
        model = CoordinationRequest
        fields = ["status", "kind"]
        form = forms.Form
