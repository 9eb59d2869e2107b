"""The projects' open datasets: the projects (協働事業一覧), their indicators with targets and
actual values (成果目標・活動指標), and the published evaluations (評価結果).

Every project is public (公開の原則), but only the parts its public page shows: the
agreement's indicators once both sides confirmed it, reports' values once submitted, an
evaluation and the direction once staff published them.
"""

from django.db.models import Max, Min
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.fiscal import fiscal_year_bounds, fiscal_years_label
from kunitachi_kyodo.opendata.registry import (
    Column,
    Dataset,
    Span,
    Type,
    as_date,
    joined,
    public_url,
    publication_span,
    publishes,
)

from .models import CollaborationProject, Evaluation, Report
from .selectors import public_indicators, public_projects_for_opendata, published_evaluations

PROJECT_ID = Column(
    _("事業ID"), "project_id", Type.INTEGER, _("協働事業のID（協働事業一覧と対応）"), "8"
)
PROJECT_TITLE = Column(
    _("事業名"), "project", Type.TEXT, _("協働事業の名称"), _("子ども食堂ネットワーク事業")
)

# --- Projects -----------------------------------------------------------------------------

PROJECT_COLUMNS = (
    Column(_("事業ID"), "id", Type.INTEGER, _("ポータルでの協働事業の番号"), "8"),
    Column(_("事業名"), "title", Type.TEXT, _("協働事業の名称"), _("子ども食堂ネットワーク事業")),
    Column(
        _("事業の概要"),
        "summary",
        Type.TEXT,
        _("事業の内容の概要"),
        _("市内の子ども食堂をつなぎます。"),
    ),
    Column(
        _("事業の由来"),
        "origin",
        Type.TEXT,
        _("事業提案の採択、既存事業の協働化など"),
        _("事業提案の採択"),
    ),
    Column(
        _("提案ID"),
        "proposal_id",
        Type.INTEGER,
        _("もとになった提案のID（事業提案一覧と対応）"),
        "41",
    ),
    Column(
        _("協働の相手方"),
        "partners",
        Type.TEXT,
        _("相手方の団体（複数は「、」で区切る）"),
        _("NPO法人 みどり子ども食堂ネット"),
    ),
    Column(_("担当課"), "department", Type.TEXT, _("事業を担当する市の課"), _("子育て支援課")),
    Column(
        _("協働の形態"), "form", Type.TEXT, _("委託、補助、事業協力、共催、後援など"), _("事業協力")
    ),
    Column(
        _("事業協力の内容"),
        "cooperation_kinds",
        Type.TEXT,
        _("事業協力のときの内容（複数は「、」で区切る）"),
        _("経費負担、助言"),
    ),
    Column(_("開始年度"), "first_fiscal_year", Type.INTEGER, _("事業を始めた年度（西暦）"), "2026"),
    Column(_("終了年度"), "last_fiscal_year", Type.INTEGER, _("事業を終える年度（西暦）"), "2028"),
    Column(
        _("実施年度（表示）"),
        "fiscal_years",
        Type.TEXT,
        _("実施年度の和暦を添えた表示"),
        _("2026年度（令和8年度）〜2028年度（令和10年度）"),
    ),
    Column(
        _("市の負担額（円）"), "city_share", Type.INTEGER, _("事業費のうち市が負担する額"), "500000"
    ),
    Column(
        _("相手方の負担額（円）"),
        "partner_share",
        Type.INTEGER,
        _("事業費のうち相手方が負担する額"),
        "200000",
    ),
    Column(_("経費の支出の方法"), "funding", Type.TEXT, _("委託契約・補助金交付"), _("補助金交付")),
    Column(
        _("契約・交付決定の番号"),
        "funding_reference",
        Type.TEXT,
        _("委託契約や補助金の交付決定の番号"),
        _("委託第2026-15号"),
    ),
    Column(
        _("契約額・交付額（円）"), "funding_amount", Type.INTEGER, _("契約額または交付額"), "500000"
    ),
    Column(
        _("状態"),
        "status",
        Type.TEXT,
        _("協定の準備中、実施中、報告中、評価済み、終了"),
        _("実施中"),
    ),
    Column(
        _("今後の方向性"),
        "direction",
        Type.TEXT,
        _("評価のあと公開された方向性（継続・拡充・見直し・終了）"),
        _("継続"),
    ),
    Column(
        _("ページ"),
        "url",
        Type.URL,
        _("ポータルの協働事業のページ"),
        "https://kyodo.example.jp/projects/8/",
    ),
)


def project_rows():
    for project in public_projects_for_opendata().iterator(chunk_size=2000):
        direction = getattr(project, "direction", None)
        yield {
            "id": project.pk,
            "title": project.title,
            "summary": project.summary,
            "origin": project.get_origin_display(),
            "proposal_id": project.proposal_id,
            "partners": joined(partner.name for partner in project.partners.all()),
            "department": project.department.name,
            "form": project.form.name,
            "cooperation_kinds": joined(kind.name for kind in project.cooperation_kinds.all()),
            "first_fiscal_year": project.first_fiscal_year,
            "last_fiscal_year": project.last_fiscal_year,
            "fiscal_years": fiscal_years_label(project.first_fiscal_year, project.last_fiscal_year),
            "city_share": project.city_share,
            "partner_share": project.partner_share,
            "funding": project.get_funding_display() if project.funding else "",
            "funding_reference": project.funding_reference,
            "funding_amount": project.funding_amount,
            "status": project.get_status_display(),
            "direction": direction.get_choice_display()
            if direction and direction.published_at
            else "",
            "url": public_url(project.get_absolute_url()),
        }


def project_span() -> Span:
    dates = CollaborationProject.objects.public().aggregate(
        issued=Min("created_at"),
        modified=Max("updated_at"),
        first=Min("first_fiscal_year"),
        last=Max("last_fiscal_year"),
    )
    if dates["first"] is None:
        return Span(None, None)
    return Span(
        as_date(dates["issued"]),
        as_date(dates["modified"]),
        fiscal_year_bounds(dates["first"])[0],
        fiscal_year_bounds(dates["last"])[1],
    )


publishes(
    Dataset(
        slug="projects",
        title=_("協働事業一覧"),
        description=_(
            "市とNPO・市民・企業が協働で行う事業の一覧です。相手方、担当課、協働の形態、"
            "実施年度、市と相手方の負担額、契約・交付の番号と額、状態、公開された今後の方向性を"
            "収録しています。"
        ),
        keywords=(_("協働事業"), _("委託"), _("補助")),
        unit=_("1行が1件の協働事業"),
        columns=PROJECT_COLUMNS,
        rows=project_rows,
        span=project_span,
    )
)

# --- Indicators: targets and actual values ------------------------------------------------

INDICATOR_COLUMNS = (
    PROJECT_ID,
    PROJECT_TITLE,
    Column(
        _("協定書の版"),
        "agreement_version",
        Type.INTEGER,
        _("双方が確認した協定書の版（最新のもの）"),
        "1",
    ),
    Column(_("指標ID"), "id", Type.INTEGER, _("ポータルでの指標の番号"), "15"),
    Column(_("種類"), "kind", Type.TEXT, _("成果目標または活動指標"), _("成果目標")),
    Column(_("指標"), "name", Type.TEXT, _("指標の名前"), _("子ども食堂の利用者数")),
    Column(_("単位"), "unit", Type.TEXT, _("目標値と実績値の単位"), _("人")),
    Column(_("目標値"), "target_value", Type.DECIMAL, _("協定書で定めた目標値"), "3000"),
    Column(
        _("実績値"),
        "actual_value",
        Type.DECIMAL,
        _("提出された報告の最新の実績値（完了報告を優先。報告前は空欄）"),
        "3250",
    ),
    Column(
        _("実績の報告"), "actual_report", Type.TEXT, _("実績値を報告した報告の種類"), _("完了報告")
    ),
    Column(
        _("実績の報告日時"),
        "actual_reported_at",
        Type.DATETIME,
        _("実績値を報告した報告の提出日時"),
        "2027-04-20T15:00:00+09:00",
    ),
)


def indicator_rows():
    kinds = dict(Report.Kind.choices)
    for indicator in public_indicators().iterator(chunk_size=2000):
        project = indicator.agreement.project
        yield {
            "project_id": project.pk,
            "project": project.title,
            "agreement_version": indicator.agreement.version,
            "id": indicator.pk,
            "kind": indicator.get_kind_display(),
            "name": indicator.name,
            "unit": indicator.unit,
            "target_value": indicator.target_value,
            "actual_value": indicator.actual_value,
            "actual_report": kinds.get(indicator.actual_report_kind, ""),
            "actual_reported_at": indicator.actual_reported_at,
        }


def indicator_span() -> Span:
    dates = public_indicators().aggregate(
        issued=Min("agreement__department_confirmed_at"),
        confirmed=Max(
            Greatest("agreement__partner_confirmed_at", "agreement__department_confirmed_at")
        ),
        reported=Max("actual_reported_at"),
        start=Min("agreement__period_start"),
        end=Max("agreement__period_end"),
    )
    changes = [as_date(dates[key]) for key in ("confirmed", "reported") if dates[key]]
    return Span(
        as_date(dates["issued"]), max(changes) if changes else None, dates["start"], dates["end"]
    )


publishes(
    Dataset(
        slug="indicators",
        title=_("協働事業の成果目標・活動指標（目標値と実績値）"),
        description=_(
            "双方が確認した協定書（最新の版）に定めた成果目標・活動指標の目標値と、提出された"
            "事業報告の実績値です。完了報告の値を中間報告より優先します。"
        ),
        keywords=(_("成果目標"), _("活動指標"), _("協働事業")),
        unit=_("1行が1つの指標"),
        columns=INDICATOR_COLUMNS,
        rows=indicator_rows,
        span=indicator_span,
    )
)

# --- Published evaluations ----------------------------------------------------------------

EVALUATION_COLUMNS = (
    PROJECT_ID,
    PROJECT_TITLE,
    Column(_("評価ID"), "evaluation_id", Type.INTEGER, _("ポータルでの評価の番号"), "20"),
    Column(
        _("評価の種類"),
        "kind",
        Type.TEXT,
        _("自己評価（相手方・担当課）、相互評価、第三者評価"),
        _("第三者評価"),
    ),
    Column(
        _("公開日時"),
        "published_at",
        Type.DATETIME,
        _("評価を公開した日時"),
        "2027-06-01T10:00:00+09:00",
    ),
    Column(
        _("項目の種類"),
        "item_kind",
        Type.TEXT,
        _("協働のルール、目標の達成度、総評、相互評価の項目"),
        _("協働のルール"),
    ),
    Column(
        _("項目"),
        "item",
        Type.TEXT,
        _("評価した項目（ルール、指標、記述の見出し）"),
        _("ルール5：情報の公開"),
    ),
    Column(_("評価（1〜5）"), "score", Type.INTEGER, _("5段階の評価（記述だけの項目は空欄）"), "4"),
    Column(
        _("コメント"),
        "comment",
        Type.TEXT,
        _("評価のコメントや記述"),
        _("各段階の記録が公開されている。"),
    ),
)

RULES, GOALS, OVERALL, MUTUAL = (
    _("協働のルール"),
    _("目標の達成度"),
    _("総評"),
    _("相互評価"),
)


def evaluation_rows():
    for evaluation in published_evaluations().iterator(chunk_size=500):
        common = {
            "project_id": evaluation.project_id,
            "project": evaluation.project.title,
            "evaluation_id": evaluation.pk,
            "kind": evaluation.get_kind_display(),
            "published_at": evaluation.published_at,
        }
        items = [
            *(
                (
                    RULES,
                    _("ルール%(number)s：%(name)s")
                    % {"number": s.rule.number, "name": s.rule.short_name},
                    s.score,
                    s.comment,
                )
                for s in evaluation.rule_scores.all()
            ),
            *((GOALS, s.indicator.name, s.score, s.comment) for s in evaluation.goal_scores.all()),
        ]
        if evaluation.kind == Evaluation.Kind.MUTUAL:
            items += [
                (MUTUAL, _("共有できたこと"), None, evaluation.shared_points),
                (MUTUAL, _("認識に違いがあったこと"), None, evaluation.differences),
                (MUTUAL, _("今後改善が必要なこと"), None, evaluation.improvements),
            ]
        if evaluation.overall_comment:
            items.append((OVERALL, OVERALL, None, evaluation.overall_comment))
        for item_kind, item, score, comment in items:
            yield {
                **common,
                "item_kind": item_kind,
                "item": item,
                "score": score,
                "comment": comment,
            }


def evaluation_span() -> Span:
    return publication_span(Evaluation.objects.published())


publishes(
    Dataset(
        slug="evaluations",
        title=_("協働事業の評価（公開されたもの）"),
        description=_(
            "協働事業の自己評価（相手方・担当課）、相互評価、第三者評価のうち、公開されたもの"
            "です。協働の6つのルールと目標の達成度の5段階評価とコメント、相互評価の記述、総評を"
            "収録しています。"
        ),
        keywords=(_("評価"), _("協働事業"), _("協働のルール")),
        unit=_("1行が1つの評価の1項目"),
        columns=EVALUATION_COLUMNS,
        rows=evaluation_rows,
        span=evaluation_span,
    )
)
