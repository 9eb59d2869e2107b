"""What news adds to the office's statistics: posts published per fiscal year, by whom."""

from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.metrics import Metric, Row, measures

from .models import Post


def posts_per_fiscal_year() -> list[Row]:
    # Months are read in the city's time zone (USE_TZ: the database converts).
    months = (
        Post.objects.public()
        .annotate(year=ExtractYear("published_at"), month=ExtractMonth("published_at"))
        .values("year", "month")
        .annotate(
            office=Count("pk", filter=Q(organization__isnull=True)),
            organizations=Count("pk", filter=Q(organization__isnull=False)),
        )
        .order_by()
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for month in months:
        year = month["year"] if month["month"] >= 4 else month["year"] - 1
        totals[year][0] += month["office"]
        totals[year][1] += month["organizations"]
    return [
        Row(key=year, label=fiscal_year_label(year), values=tuple(totals[year]))
        for year in sorted(totals)
    ]


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
