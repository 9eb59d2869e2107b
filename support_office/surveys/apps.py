from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "support_office.surveys"
    label = "surveys"
    verbose_name = _("調査（アンケート）")

    def ready(self) -> None:
        from . import (
            metrics,  # noqa: F401  (counts the surveys and their answers for the office's report)
            search,  # noqa: F401  (lets the search find surveys with published results)
        )
