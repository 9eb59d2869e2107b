"""Demo talent bank entries with mixed consent: public names, fields for verified organizations
only, one waiting for the office, one past its period. Idempotent: keyed on the person."""

import datetime

from django.utils import timezone

from organizations.models import ActivityField, District, User

from .models import CONSENT_FIELDS, Consent, ConsentChange, Skill, TalentEntry, expiry_for
from .workflow import TALENT_WORKFLOW

P, V = Consent.PUBLIC, Consent.VERIFIED

# (e-mail, name, introduction, skills, field numbers, districts, times, consent, state)
ENTRIES = (
    (
        "citizen@example.jp",
        "やまもと",
        "会社で経理を担当しています。週末に団体の会計や決算書づくりをお手伝いできます。",
        ("会計・経理", "ウェブ・IT"),
        (19, 13),
        ("富士見台", "東"),
        ("weekend", "online"),
        {"display_name": P, "introduction": P, "skills": P, "fields": V, "districts": V},
        "approved",
    ),
    (
        "editor@example.jp",
        "伊藤 さくら",
        "チラシやウェブのデザインが得意です。子ども向けのイベントの広報を手伝います。",
        ("広報・デザイン", "写真・映像"),
        (13, 2),
        ("中",),
        ("weekday_evening", "weekend"),
        {"display_name": V, "introduction": V, "skills": V, "fields": V},
        "approved",
    ),
    (
        "kato@example.jp",
        "かとう",
        "介護職として20年。高齢者の見守りや介護予防の講座で話せます。",
        ("福祉・介護", "イベント運営"),
        (1,),
        ("谷保", "青柳"),
        ("weekday_day",),
        {"display_name": P, "skills": P, "fields": P, "districts": P, "availability": P},
        "approved",
    ),
    (
        "hayashi@example.jp",
        "林",
        "シニア向けのスマートフォン教室の講師をしています。",
        ("ウェブ・IT", "語学・通訳"),
        (14, 1),
        ("北",),
        ("weekday_day", "online"),
        {"display_name": P, "introduction": P, "skills": P},
        "submitted",
    ),
    (
        "inoue@example.jp",
        "いのうえ",
        "英語・中国語の通訳ができます。",
        ("語学・通訳",),
        (11,),
        ("西",),
        ("weekend",),
        {"display_name": P, "skills": P, "fields": P},
        "expired",
    ),
)


def seed(command) -> None:
    users = {u.email: u for u in User.objects.filter(email__in=[e[0] for e in ENTRIES])}
    office = User.objects.filter(is_support_staff=True).order_by("pk").first()
    done = set(
        TalentEntry.objects.filter(user__in=users.values()).values_list("user__email", flat=True)
    )
    skills = {s.name: s for s in Skill.objects.all()}
    fields = {f.number: f for f in ActivityField.objects.all()}
    districts = {d.name: d for d in District.objects.all()}
    today = timezone.localdate()
    for email, name, intro, skill_names, numbers, places, times, levels, state in ENTRIES:
        if email in done or email not in users:
            continue
        consent = {field: levels.get(field, Consent.OFFICE) for field in CONSENT_FIELDS}
        made = today - datetime.timedelta(days=800 if state == "expired" else 120)
        entry = TalentEntry.objects.create(
            user=users[email],
            display_name=name,
            introduction=intro,
            availability=list(times),
            consent=consent,
            declares_non_partisan=True,
            expires_on=expiry_for(made),
        )
        entry.skills.set([skills[s] for s in skill_names if s in skills])
        entry.fields.set([fields[n] for n in numbers if n in fields])
        entry.districts.set([districts[p] for p in places if p in districts])
        ConsentChange.objects.create(entry=entry, consent=consent, reason="registered")
        if state in ("approved", "expired") and office is not None:
            TALENT_WORKFLOW.perform(entry, action="approve", actor=office)
        if state == "expired":
            TalentEntry.objects.filter(pk=entry.pk).update(status=TalentEntry.Status.EXPIRED)
