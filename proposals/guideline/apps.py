from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelineConfig(AppConfig):
    name = "proposals.guideline"
    label = "guideline"
    verbose_name = _("協働の指針")
