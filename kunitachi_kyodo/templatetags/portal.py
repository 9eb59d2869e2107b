import markdown as markdown_lib
import nh3
from django import template
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
