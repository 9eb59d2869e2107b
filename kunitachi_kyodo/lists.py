"""What every public list page shares: one way to read a page number.

A page number that is not a number gives the first page, one past the end the last (Django's
`Paginator.get_page`), on every list alike: a shared link keeps working when the list shrinks,
and no typed-in page is an error page.
"""

from django.core.paginator import Paginator


def page_of(request, items, per_page: int):
    """The requested page of `items`, forgiving a bad or out-of-range page number."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


class ForgivingPaginationMixin:
    """For list views (ListView, FilterView): the page as `page_of` reads it, never a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
