"""Demo data: a year and a half of the office's consultations (bulk, idempotent, < 1 s).

Keyed on (date, summary): a second run adds nothing. The rows carry no workflow history
(they are written in bulk in their final state), like a log imported from the office's
paper records.
"""

import datetime
import random

from django.utils import timezone

from kunitachi_kyodo.fiscal import fiscal_year
from organizations.models import Organization, User

from .models import Consultation, FollowUp

# (category, summary, narrative) — what people bring to a support office.
TOPICS = (
    (
        "founding",
        "NPO法人を設立したい",
        "設立の流れ（定款・設立総会・所轄庁への申請）を説明し、手引きを渡した。",
    ),
    (
        "founding",
        "任意団体の会則づくり",
        "会則のひな形を紹介し、会費と役員の決め方を一緒に確認した。",
    ),
    (
        "funding",
        "助成金の探し方",
        "市の補助金と民間財団の助成金の一覧を紹介した。締切の近いものを3件選んだ。",
    ),
    (
        "funding",
        "助成金の申請書の書き方",
        "事業の目的と成果目標の書き方を助言した。予算書の費目を確認した。",
    ),
    (
        "publicity",
        "チラシの作り方",
        "伝えたいことを一つに絞ることと、日時・場所・連絡先の載せ方を助言した。",
    ),
    ("publicity", "SNSでの発信", "発信の頻度と写真の肖像権への配慮について説明した。"),
    (
        "people",
        "ボランティアが集まらない",
        "人材バンクへの募集掲載と、大学のボランティアセンターを紹介した。",
    ),
    ("people", "役員の引き継ぎ", "引き継ぎの時期と、事務の手順書づくりを助言した。"),
    (
        "collaboration",
        "市と協働で事業をしたい",
        "協働事業提案制度の流れと事前相談の予約方法を説明した。",
    ),
    (
        "collaboration",
        "担当課を知りたい",
        "活動内容から担当課の候補を挙げ、協働推進担当に取り次いだ。",
    ),
    ("incorporation", "NPO法人の事業報告書の提出", "提出期限と様式を説明し、記入例を渡した。"),
    ("incorporation", "役員変更の届出", "届出書の書き方と添付書類を説明した。"),
    ("other", "活動場所を探している", "公民館と地域の集会所の予約方法を紹介した。"),
    ("other", "会計ソフトの選び方", "小さな団体向けの無料の会計ソフトと、帳簿のつけ方を紹介した。"),
)
ASKERS = (
    ("individual", "市民の方（富士見台在住）"),
    ("individual", "市民の方（東在住）"),
    ("group", "子育てサークルの代表の方"),
    ("group", "高齢者の見守りグループ"),
    ("group", "大学生のボランティアグループ"),
    ("voluntary", "任意団体の事務局の方"),
    ("npo", "NPO法人の理事の方"),
    ("neighborhood", "自治会の役員の方"),
)
CHANNELS = ("counter", "counter", "phone", "phone", "email", "online")
PER_MONTH = 7  # about a hundred and twenty in a year and a half


def seed(command) -> None:
    office = User.objects.filter(email="office@example.jp").first()
    if office is None:
        return
    # The demo's office account is also its lead (it may export the log).
    User.objects.filter(pk=office.pk).update(is_support_lead=True)
    organizations = list(Organization.objects.public().order_by("pk")[:8])
    today = timezone.localdate()
    start = datetime.date(fiscal_year(today) - 1, 4, 1)
    rng = random.Random(11)
    existing = set(Consultation.objects.values_list("consulted_on", "summary"))
    new = []
    month = start
    while month <= today:
        for _n in range(PER_MONTH + rng.randint(-2, 2)):
            day = month.replace(day=rng.randint(1, 28))
            if day > today:
                continue
            category, summary, narrative = rng.choice(TOPICS)
            kind, asker = rng.choice(ASKERS)
            organization = (
                rng.choice(organizations)
                if kind not in ("individual", "group") and organizations and rng.random() < 0.5
                else None
            )
            if (day, summary) in existing:
                continue
            existing.add((day, summary))
            age = (today - day).days
            status = (
                Consultation.Status.CLOSED
                if age > 60
                else rng.choice(list(Consultation.Status.values))
            )
            new.append(
                Consultation(
                    consulted_on=day,
                    category=category,
                    channel=rng.choice(CHANNELS),
                    asker_kind=kind,
                    asker_name=organization.name if organization else asker,
                    organization=organization,
                    summary=summary,
                    narrative=narrative,
                    status=status,
                    handled_by=office,
                )
            )
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    created = Consultation.objects.bulk_create(new)
    FollowUp.objects.bulk_create(
        FollowUp(
            consultation=consultation,
            done_on=min(consultation.consulted_on + datetime.timedelta(days=14), today),
            note="その後の状況を電話で伺い、追加の資料を送った。",
            recorded_by=office,
        )
        for consultation in created
        if consultation.status != Consultation.Status.OPEN and consultation.pk
    )
    command.stdout.write(f"相談記録: {len(created)}件を追加")
