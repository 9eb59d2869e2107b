from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportOfficeConfig(AppConfig):
    name = "support_office"
    verbose_name = _("NPO活動支援室")
