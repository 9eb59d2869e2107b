from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "proposals.calls"
    label = "calls"
    verbose_name = _("事業の提示（募集）")
