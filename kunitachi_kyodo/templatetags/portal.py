import datetime

import markdown as markdown_lib
import nh3
from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from kunitachi_kyodo import punctuation

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "ul", "ol", "li", "strong", "em", "a",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd",
}  # fmt: skip


@register.filter
def markdown(text: str) -> str:
    """Render user-written Markdown, then sanitize it: only harmless tags survive."""
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists", "def_list"])
    return mark_safe(  # noqa: S308 - sanitized by nh3 just above
        nh3.clean(html, tags=ALLOWED_TAGS, link_rel="noopener noreferrer nofollow")
    )


@register.filter
def join_list(items) -> str:
    """「A、B」 in Japanese, "A, B" in English (kunitachi_kyodo.punctuation)."""
    return punctuation.join_list(items)


@register.simple_tag
def label_separator() -> str:
    """「：」 in Japanese, ": " in English, between a label and its text."""
    return punctuation.label_separator()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def page_links(page_obj) -> list:
    """The page numbers a pager shows: both ends and a few around the current page, "…" between.

    Bounded whatever the number of pages, so a list of 10,000 pages has a pager of a dozen links.
    """
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.filter
def iso_datetime(value) -> str:
    """ISO 8601 for <time datetime>: local time to the second (2026-12-03T00:58:00+09:00).

    `|date:"c"` keeps microseconds, which the HTML checker refuses. A date gives 2026-12-03.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.simple_tag
def error_items(form, formsets=()) -> list[tuple[str, str, str]]:
    """Every error of a form and its formsets as (anchor, where, message), for the summary.

    A row's error says which table and row it is in and links to its field (a finding: an
    error in a budget row sat 2,000 px below the top with nothing at the top to say so).
    """
    items = [("", "", str(error)) for error in form.non_field_errors()]
    items += [(f.id_for_label, str(f.label), str(e)) for f in form for e in f.errors]
    for formset, title in formsets:
        items += [("", str(title), str(error)) for error in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            where = gettext("%(table)s %(number)s行目") % {"table": title, "number": number}
            items += [("", where, str(error)) for error in row.non_field_errors()]
            items += [(f.id_for_label, f"{where} {f.label}", str(e)) for f in row for e in f.errors]
    return items
