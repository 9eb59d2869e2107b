import unicodedata

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import ActivityField, District, Kind, Organization


def normalize_query(value: str) -> str:
    # NFKC folds full-width Latin letters and digits and half-width kana, so
    # "ＮＰＯ" finds "NPO" and "ｸﾆﾀﾁ" finds "クニタチ".
    return unicodedata.normalize("NFKC", value).strip()


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("キーワード"), method="filter_keyword")
    kind = django_filters.ChoiceFilter(
        label=_("団体の種類"), choices=Kind.choices, empty_label=_("すべて")
    )
    field = django_filters.ModelChoiceFilter(
        label=_("活動分野"),
        field_name="fields",
        queryset=ActivityField.objects.all(),
        empty_label=_("すべて"),
    )
    district = django_filters.ModelChoiceFilter(
        label=_("活動地域"),
        field_name="districts",
        queryset=District.objects.all(),
        empty_label=_("すべて"),
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "field", "district"]

    def filter_keyword(self, queryset, name, value):
        value = normalize_query(value)
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(name_kana__icontains=value)
            | Q(purpose__icontains=value)
            | Q(activities__icontains=value)
        )

    @property
    def qs(self):
        # Filtering across the many-to-many fields can repeat a row.
        return super().qs.distinct()


class OrganizationReviewFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("確認状況"), choices=Organization.Status.choices, empty_label=_("すべて")
    )

    class Meta:
        model = Organization
        fields = ["status"]
        form = forms.Form
