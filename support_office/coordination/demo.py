"""Demo requests on the board across three fiscal years (every office figure has its years):
some matched (成立), some not (不成立), one closed by its poster, one gone stale, some open
with responses, one waiting for the office. Idempotent: keyed on the title. Written through
the workflow (the timeline shows the moves), then dated back to when they happened."""

import datetime

from django.utils import timezone

from organizations.models import ActivityField, District, Organization, User
from support_office.talent.models import Skill
from support_office.talent.services import system_actor

from . import services
from .models import CoordinationRequest, CoordinationRequestStatusChange, Response

# (title, kind, poster e-mail, organization, description, fields, skills, districts,
#  days ago published, outcome: "" open / matched / not_matched / closed / stale / review)
REQUESTS = (
    (
        "子ども食堂の調理室を貸してくださる方を探しています",
        "seeking_venue",
        "member@example.jp",
        "NPO法人 くにたち子ども食堂ネット",
        "毎月第2・第4土曜日の午前中に、30人分の調理ができる調理室を探しています。",
        (13,),
        ("調理・食品衛生",),
        ("富士見台",),
        650,
        "matched",
    ),
    (
        "防災訓練の通訳ボランティアを募集します",
        "seeking_volunteers",
        "yamaguchi@example.jp",
        "",
        "外国籍の住民も参加する防災訓練で、英語・中国語の通訳をお願いできる方を探しています。",
        (8, 11),
        ("語学・通訳", "防災・応急手当"),
        ("青柳",),
        450,
        "matched",
    ),
    (
        "会議用のプロジェクターを無償でお貸しします",
        "offering_equipment",
        "kawaguchi@example.jp",
        "",
        "会社で使わなくなったプロジェクター2台とスクリーンを、地域の団体にお貸しします。",
        (19,),
        (),
        ("中",),
        200,
        "not_matched",
    ),
    (
        "団体の会計を手伝ってくださる方を探しています",
        "seeking_expertise",
        "kobayashi@example.jp",
        "",
        "年度末の決算書づくりと会計ソフトへの入力を手伝ってくださる方を探しています。",
        (19,),
        ("会計・経理",),
        ("北",),
        180,
        "closed",
    ),
    (
        "高齢者のスマホ教室の会場を提供します",
        "offering_venue",
        "hayashi@example.jp",
        "",
        "平日の昼間、集会室（20人）を無償でお使いいただけます。",
        (14, 1),
        ("ウェブ・IT",),
        ("北",),
        150,
        "stale",
    ),
    (
        "田んぼの学校の広報を手伝ってくださる方",
        "seeking_expertise",
        "ikeda@example.jp",
        "",
        "チラシのデザインとSNSでの発信を手伝ってくださる方を探しています。",
        (5, 13),
        ("広報・デザイン", "写真・映像"),
        ("谷保",),
        40,
        "open",
    ),
    (
        "見守り活動の協働の相手を探しています",
        "seeking_partner",
        "kato@example.jp",
        "",
        "ひとり暮らしの高齢者の見守りを、自治会・商店会と一緒に進めたいと考えています。",
        (1, 9),
        ("福祉・介護",),
        ("谷保", "青柳"),
        20,
        "open",
    ),
    (
        "多文化交流会に寄付を提供します",
        "offering_donation",
        "citizen@example.jp",
        "",
        "交流会の茶菓子代として、寄付を提供したいと考えています。",
        (11,),
        (),
        (),
        0,
        "review",
    ),
)

RESPONSES = {
    "子ども食堂の調理室を貸してくださる方を探しています": (
        "hasegawa@example.jp",
        "自治会の集会所の調理室をお使いください。",
        "自治会事務局（支援室経由で）",
    ),
    "防災訓練の通訳ボランティアを募集します": (
        "inoue@example.jp",
        "英語と中国語でお手伝いできます。",
        "支援室経由でご連絡ください",
    ),
    "会議用のプロジェクターを無償でお貸しします": (
        "member@example.jp",
        "子ども食堂の勉強会で使わせてください。",
        "代表 渡辺",
    ),
    "田んぼの学校の広報を手伝ってくださる方": (
        "editor@example.jp",
        "チラシのデザインならお手伝いできます。",
        "伊藤（支援室経由で）",
    ),
}

REASONS = {
    "matched": "双方で打ち合わせを行い、4月から毎月の利用が決まりました。",
    "not_matched": "希望の日程が合わず、今回は見送りとなりました。",
    "closed": "団体内で担当者が見つかったため、投稿者が募集を終了しました。",
}


def _values(fields, skills, districts, organization, row, open_until):
    title, kind, _email, _org, description, *_rest = row
    return services.RequestValues(
        title=title,
        kind=kind,
        poster_kind="organization" if organization else "citizen",
        description=description,
        contact="支援室にお問い合わせください（デモ）",
        open_until=open_until,
        organization=organization,
        fields=tuple(fields),
        skills=tuple(skills),
        districts=tuple(districts),
        availability=("weekend",),
    )


def seed(command) -> None:
    existing = set(CoordinationRequest.objects.values_list("title", flat=True))
    office = User.objects.filter(is_support_staff=True).order_by("pk").first()
    if office is None:
        return
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.jp")}
    fields = {f.number: f for f in ActivityField.objects.all()}
    skills = {s.name: s for s in Skill.objects.all()}
    districts = {d.name: d for d in District.objects.all()}
    now = timezone.now()
    for row in REQUESTS:
        title, _kind, email, org_name, _d, numbers, skill_names, places, days_ago, outcome = row
        if title in existing or email not in users:
            continue
        poster = users[email]
        organization = (
            Organization.objects.filter(name=org_name, memberships__user=poster).first()
            if org_name
            else None
        )
        published = now - datetime.timedelta(days=days_ago)
        open_until = timezone.localdate() + datetime.timedelta(days=60)
        item = services.request_save(
            user=poster,
            values=_values(
                [fields[n] for n in numbers if n in fields],
                [skills[s] for s in skill_names if s in skills],
                [districts[p] for p in places if p in districts],
                organization,
                row,
                open_until,
            ),
        )
        services.request_transition(request=item, action="submit", actor=poster)
        if outcome == "review":
            continue
        services.request_transition(request=item, action="publish", actor=office)
        answer = RESPONSES.get(title)
        response = None
        if answer and answer[0] in users:
            response = Response.objects.create(
                request=item, responder=users[answer[0]], message=answer[1], contact=answer[2]
            )
        if outcome in ("matched", "not_matched"):
            services.request_transition(
                request=item, action="match", actor=office, response=response
            )
            services.request_transition(
                request=item, action=f"record_{outcome}", actor=office, comment=REASONS[outcome]
            )
        elif outcome == "closed":
            services.request_transition(
                request=item, action="close", actor=poster, comment=REASONS["closed"]
            )
        elif outcome == "stale":
            # Its date passed: the daily command warned the poster, then closed it.
            CoordinationRequest.objects.filter(pk=item.pk).update(
                open_until=(published + datetime.timedelta(days=90)).date(),
                stale_warned_at=published + datetime.timedelta(days=83),
            )
            item.refresh_from_db()
            from .workflow import REQUEST_WORKFLOW

            REQUEST_WORKFLOW.perform(
                item,
                action="expire",
                actor=system_actor(),
                comment="募集期限が過ぎました。",
                on_change=services._on_change,
                scheduled=True,
            )
        _date_back(item, published)


def _date_back(item: CoordinationRequest, published: datetime.datetime) -> None:
    """Spread the moves over the weeks after `published` (the seed made them all just now)."""
    changes = list(CoordinationRequestStatusChange.objects.filter(request=item).order_by("pk"))
    for step, change in enumerate(changes):
        moment = published + datetime.timedelta(days=max(0, step - 1) * 14)
        CoordinationRequestStatusChange.objects.filter(pk=change.pk).update(created_at=moment)
    item.refresh_from_db()
    dates = {"published_at": published if item.published_at else None}
    if item.matched_at:
        dates["matched_at"] = published + datetime.timedelta(days=14)
    if item.closed_at:
        closed = published + datetime.timedelta(days=max(0, len(changes) - 2) * 14)
        dates["closed_at"] = closed
        # A request that ended was open until about then, not until a date still to come.
        dates["open_until"] = min(item.open_until, (published + datetime.timedelta(days=90)).date())
    CoordinationRequest.objects.filter(pk=item.pk).update(**dates)
