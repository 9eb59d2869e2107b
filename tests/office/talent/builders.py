"""Talent entries and coordination requests built through the services, as people make them."""

import datetime

from django.utils import timezone

from organizations.models import ActivityField, District
from support_office.coordination import services as coordination
from support_office.talent import services as talent
from support_office.talent.models import CONSENT_FIELDS, Consent, Skill, TalentEntry
from tests.factories import UserFactory

# Each field's value carries a word found nowhere else, so a page shows it or it does not.
SECRETS = {
    "display_name": "秘密名前ヒトミ",
    "introduction": "秘密自己紹介カモメ",
    "email": "hidden-person@example.jp",
}


def consent(**levels) -> dict:
    """Every field office-only, except those named."""
    return {name: levels.get(name, Consent.OFFICE) for name in CONSENT_FIELDS}


def talent_entry(
    *, user=None, levels: dict | None = None, approved=True, skill="会計・経理", field_number=13
) -> TalentEntry:
    user = user or UserFactory(email=SECRETS["email"])
    today = timezone.localdate()
    entry = talent.entry_register(
        user=user,
        values=talent.TalentValues(
            display_name=SECRETS["display_name"],
            introduction=SECRETS["introduction"],
            skills=(Skill.objects.get(name=skill),),
            fields=(ActivityField.objects.get(number=field_number),),
            districts=(District.objects.get(name="富士見台"),),
            availability=("weekend",),
            declares_non_partisan=True,
        ),
        consent=levels if levels is not None else consent(),
        today=today,
    )
    if approved:
        office = UserFactory(email="talent-office@example.jp", support_staff=True)
        talent.entry_review(entry=entry, user=office, action="approve")
    entry.refresh_from_db()
    return entry


def request_values(**changes) -> coordination.RequestValues:
    values = {
        "title": "子ども食堂の会場を探しています",
        "kind": "seeking_venue",
        "poster_kind": "citizen",
        "description": "毎月第2土曜日に使える調理室を探しています。",
        "contact": "秘密連絡先 042-000-0000",
        "open_until": timezone.localdate() + datetime.timedelta(days=30),
        "fields": (ActivityField.objects.get(number=13),),
        "skills": (Skill.objects.get(name="会計・経理"),),
        "districts": (District.objects.get(name="富士見台"),),
        "availability": ("weekend",),
    }
    values.update(changes)
    return coordination.RequestValues(**values)


def published_request(poster, office, **changes):
    item = coordination.request_save(user=poster, values=request_values(**changes))
    coordination.request_transition(request=item, action="submit", actor=poster)
    coordination.request_transition(request=item, action="publish", actor=office)
    item.refresh_from_db()
    return item
