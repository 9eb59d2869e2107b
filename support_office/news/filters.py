"""Filters of the public news list (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy

from .models import Category, Post

OFFICE, ORGANIZATIONS = "office", "organizations"


class PostFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("分類"), choices=Category.choices, empty_label=gettext_lazy("すべて")
    )
    publisher = django_filters.ChoiceFilter(
        label=gettext_lazy("発信元"),
        choices=[(OFFICE, gettext_lazy("支援室")), (ORGANIZATIONS, gettext_lazy("団体"))],
        empty_label=gettext_lazy("すべて"),
        method="filter_publisher",
    )

    class Meta:
        model = Post
        fields = ["category", "publisher"]

    def filter_publisher(self, queryset, name, value):
        return queryset.filter(Q(organization__isnull=(value == OFFICE)))
