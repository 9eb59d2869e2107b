"""The review results' open dataset (審査結果): every published round, per proposal and criterion.

The numbers are those the round published and froze (ReviewRound.frozen_scheme,
ReviewEntry.frozen_result), shown as its results page shows them, in the city's points;
no reviewer's own score, only the means the city publishes.
"""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import fiscal_year_label
from kunitachi_kyodo.opendata.registry import (
    Column,
    Dataset,
    Span,
    Type,
    public_url,
    publication_span,
    publishes,
)
from proposals.guideline import scoring

from .models import ReviewRound
from .selectors import ResultRow, criterion_columns, published_entries

COLUMNS = (
    Column(_("審査回ID"), "round_id", Type.INTEGER, _("ポータルでの審査回の番号"), "5"),
    Column(
        _("審査回"), "round", Type.TEXT, _("審査回の名称"), _("令和8年度 協働事業提案 公開審査")
    ),
    Column(
        _("審査の段階"),
        "stage",
        Type.TEXT,
        _("一次審査（書類審査）、二次審査（公開プレゼンテーション）など"),
        _("二次審査（公開プレゼンテーション）"),
    ),
    Column(_("年度"), "fiscal_year", Type.INTEGER, _("審査の年度（西暦の開始年）"), "2026"),
    Column(
        _("年度（表示）"),
        "fiscal_year_label",
        Type.TEXT,
        _("年度の和暦を添えた表示"),
        _("2026年度（令和8年度）"),
    ),
    Column(_("担当課"), "department", Type.TEXT, _("審査回を運営した市の課"), _("市長室")),
    Column(
        _("結果の公表日時"),
        "published_at",
        Type.DATETIME,
        _("審査結果を公表した日時"),
        "2026-12-10T10:00:00+09:00",
    ),
    Column(_("提案ID"), "proposal_id", Type.INTEGER, _("提案のID（事業提案一覧と対応）"), "41"),
    Column(
        _("事業名"), "proposal", Type.TEXT, _("審査された提案の事業名"), _("地域の見守りお茶会")
    ),
    Column(
        _("提案者"),
        "proposer",
        Type.TEXT,
        _("提案した団体の名称（個人の提案は氏名）"),
        _("NPO法人 みどり子ども食堂ネット"),
    ),
    Column(
        _("発表順"), "presentation_order", Type.INTEGER, _("公開プレゼンテーションの発表順"), "2"
    ),
    Column(_("審査項目"), "criterion", Type.TEXT, _("審査基準の項目（1行に1項目）"), _("公益性")),
    Column(
        _("配点"),
        "allotment",
        Type.TEXT,
        _("その項目の満点と採点の方法（審査回の公表時のもの）"),
        _("0〜5点・配点20点"),
    ),
    Column(
        _("項目の点数"),
        "criterion_points",
        Type.DECIMAL,
        _("その項目の点数（委員の平均または合計。市の表示どおりの桁）"),
        "16.5",
    ),
    Column(
        _("合計点（表示）"),
        "total",
        Type.TEXT,
        _("合計点を市の表示どおりに書いたもの"),
        _("74.3点／100点満点"),
    ),
    Column(_("合計点"), "total_points", Type.DECIMAL, _("合計点"), "74.3"),
    Column(_("満点"), "max_points", Type.INTEGER, _("合計点の満点"), "100"),
    Column(
        _("100点換算"),
        "on_100",
        Type.DECIMAL,
        _("100点に換算した点数（換算する審査基準のとき）"),
        "74.3",
    ),
    Column(_("順位"), "rank", Type.INTEGER, _("審査回の中での順位（採点のない提案は空欄）"), "1"),
    Column(_("判定"), "verdict", Type.TEXT, _("合格ラインとの比較"), _("基準以上")),
    Column(_("決定"), "decision", Type.TEXT, _("採択・不採択・通過"), _("採択")),
    Column(
        _("決定の理由"),
        "reason",
        Type.TEXT,
        _("市が公表した決定の理由"),
        _("地域の課題に沿い、協働の効果が大きい。"),
    ),
    Column(
        _("結果のページ"),
        "url",
        Type.URL,
        _("ポータルの審査回の結果のページ"),
        "https://kyodo.example.jp/review/rounds/5/",
    ),
)


def rows():
    # Each published round's criteria, read from its frozen scheme once: rounds are few.
    criteria: dict[int, list] = {}
    for entry in published_entries().iterator(chunk_size=2000):
        review_round = entry.round
        if review_round.pk not in criteria:
            scheme = scoring.Scheme.from_dict(review_round.frozen_scheme)
            criteria[review_round.pk] = criterion_columns(scheme)
        result = (
            scoring.EntryResult.from_dict(entry.frozen_result)
            if entry.frozen_result is not None
            else scoring.EntryResult(key=entry.proposal_id, verdict=scoring.UNSCORED)
        )
        shown = ResultRow(entry=entry, result=result, points=[])
        common = {
            "round_id": review_round.pk,
            "round": review_round.title,
            "stage": review_round.get_stage_display(),
            "fiscal_year": review_round.fiscal_year,
            "fiscal_year_label": fiscal_year_label(review_round.fiscal_year),
            "department": review_round.department.name,
            "published_at": review_round.published_at,
            "proposal_id": entry.proposal_id,
            "proposal": entry.proposal.title,
            "proposer": entry.proposal.proposer_name,
            "presentation_order": entry.presentation_order,
            "total": shown.total,
            "total_points": result.points,
            "max_points": result.max_points,
            "on_100": result.on_100,
            "rank": result.rank,
            "verdict": shown.verdict,
            "decision": entry.get_decision_display(),
            "reason": entry.reason,
            "url": public_url(review_round.get_absolute_url()),
        }
        for column in criteria[review_round.pk]:
            yield {
                **common,
                "criterion": column.name,
                "allotment": column.points_label,
                "criterion_points": result.criterion_points.get(column.key),
            }


def span() -> Span:
    return publication_span(ReviewRound.objects.filter(status=ReviewRound.Status.PUBLISHED))


publishes(
    Dataset(
        slug="review-results",
        title=_("公開審査の結果"),
        description=_(
            "結果を公表した審査回の、提案ごと・審査項目ごとの点数、合計点、順位、判定、決定と"
            "その理由です。点数は各市の審査基準の配点どおり（公表時のもの）で、委員ごとの点数は"
            "含みません。"
        ),
        keywords=(_("公開審査"), _("審査結果"), _("事業提案")),
        unit=_("1行が1件の提案の1つの審査項目"),
        columns=COLUMNS,
        rows=rows,
        span=span,
    )
)
