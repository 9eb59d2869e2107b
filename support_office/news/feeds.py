"""What news adds to the portal's feeds: each post as it is published."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from . import selectors
from .text import plain_text


@publishes("news", _("支援室のお知らせ"))
def published_posts(scope: Scope, *, limit: int) -> list[Entry]:
    if scope.department_id is not None or scope.field_id is not None:
        return []  # a post names no department; the city-wide feeds carry it
    return [
        Entry(
            key=f"news-post-{post.pk}",
            title=post.title,
            link=post.get_absolute_url(),
            published=post.published_at,
            updated=max(post.updated_at, post.published_at),
            summary=plain_text(post.body, 200),
            categories=(post.get_category_display(), post.publisher_name),
        )
        for post in selectors.latest_public_posts(limit)
    ]
