from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kunitachi_kyodo.search"
    label = "search"
    verbose_name = _("サイト内検索")

    def ready(self) -> None:
        from kunitachi_kyodo.search import services

        # Each stage registers its own source in its search.py (imported in its ready).
        services.listen()
