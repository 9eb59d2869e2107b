"""Reads of the news: the public list, one post, the office's queue, the month's posts."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from .models import Post


def public_posts() -> QuerySet[Post]:
    return Post.objects.public().for_listing()


def visible_post(user, pk: int) -> Post | None:
    """A published post for anyone; a draft for its writers and the office; else None (404)."""
    post = Post.objects.for_listing().filter(pk=pk).first()
    if post is None:
        return None
    if post.is_public or (user.is_authenticated and user.has_perm("news.view_post_draft", post)):
        return post
    return None


def posts_of(user) -> QuerySet[Post]:
    return Post.objects.editable_by(user).for_listing().order_by("-updated_at", "-pk")


def posts_awaiting_review() -> QuerySet[Post]:
    return Post.objects.awaiting_review().for_listing().order_by("updated_at", "pk")


def latest_public_posts(limit: int) -> list[Post]:
    return list(public_posts().order_by("-published_at", "-pk")[:limit])


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of the month and of the next, in Japan time."""
    start = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    end = timezone.make_aware(datetime.datetime(following.year, following.month, 1))
    return start, end


def posts_published_in(month: datetime.date) -> list[Post]:
    start, end = month_bounds(month)
    return list(
        public_posts()
        .filter(published_at__gte=start, published_at__lt=end)
        .order_by("published_at", "pk")
    )
