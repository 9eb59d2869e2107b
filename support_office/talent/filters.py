"""The talent bank's search (django-filter): the filtering itself is the selector's, so a
filter on a field the person did not consent to show never finds them."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from organizations.models import ActivityField, District

from .models import Availability, Skill, TalentEntry
from .selectors import entries_for


class TalentFilter(django_filters.FilterSet):
    skill = django_filters.ModelChoiceFilter(
        label=gettext_lazy("スキル"),
        queryset=Skill.objects.all(),
        empty_label=gettext_lazy("すべて"),
        method="keep",
    )
    field = django_filters.ModelChoiceFilter(
        label=gettext_lazy("活動分野"),
        queryset=ActivityField.objects.all(),
        empty_label=gettext_lazy("すべて"),
        method="keep",
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("地域"),
        queryset=District.objects.all(),
        empty_label=gettext_lazy("すべて"),
        method="keep",
    )
    availability = django_filters.ChoiceFilter(
        label=gettext_lazy("時間帯"),
        choices=Availability.choices,
        empty_label=gettext_lazy("すべて"),
        method="keep",
    )

    class Meta:
        model = TalentEntry
        fields = ["skill", "field", "district", "availability"]
        form = forms.Form

    def keep(self, queryset, name, value):
        return queryset  # filter_queryset asks the selector with every value at once

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return entries_for(
            self.request.user,
            today=timezone.localdate(),
            skill=data.get("skill"),
            field=data.get("field"),
            district=data.get("district"),
            availability=data.get("availability") or "",
        )
