from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    name = "support_office.talent"
    label = "talent"
    verbose_name = _("人材バンク")

    def ready(self) -> None:
        from . import (
            mypage,  # noqa: F401  (entries waiting for the office's review, on マイページ)
            permissions,  # noqa: F401  (registers the talent bank's named permissions)
        )
