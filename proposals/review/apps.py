from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "proposals.review"
    label = "review"
    verbose_name = _("公開審査")

    def ready(self) -> None:
        from . import (
            mypage,  # noqa: F401  (lists what waits in this stage on マイページ and in the header)
            opendata,  # noqa: F401  (publishes the review results' open dataset)
            permissions,  # noqa: F401  (registers the reviewers' permissions)
            sections,  # noqa: F401  (adds the published results to a proposal's page)
            timeline,  # noqa: F401  (adds this stage's rows to records)
        )
