from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals.proposals"
    label = "proposals"
    verbose_name = _("事業提案")

    def ready(self) -> None:
        from . import (
            feeds,  # noqa: F401  (adds submitted proposals to the Atom feeds)
            metrics,  # noqa: F401  (adds this stage's figures to 協働の実績)
            mypage,  # noqa: F401  (lists what waits in this stage on マイページ and in the header)
            opendata,  # noqa: F401  (publishes the proposals' open dataset)
            search,  # noqa: F401  (lets the search find submitted proposals' public fields)
            sections,  # noqa: F401  (adds the proposals to their organization's page, its notices)
            timeline,  # noqa: F401  (adds this stage's rows to records)
        )
