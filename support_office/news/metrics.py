"""What news adds to the office's statistics: posts published per fiscal year, by whom."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.metrics import Metric, Row, measures, per_fiscal_year

from .models import Post


def posts_per_fiscal_year() -> list[Row]:
    """By the fiscal year of publication (in the city's time zone): the office's, the groups'."""
    return per_fiscal_year(
        Post.objects.public(),
        "published_at",
        Count("pk", filter=Q(organization__isnull=True)),
        Count("pk", filter=Q(organization__isnull=False)),
    )


measures(
    Metric(
        slug="news-posts",
        title=_("お知らせの発信数"),
        definition=_(
            "ポータルで公開したお知らせの数を、公開した日の年度ごとに数えます。"
            "支援室のお知らせと、支援室が確認して公開した団体のお知らせを分けて数えます。"
            "公開をやめたお知らせは数えません。"
        ),
        unit=pgettext_lazy("unit: posts", "件"),
        by="fiscal_year",
        series=(_("支援室"), _("団体")),
        rows=posts_per_fiscal_year,
        order=150,
        section="office",
    )
)
