from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("協働の主体")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (the login throttle cannot be left out)
            login_throttle,  # noqa: F401  (counts failed sign-ins)
            opendata,  # noqa: F401  (publishes the organizations' open dataset)
            permissions,  # noqa: F401  (registers the named permissions)
            search,  # noqa: F401  (lets the search find verified public organizations)
        )
