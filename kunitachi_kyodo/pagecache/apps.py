from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "kunitachi_kyodo.pagecache"
    label = "pagecache"
    verbose_name = _("公開ページのキャッシュ")

    def ready(self) -> None:
        from kunitachi_kyodo.pagecache import version

        version.listen()
