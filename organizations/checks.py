"""System checks of the organizations app."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security)
def login_throttle_installed(app_configs, **kwargs) -> list[Error]:
    """The login throttle answers first, whatever settings file is used."""
    from organizations.login_throttle import BACKEND

    backends = list(settings.AUTHENTICATION_BACKENDS)
    if backends[:1] != [BACKEND]:
        return [
            Error(
                "the login throttle must be the first authentication backend",
                hint=f"AUTHENTICATION_BACKENDS must start with {BACKEND!r}",
                id="organizations.E001",
            )
        ]
    return []
