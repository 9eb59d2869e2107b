from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "proposals.review"
    label = "review"
    verbose_name = _("公開審査")

    def ready(self) -> None:
        from . import (
            dates,  # noqa: F401  (adds announced sessions to the public calendar)
            feeds,  # noqa: F401  (adds published results to the Atom feeds)
            mypage,  # noqa: F401  (lists what waits in this stage on マイページ and in the header)
            opendata,  # noqa: F401  (publishes the review results' open dataset)
            permissions,  # noqa: F401  (registers the reviewers' permissions)
            search,  # noqa: F401  (lets the search find published results)
            sections,  # noqa: F401  (adds the published results to a proposal's page)
            timeline,  # noqa: F401  (adds this stage's rows to records)
        )
