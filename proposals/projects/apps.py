from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "proposals.projects"
    label = "projects"
    verbose_name = _("協働事業")

    def ready(self) -> None:
        from . import (
            mypage,  # noqa: F401  (lists what waits in this stage on マイページ and in the header)
            opendata,  # noqa: F401  (publishes the projects', indicators' and evaluations' datasets)
            sections,  # noqa: F401  (adds the project to its proposal's page)
            timeline,  # noqa: F401  (adds this stage's rows to records)
        )
