"""What the surveys add to the office's figures: surveys whose results were published, and
their respondents, per fiscal year of publication."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.metrics import Metric, Row, measures, per_fiscal_year

from .models import Survey


def surveys_per_fiscal_year() -> list[Row]:
    """Surveys whose results were published, and their respondents, by the fiscal year of
    publication."""
    return per_fiscal_year(
        Survey.objects.published(),
        "published_at",
        Count("pk", distinct=True),
        Count("responses"),
    )


measures(
    Metric(
        slug="surveys-published",
        title=_("調査の実施と回答"),
        definition=_(
            "支援室が結果を公開した調査の数と、その回答者の数を、結果を公開した日の年度ごとに数えます。"
            "回答受付中や集計中の調査は数えません。"
        ),
        unit=pgettext_lazy("unit: surveys and respondents", "件"),
        by="fiscal_year",
        series=(_("調査"), _("回答")),
        rows=surveys_per_fiscal_year,
        order=610,
        section="office",
    )
)
