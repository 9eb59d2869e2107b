"""Demo events across the year: held ones with attendance, upcoming ones, a full one with a
waiting list, a staff training. Two held ones are from earlier years (more than a year apart),
so the office's charts show three fiscal years. Idempotent (keyed on the title); rows in bulk."""

import datetime

from django.utils import timezone

from organizations.models import User

from .models import Event, Registration

K = Event.Kind
CENTER = ("くにたち市民協働センター 会議室A", "東京都国立市富士見台2-1-1")
HALL = ("国立市役所 第1・第2会議室", "東京都国立市富士見台2-47-1")
CONTACT = "くにたちNPO活動支援室 電話 042-000-0000（火〜土 10時〜17時）"

# title, kind, days from today, start hour, hours, capacity, audience, place, online, description
EVENTS = (
    (
        "NPO入門講座「団体の立ち上げ方」",
        K.LECTURE,
        -200,
        14,
        2,
        30,
        "団体を作りたい方",
        CENTER,
        False,
        "NPO法人と任意団体の違い、設立の手続き、最初の1年の運営を学びます。",
    ),
    (
        "市民活動団体 交流会",
        K.EXCHANGE,
        -770,
        18,
        2,
        40,
        "市内で活動する団体の方",
        CENTER,
        False,
        "団体どうしが活動を紹介し合い、協力できることを見つける交流会です。",
    ),
    (
        "会計・税務の相談会",
        K.CONSULTATION,
        -400,
        10,
        3,
        8,
        "団体の会計担当の方",
        CENTER,
        False,
        "税理士がNPOの会計・税務の相談に応じます（1団体30分）。",
    ),
    (
        "職員向け協働研修「協働の指針を読む」",
        K.STAFF_TRAINING,
        -90,
        15,
        2,
        40,
        "市職員",
        HALL,
        False,
        "協働の六つのルールと事業の提示の進め方を、事例とともに学びます。",
    ),
    (
        "オンライン講座「寄付を集める広報」",
        K.LECTURE,
        -60,
        19,
        1,
        50,
        "どなたでも",
        None,
        True,
        "SNSとウェブサイトで活動を伝え、寄付につなげる方法を学びます。",
    ),
    (
        "NPO体験研修（子ども食堂）",
        K.NPO_PLACEMENT,
        -30,
        9,
        6,
        4,
        "市職員",
        ("谷保地域センター", "東京都国立市谷保"),
        False,
        "市職員がNPOの現場で一日活動し、協働の相手を知る研修です。",
    ),
    (
        "防災×市民活動 交流会",
        K.EXCHANGE,
        10,
        18,
        2,
        20,
        "どなたでも",
        CENTER,
        False,
        "防災に取り組む団体と、地域の団体・市民の交流会です。定員に達しています。",
    ),
    (
        "協働事業提案 説明・相談会",
        K.CONSULTATION,
        20,
        13,
        3,
        12,
        "提案を考えている団体・市民",
        CENTER,
        True,
        "協働事業提案の書き方と事前相談の進め方を説明し、個別の相談に応じます。",
    ),
    (
        "ボランティアコーディネーション講座",
        K.LECTURE,
        35,
        14,
        2,
        30,
        "団体のボランティア担当の方",
        CENTER,
        False,
        "ボランティアの募集・受け入れ・振り返りの基本を学びます。",
    ),
    (
        "職員向け研修「NPOとの協定書づくり」",
        K.STAFF_TRAINING,
        45,
        15,
        2,
        30,
        "市職員",
        HALL,
        False,
        "協定書の役割分担・経費負担・情報公開の条項を演習で学びます。",
    ),
    (
        "市民活動フェスタ 出展団体交流会",
        K.EXCHANGE,
        70,
        18,
        2,
        60,
        "出展する団体の方",
        HALL,
        False,
        "秋の市民活動フェスタに出展する団体の顔合わせです。",
    ),
    (
        "NPO法人の事業報告書 作成講座",
        K.LECTURE,
        110,
        14,
        2,
        25,
        "NPO法人の事務担当の方",
        CENTER,
        True,
        "所轄庁に出す事業報告書と計算書類の作り方を学びます。",
    ),
)

FULL_TITLE = "防災×市民活動 交流会"
PARTICIPANTS = (
    "citizen@example.jp",
    "member@example.jp",
    "editor@example.jp",
    "kobayashi@example.jp",
    "kato@example.jp",
    "hayashi@example.jp",
    "inoue@example.jp",
    "yamaguchi@example.jp",
)
GUESTS = (
    ("国立 花子", 2),
    ("谷保 太郎", 1),
    ("青柳 家族", 4),
    ("富士見 一郎", 1),
    ("石田 さくら", 3),
    ("泉 健", 1),
    ("矢川 みどり", 2),
    ("北 直子", 1),
)
STAFF_EMAILS = ("staff@example.jp", "onishi@example.jp")


def seed(command) -> None:
    """Add the demo events and their registrations, unless they are already there."""
    existing = set(
        Event.objects.filter(title__in=[e[0] for e in EVENTS]).values_list("title", flat=True)
    )
    office = User.objects.filter(is_support_staff=True).order_by("pk").first()
    if office is None or len(existing) == len(EVENTS):
        return
    today = timezone.localdate()
    now = timezone.now()
    events = []
    for title, kind, days, hour, hours, capacity, audience, place, online, text in EVENTS:
        if title in existing:
            continue
        day = today + datetime.timedelta(days=days)
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
        held = days < 0
        events.append(
            Event(
                title=title,
                kind=kind,
                description=text,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=hours),
                place=place[0] if place else "",
                address=place[1] if place else "",
                online_url="https://meet.example.jp/kunitachi-npo" if online else "",
                capacity=capacity,
                registration_deadline=starts - datetime.timedelta(days=2),
                audience=audience,
                fee="無料",
                contact=CONTACT,
                status=Event.Status.CLOSED if held else Event.Status.PUBLISHED,
                created_by=office,
                published_at=min(starts - datetime.timedelta(days=30), now),
            )
        )
    Event.objects.bulk_create(events)
    created = Event.objects.filter(title__in=[e.title for e in events])
    people = list(User.objects.filter(email__in=PARTICIPANTS).order_by("pk"))
    staff = list(User.objects.filter(email__in=STAFF_EMAILS).order_by("pk"))
    registrations = []
    for event in created:
        registrations += _registrations_for(event, staff if event.is_staff_only else people, now)
    Registration.objects.bulk_create(registrations)
    command.stdout.write(f"イベント: {len(events)}件（申込 {len(registrations)}件）")


def _registrations_for(event: Event, people: list[User], now) -> list[Registration]:
    """Signed-in people first, then guests, until the seats are full (the full event: and then
    three parties on the waiting list); a held event has its attendance recorded."""
    held = event.starts_at < now
    rows, taken = [], 0
    at = event.published_at
    full = event.title == FULL_TITLE
    quota = event.capacity if full else max(1, event.capacity * 2 // 3)
    parties = [(person, "", 1) for person in people] + [(None, name, n) for name, n in GUESTS]
    if event.is_staff_only:
        parties = [(person, "", 1) for person in people]
    waiting = 0
    for index, (user, guest, size) in enumerate(parties):
        at += datetime.timedelta(hours=3)
        fits = taken + size <= quota
        if not fits and not (full and waiting < 3):
            continue
        if not fits:
            waiting += 1
        rows.append(
            Registration(
                event=event,
                user=user,
                guest_name=guest,
                guest_email="" if user else f"guest{event.pk}-{index}@example.jp",
                party_size=size,
                status=Registration.Status.CONFIRMED if fits else Registration.Status.WAITING,
                attended=(index % 5 != 4) if held and fits else None,
                created_at=at,
            )
        )
        taken += size if fits else 0
    if full and taken < event.capacity:
        rows.append(
            Registration(
                event=event,
                guest_name="くにたち防災ネット",
                guest_email=f"bousai{event.pk}@example.jp",
                party_size=event.capacity - taken,
                status=Registration.Status.CONFIRMED,
                created_at=event.published_at + datetime.timedelta(hours=1),
            )
        )
    return rows
