"""The proposals' open dataset (事業提案一覧): every proposal submitted at least once.

Only what a proposal's public page shows (the proposer consented to it when submitting):
title, proposer, summary, status and dates; the plan, budget and files stay private.
"""

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.opendata.registry import (
    Column,
    Dataset,
    Span,
    Type,
    as_date,
    public_url,
    publishes,
)

from .models import Proposal

COLUMNS = (
    Column(_("提案ID"), "id", Type.INTEGER, _("ポータルでの提案の番号"), "41"),
    Column(
        _("受付番号"),
        "receipt_number",
        Type.TEXT,
        _("初めて提出されたときに付く番号"),
        "2026-協-0014",
    ),
    Column(_("事業名"), "title", Type.TEXT, _("提案された事業の名称"), _("地域の見守りお茶会")),
    Column(
        _("提案の種類"),
        "origin",
        Type.TEXT,
        _("自由提案、事業の提示への応募、合同の事業立案"),
        _("自由提案（提案型）"),
    ),
    Column(
        _("提案者"),
        "proposer",
        Type.TEXT,
        _("提案した団体の名称（個人の提案は氏名）"),
        _("NPO法人 みどり子ども食堂ネット"),
    ),
    Column(
        _("団体ID"),
        "organization_id",
        Type.INTEGER,
        _("提案した団体の団体ID（団体一覧と対応。個人の提案は空欄）"),
        "12",
    ),
    Column(
        _("事業の提示ID"),
        "call_id",
        Type.INTEGER,
        _("応募した事業の提示のID（事業の提示一覧と対応）"),
        "3",
    ),
    Column(
        _("応募した事業の提示"),
        "call_title",
        Type.TEXT,
        _("応募した事業の提示の名称"),
        _("高齢者の見守り活動"),
    ),
    Column(_("担当課"), "department", Type.TEXT, _("提案を担当する市の課"), _("福祉総務課")),
    Column(
        _("希望する協働の形態"),
        "desired_form",
        Type.TEXT,
        _("提案者が希望する協働の形態"),
        _("補助"),
    ),
    Column(
        _("公開用の概要"),
        "summary",
        Type.TEXT,
        _("提案者が公開用に書いた概要"),
        _("高齢者の見守りを兼ねたお茶会を開きます。"),
    ),
    Column(_("状態"), "status", Type.TEXT, _("提出済み、公開審査中、採択など"), _("採択")),
    Column(_("提出日"), "submitted_on", Type.DATE, _("初めて提出された日"), "2026-07-20"),
    Column(
        _("ページ"),
        "url",
        Type.URL,
        _("ポータルの提案のページ"),
        "https://kyodo.example.jp/proposals/41/",
    ),
)


CHUNK = 2000


def rows():
    # In pages of CHUNK by id (keyset: each page is an index range scan, so the first row
    # comes at once; one cursor over all 200,000 rows planned a sort first and sent nothing
    # for seconds). The display labels are read once: get_FOO_display rebuilds its choices,
    # translating each, on every call.
    proposals = (
        Proposal.objects.public()
        .select_related("organization", "proposer", "call", "department", "desired_form")
        # Only what a row says: the plans, budgets and contacts are long and not published.
        .only(
            *("pk", "receipt_number", "title", "origin", "organization", "proposer", "call"),
            *("department", "desired_form", "public_summary", "status", "submitted_at"),
            *("organization__name", "proposer__full_name", "call__title", "department__name"),
            "desired_form__name",
        )
        .order_by("pk")
    )
    origins = {value: str(label) for value, label in Proposal.Origin.choices}
    statuses = {value: str(label) for value, label in Proposal.Status.choices}
    last = 0
    while True:
        page = list(proposals.filter(pk__gt=last)[:CHUNK])
        for proposal in page:
            yield {
                "id": proposal.pk,
                "receipt_number": proposal.receipt_number,
                "title": proposal.title,
                "origin": origins.get(proposal.origin, proposal.origin),
                "proposer": proposal.proposer_name,
                "organization_id": proposal.organization_id,
                "call_id": proposal.call_id,
                "call_title": proposal.call.title if proposal.call_id else "",
                "department": proposal.department.name if proposal.department_id else "",
                "desired_form": proposal.desired_form.name if proposal.desired_form_id else "",
                "summary": proposal.public_summary,
                "status": statuses.get(proposal.status, proposal.status),
                "submitted_on": as_date(proposal.submitted_at),
                "url": public_url(proposal.get_absolute_url()),
            }
        if len(page) < CHUNK:
            return
        last = page[-1].pk


def span() -> Span:
    dates = Proposal.objects.public().aggregate(
        first=Min("submitted_at"), latest=Max("submitted_at"), last=Max("updated_at")
    )
    first, latest, last = (as_date(dates[key]) for key in ("first", "latest", "last"))
    return Span(issued=first, modified=last, period_start=first, period_end=latest)


publishes(
    Dataset(
        slug="proposals",
        title=_("事業提案一覧"),
        description=_(
            "NPO・市民・企業から市に出された協働事業の提案のうち、提出されたものの公開情報です。"
            "事業計画・予算・添付ファイルなど提案の詳細は含みません。"
        ),
        keywords=(_("事業提案"), _("協働")),
        unit=_("1行が1件の提案"),
        columns=COLUMNS,
        rows=rows,
        span=span,
    )
)
