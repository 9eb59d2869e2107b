"""The one search page: every stage's public objects that hold the words typed.

Public by nature (it reads only the public documents the stages register), like the public
lists, so it needs no permission; there is nothing in the index a visitor may not read.
"""

from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kunitachi_kyodo.lists import BoundedPaginator
from kunitachi_kyodo.search import selectors
from kunitachi_kyodo.search.forms import SearchForm
from kunitachi_kyodo.search.normalize import words_of
from kunitachi_kyodo.search.registry import label_of

PER_PAGE = 20
MAX_WORDS = selectors.MAX_WORDS


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    words = words_of(form.cleaned_data["q"], limit=MAX_WORDS) if form.is_valid() else []
    page = None
    if words:
        paginator = BoundedPaginator(selectors.documents_with(words), PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404(_("そのページはありません。")) from error
        for document in page.object_list:
            document.kind_label = label_of(document.kind)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": form["q"].value() or "",
            "words": words,
            "page_obj": page,
        },
    )
