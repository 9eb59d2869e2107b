"""One's own talent bank entry: the declaration, the office's review, consent history on
every change and renewal, expiry, deletion, and contact through the portal."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.worklist import tasks_of
from organizations.models import ActivityField
from support_office.talent import services
from support_office.talent.models import (
    CONSENT_FIELDS,
    Consent,
    ConsentChange,
    ContactMessage,
    Skill,
    TalentEntry,
    expiry_for,
)
from tests.conftest import client_for
from tests.office.talent.builders import SECRETS, consent, talent_entry

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict:
    data = {
        "display_name": "くにたち会計さん",
        "introduction": "経理を30年やってきました。",
        "skills": [Skill.objects.get(name="会計・経理").pk],
        "fields": [ActivityField.objects.get(number=13).pk],
        "availability": ["weekend"],
        "declares_non_partisan": "on",
        **{f"consent_{name}": Consent.OFFICE for name in CONSENT_FIELDS},
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_registration_without_the_declaration_is_refused_and_keeps_the_input(users):
    response = client_for(users["citizen"]).post(
        reverse("support_office:talent:entry_edit"), _form(declares_non_partisan=None)
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "政治・宗教・営利を目的とする登録はできません。" in body
    assert "経理を30年やってきました。" in body
    assert not TalentEntry.objects.exists()


def test_registration_without_a_consent_says_so_next_to_it(users):
    response = client_for(users["citizen"]).post(
        reverse("support_office:talent:entry_edit"), _form(consent_email=None)
    )
    assert response.status_code == 400
    assert "公開の範囲を選んでください。" in response.content.decode()
    assert not TalentEntry.objects.exists()


def test_the_database_refuses_an_entry_without_the_declaration(users):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        TalentEntry.objects.create(
            user=users["citizen"],
            display_name="x",
            introduction="x",
            expires_on=timezone.localdate(),
            declares_non_partisan=False,
        )


def test_a_new_entry_waits_for_review_and_the_office_is_told(users):
    client_for(users["citizen"]).post(reverse("support_office:talent:entry_edit"), _form())
    entry = TalentEntry.objects.get()
    assert entry.status == TalentEntry.Status.SUBMITTED
    assert entry.expires_on == expiry_for(timezone.localdate())
    waiting = {task.label: task.count for task in tasks_of(users["support_office"])}
    assert waiting["確認を待つ人材バンク登録"] == 1
    assert list(entry.consent_changes.values_list("reason", flat=True)) == ["registered"]


def test_refusing_needs_a_reason(users):
    entry = talent_entry(approved=False)
    with pytest.raises(Exception) as error:
        services.entry_review(entry=entry, user=users["support_office"], action="refuse")
    assert "理由を入力してください" in str(error.value)
    services.entry_review(
        entry=entry, user=users["support_office"], action="refuse", comment="営業目的のため"
    )
    entry.refresh_from_db()
    assert entry.status == TalentEntry.Status.REFUSED


@pytest.mark.parametrize("persona", ["citizen", "member", "city_staff"])
def test_only_the_office_reviews(users, persona):
    entry = talent_entry(approved=False)
    response = client_for(users[persona]).post(
        reverse("support_office:talent:entry_review", args=[entry.pk, "approve"])
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == TalentEntry.Status.SUBMITTED


def test_every_consent_change_is_kept_and_a_changed_content_is_reviewed_again(users):
    entry = talent_entry(user=users["citizen"])
    client = client_for(users["citizen"])
    same = {
        "display_name": SECRETS["display_name"],
        "introduction": SECRETS["introduction"],
        "districts": [entry.districts.get().pk],
    }
    # Only a consent changes: kept in the history, the entry stays findable.
    client.post(
        reverse("support_office:talent:entry_edit"),
        _form(**same, consent_display_name=Consent.PUBLIC),
    )
    entry.refresh_from_db()
    assert entry.consent["display_name"] == Consent.PUBLIC
    assert [c.reason for c in entry.consent_changes.all()] == ["registered", "changed"]
    assert entry.status == TalentEntry.Status.APPROVED
    # The introduction changes: the office reviews it again before it is found.
    changed = client.post(
        reverse("support_office:talent:entry_edit"),
        _form(
            **{**same, "introduction": "選挙の応援をお願いします"},
            consent_display_name=Consent.PUBLIC,
        ),
    )
    assert changed.status_code == 302, changed.content.decode()[-3000:]
    entry.refresh_from_db()
    assert entry.status == TalentEntry.Status.SUBMITTED
    assert [c.reason for c in entry.consent_changes.all()] == ["registered", "changed"]


def test_renewal_asks_consent_again_and_brings_an_expired_entry_back_to_review(users):
    entry = talent_entry(user=users["citizen"])
    today = timezone.localdate()
    assert services.expire_entries(today=entry.expires_on + datetime.timedelta(days=1)) == 1
    entry.refresh_from_db()
    assert entry.status == TalentEntry.Status.EXPIRED
    client = client_for(users["citizen"])
    refused = client.post(reverse("support_office:talent:entry_renew"), {})
    assert refused.status_code == 400
    assert "公開の範囲を選んでください。" in refused.content.decode()
    client.post(
        reverse("support_office:talent:entry_renew"),
        {f"consent_{name}": Consent.VERIFIED for name in CONSENT_FIELDS},
    )
    entry.refresh_from_db()
    assert entry.status == TalentEntry.Status.SUBMITTED
    assert entry.expires_on == expiry_for(today)
    assert entry.consent == dict.fromkeys(CONSENT_FIELDS, Consent.VERIFIED)
    assert ConsentChange.objects.filter(entry=entry).last().reason == "renewed"


def test_an_expired_entry_is_found_by_nobody(users):
    entry = talent_entry(levels=consent(display_name=Consent.PUBLIC))
    services.expire_entries(today=entry.expires_on + datetime.timedelta(days=1))
    assert (
        client_for(users["member"])
        .get(reverse("support_office:talent:entry_detail", args=[entry.pk]))
        .status_code
        == 404
    )


def test_deleting_removes_the_entry_and_its_history(users):
    entry = talent_entry(user=users["citizen"])
    client = client_for(users["citizen"])
    from tests.conftest import CONFIRMED

    client.post(reverse("support_office:talent:entry_delete"), CONFIRMED)
    assert not TalentEntry.objects.filter(pk=entry.pk).exists()
    assert not ConsentChange.objects.exists()


def test_contact_goes_by_email_and_never_shows_the_address(
    users, django_capture_on_commit_callbacks
):
    entry = talent_entry(levels=consent(display_name=Consent.VERIFIED))
    client = client_for(users["member"])
    url = reverse("support_office:talent:entry_contact", args=[entry.pk])
    empty = client.post(url, {"body": ""})
    assert empty.status_code == 400
    assert "メッセージを入力してください。" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "会計を手伝っていただけませんか"}, follow=True)
    assert SECRETS["email"] not in response.content.decode()
    assert ContactMessage.objects.get().sender == users["member"]
    sent = [m for m in mail.outbox if SECRETS["email"] in m.to]
    assert sent and "会計を手伝っていただけませんか" in sent[0].body
    assert users["member"].email in sent[0].body  # so the person can answer


def test_a_citizen_cannot_contact(users):
    entry = talent_entry(levels=consent(display_name=Consent.PUBLIC))
    response = client_for(users["citizen"]).post(
        reverse("support_office:talent:entry_contact", args=[entry.pk]), {"body": "こんにちは"}
    )
    assert response.status_code == 403
    assert not ContactMessage.objects.exists()
