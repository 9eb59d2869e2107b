from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "kunitachi_kyodo.opendata"
    label = "opendata"
    verbose_name = _("オープンデータ")

    def ready(self) -> None:
        # 協働の実績's figures and definitions, written from the one metric list at download.
        from kunitachi_kyodo.opendata import record  # noqa: F401
