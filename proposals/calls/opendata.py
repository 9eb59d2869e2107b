"""The calls' open dataset (事業の提示一覧): every published or closed call, as its page shows it."""

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.opendata.registry import (
    Column,
    Dataset,
    Span,
    Type,
    as_date,
    joined,
    public_url,
    publishes,
)

from .models import Call

COLUMNS = (
    Column(_("事業の提示ID"), "id", Type.INTEGER, _("ポータルでの事業の提示の番号"), "3"),
    Column(
        _("事業名（テーマ）"),
        "title",
        Type.TEXT,
        _("市が提示した事業の名称"),
        _("高齢者の見守り活動"),
    ),
    Column(_("担当課"), "department", Type.TEXT, _("事業を提示した市の課"), _("福祉総務課")),
    Column(
        _("協働の形態"),
        "forms",
        Type.TEXT,
        _("想定する協働の形態（複数は「、」で区切る）"),
        _("委託、補助"),
    ),
    Column(
        _("地域課題と背景"),
        "background",
        Type.TEXT,
        _("事業を提示する理由"),
        _("高齢の方の孤立が課題です。"),
    ),
    Column(
        _("期待する成果"),
        "expected_outcome",
        Type.TEXT,
        _("市が期待する成果"),
        _("見守りの担い手が増えること。"),
    ),
    Column(
        _("上限額（円）"), "budget_cap", Type.INTEGER, _("市が負担する額の上限（円）"), "1000000"
    ),
    Column(
        _("応募できる団体"),
        "eligibility",
        Type.TEXT,
        _("応募の資格"),
        _("市内で活動するNPO法人・任意団体・企業"),
    ),
    Column(
        _("対象とならない事業"),
        "exclusions",
        Type.TEXT,
        _("応募できない事業"),
        _("営利を目的とする事業"),
    ),
    Column(
        _("募集開始"),
        "opens_at",
        Type.DATETIME,
        _("応募の受付を始める日時"),
        "2026-06-01T09:00:00+09:00",
    ),
    Column(
        _("募集締切"),
        "closes_at",
        Type.DATETIME,
        _("応募の締切の日時"),
        "2026-07-31T17:00:00+09:00",
    ),
    Column(
        _("事前相談が必要"),
        "requires_consultation",
        Type.BOOLEAN,
        _("提出の前に事前相談が必要か"),
        "true",
    ),
    Column(
        _("審査の進め方"),
        "review_criteria",
        Type.TEXT,
        _("審査の進め方の補足"),
        _("書類審査のあと公開プレゼンテーションを行います。"),
    ),
    Column(
        _("問い合わせ先"),
        "contact",
        Type.TEXT,
        _("担当課の問い合わせ先"),
        _("福祉総務課 電話 03-1234-5678"),
    ),
    Column(_("状態"), "status", Type.TEXT, _("募集中・募集終了など"), _("公開中")),
    Column(
        _("公開日時"),
        "published_at",
        Type.DATETIME,
        _("事業の提示を公開した日時"),
        "2026-05-20T10:00:00+09:00",
    ),
    Column(
        _("ページ"),
        "url",
        Type.URL,
        _("ポータルの事業の提示のページ"),
        "https://kyodo.example.jp/calls/3/",
    ),
)


def rows():
    for call in Call.objects.public().for_listing().order_by("pk").iterator(chunk_size=2000):
        yield {
            "id": call.pk,
            "title": call.title,
            "department": call.department.name,
            "forms": joined(form.name for form in call.forms.all()),
            "background": call.background,
            "expected_outcome": call.expected_outcome,
            "budget_cap": call.budget_cap,
            "eligibility": call.eligibility,
            "exclusions": call.exclusions,
            "opens_at": call.opens_at,
            "closes_at": call.closes_at,
            "requires_consultation": call.requires_consultation,
            "review_criteria": call.review_criteria,
            "contact": call.contact,
            "status": call.get_status_display(),
            "published_at": call.published_at,
            "url": public_url(call.get_absolute_url()),
        }


def span() -> Span:
    dates = Call.objects.public().aggregate(
        issued=Min("published_at"),
        modified=Max("updated_at"),
        start=Min("opens_at"),
        end=Max("closes_at"),
    )
    return Span(*(as_date(dates[key]) for key in ("issued", "modified", "start", "end")))


publishes(
    Dataset(
        slug="calls",
        title=_("事業の提示（募集）一覧"),
        description=_(
            "市の各課が協働の相手を募集した事業（テーマ設定型）の一覧です。公開中と募集を終えた"
            "ものを収録し、作成中のものは含みません。"
        ),
        keywords=(_("事業の提示"), _("募集"), _("協働")),
        unit=_("1行が1件の事業の提示"),
        columns=COLUMNS,
        rows=rows,
        span=span,
    )
)
