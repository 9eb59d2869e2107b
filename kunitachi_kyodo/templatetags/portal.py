import datetime

import markdown as markdown_lib
import nh3
from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

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


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


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
