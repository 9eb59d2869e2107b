from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "support_office.events"
    label = "events"
    verbose_name = _("講座・交流会・職員研修")

    def ready(self) -> None:
        from . import (
            dates,  # noqa: F401  (adds public events to the portal's calendar)
            feeds,  # noqa: F401  (adds published public events to the Atom feeds)
            metrics,  # noqa: F401  (events held and participants, by kind and fiscal year)
            mypage,  # noqa: F401  (held events awaiting their attendance, on the office's マイページ)
            opendata,  # noqa: F401  (the national standard dataset イベント一覧)
            permissions,  # noqa: F401  (registers the events' named permissions)
            search,  # noqa: F401  (lets the search find public events)
        )
