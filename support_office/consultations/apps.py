from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "support_office.consultations"
    label = "consultations"
    verbose_name = _("相談")

    def ready(self) -> None:
        from . import (
            metrics,  # noqa: F401  (counts the consultations' publishable part, by year)
            mypage,  # noqa: F401  (lists the open consultations for the office on マイページ)
            permissions,  # noqa: F401  (registers the consultations' permissions)
        )
