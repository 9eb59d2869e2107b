from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "support_office.coordination"
    label = "coordination"
    verbose_name = _("コーディネート")

    def ready(self) -> None:
        from . import (
            feeds,  # noqa: F401  (adds published requests to the Atom feeds)
            metrics,  # noqa: F401  (the outcomes and the 成立率, in the office's statistics)
            mypage,  # noqa: F401  (what waits for the office on マイページ)
            permissions,  # noqa: F401  (registers the board's named permissions)
            search,  # noqa: F401  (lets the search find public requests)
        )
