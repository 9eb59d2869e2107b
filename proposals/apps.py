from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("協働の指針と協働事業")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the named permissions)
