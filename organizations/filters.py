import unicodedata

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search import selectors as search

from .models import ActivityField, District, Kind, Organization

# A keyword longer than this is no search anyone types; SQLite refuses a LIKE pattern past
# 50,000 bytes (finding: HTTP 500 on a 100,000-character keyword).
KEYWORD_MAX_LENGTH = 100


def normalize_query(value: str) -> str:
    # NFKC folds full-width Latin letters and digits and half-width kana, so
    # "ＮＰＯ" finds "NPO" and "ｷｮｳﾄﾞｳ" finds "キョウドウ".
    return unicodedata.normalize("NFKC", value).strip()


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("キーワード"), method="filter_keyword", max_length=KEYWORD_MAX_LENGTH
    )
    kind = django_filters.ChoiceFilter(
        label=_("団体の種類"), choices=Kind.choices, empty_label=_("すべて")
    )
    field = django_filters.ModelChoiceFilter(
        label=_("活動分野"),
        method="filter_field",
        queryset=ActivityField.objects.all(),
        empty_label=_("すべて"),
    )
    district = django_filters.ModelChoiceFilter(
        label=_("活動地域"),
        method="filter_district",
        queryset=District.objects.all(),
        empty_label=_("すべて"),
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "field", "district"]

    def filter_keyword(self, queryset, name, value):
        # What the site search finds of organizations (name, reading, purpose, activities),
        # through its index: one way to find, and no scan of every organization's text.
        ids = search.object_ids_with("organization", value)
        return queryset if ids is None else queryset.filter(pk__in=ids)

    # The many-to-many filters are subqueries, not joins: a join repeats an organization per
    # matching row and needed DISTINCT over every column, which made the directory's count
    # and page sort every listed organization's full text at national scale.
    def filter_field(self, queryset, name, value):
        through = Organization.fields.through.objects.filter(activityfield=value)
        return queryset.filter(pk__in=through.values("organization_id"))

    def filter_district(self, queryset, name, value):
        through = Organization.districts.through.objects.filter(district=value)
        return queryset.filter(pk__in=through.values("organization_id"))


class OrganizationReviewFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("確認状況"), choices=Organization.Status.choices, empty_label=_("すべて")
    )

    class Meta:
        model = Organization
        fields = ["status"]
        form = forms.Form
