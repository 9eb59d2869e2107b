"""Filters of the proposal lists (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.fiscal import fiscal_year, fiscal_year_bounds, fiscal_year_label
from kunitachi_kyodo.search import selectors as search
from organizations.filters import KEYWORD_MAX_LENGTH, normalize_query
from organizations.models import Department
from proposals.calls.models import Call
from proposals.proposals.models import Proposal


def fiscal_year_choices() -> list[tuple[int, str]]:
    current = fiscal_year()
    return [(year, fiscal_year_label(year)) for year in range(current, current - 6, -1)]


class ProposalFilterBase(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=gettext_lazy("キーワード"), method="filter_keyword", max_length=KEYWORD_MAX_LENGTH
    )
    fiscal_year = django_filters.ChoiceFilter(
        label=gettext_lazy("年度"),
        method="filter_fiscal_year",
        choices=fiscal_year_choices,
        empty_label=gettext_lazy("すべて"),
    )

    def filter_keyword(self, queryset, name, value):
        # The public list finds what the site search finds, through its index (title,
        # proposer's name and public summary); the work queue below searches private text.
        ids = search.object_ids_with("proposal", value)
        return queryset if ids is None else queryset.filter(pk__in=ids)

    def filter_fiscal_year(self, queryset, name, value):
        """A proposal belongs to the fiscal year of its first submission (a draft: of its creation)."""
        start, end = fiscal_year_bounds(int(value))
        return queryset.filter(
            Q(submitted_at__date__gte=start, submitted_at__date__lte=end)
            | Q(submitted_at__isnull=True, created_at__date__gte=start, created_at__date__lte=end)
        )


class PublicProposalFilter(ProposalFilterBase):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=[c for c in Proposal.Status.choices if c[0] not in ("draft", "consultation")],
        empty_label=gettext_lazy("すべて"),
    )
    origin = django_filters.ChoiceFilter(
        label=gettext_lazy("提案の種類"),
        choices=Proposal.Origin.choices,
        empty_label=gettext_lazy("すべて"),
    )

    class Meta:
        model = Proposal
        fields = ["q", "status", "origin", "fiscal_year"]


class WorkQueueFilter(ProposalFilterBase):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=[c for c in Proposal.Status.choices if c[0] != "draft"],
        empty_label=gettext_lazy("すべて"),
    )
    call = django_filters.ModelChoiceFilter(
        label=gettext_lazy("事業の提示"),
        queryset=Call.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("担当課"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )

    class Meta:
        model = Proposal
        fields = ["q", "status", "call", "department", "fiscal_year"]

    def filter_keyword(self, queryset, name, value):
        value = normalize_query(value)
        if not value:
            return queryset
        # Staff search the private text too.
        return queryset.filter(
            Q(title__icontains=value)
            | Q(public_summary__icontains=value)
            | Q(local_issue__icontains=value)
            | Q(organization__name__icontains=value)
            | Q(proposer__full_name__icontains=value)
        )
