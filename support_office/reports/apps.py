from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "support_office.reports"
    label = "reports"
    verbose_name = _("支援室の統計と年次報告")

    def ready(self) -> None:
        from . import opendata  # noqa: F401  (publishes the office's figures as open data)
