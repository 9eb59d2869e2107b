"""What every public list page shares: one way to read a page number, and a bounded count.

A page number that is not a number gives the first page, one past the end the last (Django's
`Paginator.get_page`), on every list alike: a shared link keeps working when the list shrinks,
and no typed-in page is an error page.

A list counts at most `COUNT_LIMIT` + 1 rows (`BoundedPaginator`): counting every row of a
national register (200,000 proposals, or the 12,000 that hold 防災) costs more than the page
itself. Past the limit the list says 「1,000件以上」 and pages through the first
`COUNT_LIMIT` rows only; narrowing the conditions finds the rest. The pager stays bounded
either way.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_LIMIT = 1000


class BoundedPaginator(Paginator):
    """A paginator that counts at most `limit` + 1 rows; `capped` says there were more."""

    def __init__(self, object_list, per_page, *args, limit: int | None = COUNT_LIMIT, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.limit = limit  # None: count every row (a list known to be small)

    @cached_property
    def _bounded_count(self) -> int:
        items = self.object_list
        queryset = hasattr(items, "query") and hasattr(items, "order_by")
        if self.limit is None:
            return items.count() if queryset else len(items)
        if queryset:
            # SELECT COUNT(*) FROM (SELECT … LIMIT limit + 1), unordered: with its ORDER BY
            # the planner would rank every match before keeping the first rows.
            return items.order_by()[: self.limit + 1].count()
        return len(items[: self.limit + 1])

    @cached_property
    def capped(self) -> bool:
        """More rows than the limit: the count shown is 「limit件以上」."""
        return self.limit is not None and self._bounded_count > self.limit

    @cached_property
    def count(self) -> int:
        if self.limit is None:
            return self._bounded_count
        return min(self._bounded_count, self.limit)


def page_of(request, items, per_page: int, *, limit: int | None = COUNT_LIMIT):
    """The requested page of `items`, forgiving a bad or out-of-range page number."""
    return BoundedPaginator(items, per_page, limit=limit).get_page(request.GET.get("page"))


class ForgivingPaginationMixin:
    """For list views (ListView, FilterView): the page as `page_of` reads it, never a 404."""

    paginator_class = BoundedPaginator

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
