"""What the search finds of the news: published posts only, by their text."""

from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.search.registry import Document, indexes

from .models import Post
from .text import plain_text


@indexes(
    kind="news",
    label=pgettext_lazy("news posts", "お知らせ"),
    model=Post,
    public=lambda: Post.objects.public().select_related("organization"),
)
def post_document(post: Post) -> Document:
    text = plain_text(post.body)
    return Document(
        title=post.title,
        url=post.get_absolute_url(),
        snippet=text[:300],
        text="\n".join([post.title, post.publisher_name, text]),
        updated_at=post.updated_at,
    )
