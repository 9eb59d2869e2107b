"""Filters of the office's consultation log (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy

from .models import Category, Channel, Consultation


class ConsultationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=Consultation.Status.choices,
        empty_label=gettext_lazy("すべて"),
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("相談の分類"),
        choices=Category.choices,
        empty_label=gettext_lazy("すべて"),
    )
    channel = django_filters.ChoiceFilter(
        label=gettext_lazy("相談の方法"),
        choices=Channel.choices,
        empty_label=gettext_lazy("すべて"),
    )

    class Meta:
        model = Consultation
        fields = ["status", "category", "channel"]
