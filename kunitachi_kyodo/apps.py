from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The portal itself: its templates, tags and the form behaviour every app shares."""

    name = "kunitachi_kyodo"

    def ready(self) -> None:
        from .forms import refuse_overflowing_choices

        refuse_overflowing_choices()
