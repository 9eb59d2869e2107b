from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "proposals.calls"
    label = "calls"
    verbose_name = _("事業の提示（募集）")

    def ready(self) -> None:
        from . import (
            dates,  # noqa: F401  (adds deadlines and briefings to the public calendar)
            feeds,  # noqa: F401  (adds published calls to the Atom feeds)
            mypage,  # noqa: F401  (lists what waits in this stage on マイページ and in the header)
            opendata,  # noqa: F401  (publishes the calls' open dataset)
            search,  # noqa: F401  (lets the search find public calls)
        )
