"""Filters of the project register (協働事業一覧, django-filter).

A project has no activity field or district of its own: it has those of its partners, so the
register filters and counts through the partners. A "citizen" partner is a citizen who proposed
as an individual (the proposal names no organization).
"""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_lazy

from kunitachi_kyodo.fiscal import FIRST_YEAR, LAST_YEAR, fiscal_year_label
from kunitachi_kyodo.pagecache import version as data_version
from kunitachi_kyodo.search import selectors as search
from organizations.models import ActivityField, Department, District
from proposals.guideline.models import ProjectForm
from proposals.projects import selectors
from proposals.projects.models import CollaborationProject, ProjectStatus
from proposals.projects.selectors import PARTNER_KINDS, partner_kind_q, partnered

# A keyword longer than this is not a search anyone types; the form says so instead of scanning.
KEYWORD_MAX_LENGTH = 100

# sort value → (label, ORDER BY); the first is the default and is left out of shared URLs.
SORTS = {
    "year": (gettext_lazy("年度の新しい順"), ("-first_fiscal_year", "-pk")),
    "new": (gettext_lazy("登録の新しい順"), ("-created_at", "-pk")),
    "title": (gettext_lazy("事業名順"), ("title", "pk")),
    "department": (
        gettext_lazy("担当課順"),
        ("department__order", "department__name", "-first_fiscal_year", "-pk"),
    ),
}
DEFAULT_SORT = "year"


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ProjectFilter(django_filters.FilterSet):
    """The register's filters; their order is the order of a shared URL's parameters."""

    q = django_filters.CharFilter(
        label=gettext_lazy("キーワード"),
        method="filter_keyword",
        max_length=KEYWORD_MAX_LENGTH,
    )
    field = django_filters.ModelChoiceFilter(
        label=gettext_lazy("活動分野"),
        queryset=ActivityField.objects.all(),
        method="filter_field",
        empty_label=gettext_lazy("すべて"),
    )
    form = django_filters.ModelChoiceFilter(
        label=gettext_lazy("協働の形態"),
        queryset=ProjectForm.objects.all(),
        method="filter_form",
        empty_label=gettext_lazy("すべて"),
    )
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("担当課"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )
    fiscal_year = YearFilter(
        label=gettext_lazy("年度"),
        method="filter_fiscal_year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.Select,
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=ProjectStatus.choices,
        empty_label=gettext_lazy("すべて"),
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("地域"),
        queryset=District.objects.all(),
        method="filter_district",
        empty_label=gettext_lazy("すべて"),
    )
    partner_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("協働の相手方の種類"),
        choices=PARTNER_KINDS,
        method="filter_partner_kind",
        empty_label=gettext_lazy("すべて"),
    )
    sort = django_filters.ChoiceFilter(
        label=gettext_lazy("並び順"),
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = CollaborationProject
        fields: list[str] = []
        form = forms.Form

    # Which facet each filter counts by (selectors.project_facets).
    FACETS = ("field", "form", "department", "fiscal_year", "status", "district", "partner_kind")

    def filter_keyword(self, queryset, name, value):
        # What the site search finds of projects (title, department, summary), by its index.
        ids = search.object_ids_with("project", value)
        return queryset if ids is None else queryset.filter(pk__in=ids)

    def filter_field(self, queryset, name, value):
        return queryset.filter(partnered(fields=value))

    def filter_district(self, queryset, name, value):
        return queryset.filter(partnered(districts=value))

    def filter_form(self, queryset, name, value):
        # 事業協力 also finds the projects of one of its kinds (経費負担, 人的支援, ...).
        return queryset.filter(Q(form=value) | Q(form__parent=value))

    def filter_fiscal_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(first_fiscal_year__lte=year, last_fiscal_year__gte=year)

    def filter_partner_kind(self, queryset, name, value):
        return queryset.filter(partner_kind_q(value))

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS[DEFAULT_SORT])[1])

    def _filtered_except(self, facet: str) -> QuerySet:
        """The projects every other chosen filter lets through: what this facet's counts count."""
        projects = self.queryset.all()
        if not self.is_bound or not self.form.is_valid():
            return projects
        for name, value in self.form.cleaned_data.items():
            if name not in (facet, "sort") and value not in (None, ""):
                projects = self.filters[name].filter(projects, value)
        return projects

    def count_options(self) -> None:
        """Each facet offers the values some project has, with how many projects have it.

        One grouped query per facet, so a national-scale register renders a few options per
        filter, never one per project or organization.
        """
        chosen = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        # The counts change only with the data: kept per data version (the 7 grouped queries
        # over every project and its partners cost more than the rest of the page).
        at = data_version.latest()  # read once for the seven facets
        language = get_language()
        for name in self.FACETS:
            others = sorted(
                (key, str(getattr(value, "pk", value)))
                for key, value in chosen.items()
                if key not in (name, "sort") and value not in (None, "")
            )
            rows = data_version.versioned(
                f"project-facet:{language}:{name}:{others}",
                lambda name=name: [
                    (value, str(label) if isinstance(label, Promise) else label, count)
                    for value, label, count in selectors.count_projects_by(
                        name, self._filtered_except(name)
                    )
                ],
                at=at,
            )
            field = self.form.fields[name]
            options = [
                (value, self._option_label(name, label, count)) for value, label, count in rows
            ]
            current = chosen.get(name)
            key = getattr(current, "pk", current)
            if key not in (None, "") and all(str(value) != str(key) for value, _l in options):
                # The chosen value stays selectable even when nothing else matches it.
                label = (
                    dict(field.choices).get(key, current)
                    if name in ("status", "partner_kind")
                    else current
                )
                options.append((key, self._option_label(name, label, 0)))
            # The widget's choices only: validation stays with the field (its queryset or choices).
            field.widget.choices = [("", gettext("すべて")), *options]

    @staticmethod
    def _option_label(name: str, label, count: int) -> str:
        if name == "fiscal_year":
            label = fiscal_year_label(label)
        return gettext("%(label)s（%(count)s件）") % {"label": label, "count": count}

    def canonical_query(self) -> list[tuple[str, str]]:
        """The chosen filters in the form's order, defaults left out: one URL per selection."""
        if not self.is_bound or not self.form.is_valid():
            return []
        pairs = []
        for name in self.filters:
            value = self.form.cleaned_data.get(name)
            if value in (None, "") or (name == "sort" and value == DEFAULT_SORT):
                continue
            pairs.append((name, str(getattr(value, "pk", value))))
        return pairs
