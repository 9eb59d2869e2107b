"""Field-level consent: a field reaches a viewer only at the level its person chose, in every
way out of the portal (the entry page, the search, a filter on it, the board's suggestions,
the feeds). The owner's own export holds everything."""

import json

import pytest
from django.urls import reverse

from support_office.talent.models import CONSENT_FIELDS, Consent
from support_office.talent.selectors import entries_for, visible_fields
from tests.conftest import client_for
from tests.office.talent.builders import SECRETS, consent, published_request, talent_entry

pytestmark = pytest.mark.django_db

# Persona → the consent levels they reach.
REACHES = {
    "anonymous": {Consent.PUBLIC},
    "citizen": {Consent.PUBLIC},
    "member": {Consent.PUBLIC, Consent.VERIFIED},  # a member of a verified organization
    "support_office": {Consent.PUBLIC, Consent.VERIFIED, Consent.OFFICE},
}
LEVELS = [Consent.PUBLIC, Consent.VERIFIED, Consent.OFFICE]


def _pages(users, persona, entry):
    """Every page a viewer may reach the entry through, as text."""
    client = client_for(users[persona])
    bodies = [
        client.get(reverse("support_office:talent:entry_detail", args=[entry.pk])).content.decode()
    ]
    search = client.get(reverse("support_office:talent:search"))
    if search.status_code == 200:
        bodies.append(search.content.decode())
        bodies.append(
            client.get(
                reverse("support_office:talent:search") + "?skill=1&field=13"
            ).content.decode()
        )
    bodies.append(client.get(reverse("feeds:all")).content.decode())
    bodies.append(client.get(reverse("search:search") + "?q=秘密").content.decode())
    return "\n".join(bodies)


@pytest.mark.parametrize("persona", list(REACHES))
@pytest.mark.parametrize("level", LEVELS)
def test_a_field_reaches_a_persona_only_at_its_consented_level(users, persona, level):
    # Name and introduction at `level`, the e-mail never beyond the office.
    entry = talent_entry(levels=consent(display_name=level, introduction=level))
    body = _pages(users, persona, entry)
    shown = level in REACHES[persona]
    assert (SECRETS["display_name"] in body) is shown
    assert (SECRETS["introduction"] in body) is shown
    if persona != "support_office":
        assert SECRETS["email"] not in body


@pytest.mark.parametrize("persona", list(REACHES))
def test_the_selector_returns_only_consented_fields(users, persona):
    levels = {"display_name": Consent.PUBLIC, "skills": Consent.VERIFIED, "email": Consent.OFFICE}
    entry = talent_entry(levels=consent(**levels))
    seen = visible_fields(entry, users[persona])
    expected = {name for name in CONSENT_FIELDS if consent(**levels)[name] in REACHES[persona]}
    assert set(seen.values) == expected


def test_a_filter_on_a_hidden_field_does_not_find_the_person(users):
    """The skill is shown to the office only: a verified member filtering on it must not find
    the person (the result would reveal the hidden skill)."""
    entry = talent_entry(levels=consent(display_name=Consent.VERIFIED))
    from support_office.talent.models import Skill

    skill = Skill.objects.get(name="会計・経理")
    today = entry.expires_on.replace(year=entry.expires_on.year - 1)
    assert entry in entries_for(users["member"], today=today)
    assert entry not in entries_for(users["member"], today=today, skill=skill)
    assert entry in entries_for(users["support_office"], today=today, skill=skill)


def test_an_entry_not_yet_approved_is_found_by_nobody_but_the_office(users):
    entry = talent_entry(levels=consent(display_name=Consent.PUBLIC), approved=False)
    for persona in ("anonymous", "citizen", "member"):
        response = client_for(users[persona]).get(
            reverse("support_office:talent:entry_detail", args=[entry.pk])
        )
        assert response.status_code == 404, persona
    office = client_for(users["support_office"]).get(
        reverse("support_office:talent:entry_detail", args=[entry.pk])
    )
    assert office.status_code == 200


def test_suggestions_on_the_board_use_only_fields_the_viewer_may_see(users):
    # Fields and name public, everything else office-only: the poster (a citizen) sees the
    # person suggested by field alone; the office sees the skill and district in common too.
    entry = talent_entry(levels=consent(display_name=Consent.PUBLIC, fields=Consent.PUBLIC))
    item = published_request(users["citizen"], users["support_office"])
    url = reverse("support_office:coordination:request_detail", args=[item.pk])
    citizen_page = client_for(users["citizen"]).get(url).content.decode()
    office_page = client_for(users["support_office"]).get(url).content.decode()
    assert SECRETS["display_name"] in citizen_page
    assert "会計・経理" not in citizen_page.split("共通点の多い相手")[1]
    assert "会計・経理" in office_page.split("共通点の多い相手")[1]
    assert entry.get_absolute_url() in office_page


def test_the_owner_exports_everything_of_their_own_entry(users):
    entry = talent_entry(user=users["citizen"], levels=consent())
    client = client_for(users["citizen"])
    data = json.loads(client.get(reverse("support_office:talent:export_json")).content)
    assert data["display_name"] == SECRETS["display_name"]
    assert data["email"] == users["citizen"].email
    assert data["consent"] == entry.consent
    assert [row["reason"] for row in data["consent_history"]] == ["registered"]
    csv_body = client.get(reverse("support_office:talent:export_csv")).content.decode("utf-8-sig")
    assert SECRETS["introduction"] in csv_body


def test_the_export_is_only_ones_own(users):
    talent_entry(levels=consent(display_name=Consent.PUBLIC))  # someone else's
    response = client_for(users["member"]).get(reverse("support_office:talent:export_json"))
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["member", "support_office"])
def test_the_unfiltered_search_lists_every_findable_entry(users, persona):
    talent_entry(levels=consent(display_name=Consent.VERIFIED))
    body = client_for(users[persona]).get(reverse("support_office:talent:search")).content.decode()
    assert SECRETS["display_name"] in body
    assert "1人が見つかりました。" in body
