from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "support_office.news"
    label = "news"
    verbose_name = _("お知らせ・情報発信")

    def ready(self) -> None:
        from . import (
            feeds,  # noqa: F401  (adds published posts to the Atom feeds)
            metrics,  # noqa: F401  (counts the posts published per fiscal year)
            mypage,  # noqa: F401  (lists the posts waiting for the office's review)
            permissions,  # noqa: F401  (registers the news permissions)
            search,  # noqa: F401  (lets the search find published posts)
        )
