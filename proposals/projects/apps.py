from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "proposals.projects"
    label = "projects"
    verbose_name = _("協働事業")

    def ready(self) -> None:
        from . import (
            feeds,  # noqa: F401  (adds the public rows of projects' records to the Atom feeds)
            metrics,  # noqa: F401  (adds this stage's figures to 協働の実績)
            mypage,  # noqa: F401  (lists what waits in this stage on マイページ and in the header)
            opendata,  # noqa: F401  (publishes the projects', indicators' and evaluations' datasets)
            search,  # noqa: F401  (lets the search find projects)
            sections,  # noqa: F401  (adds the project to its proposal's page)
            timeline,  # noqa: F401  (adds this stage's rows to records)
        )
