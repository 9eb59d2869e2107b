"""Editing an organization's profile: no lost update, and the public identity of a verified
organization (name, reading, kind, representative, website) changes only once the office confirms."""

import pytest
from django.core import mail
from django.urls import reverse

from kunitachi_kyodo.notifications.models import Notification
from organizations.models import Organization, OrganizationChange
from tests.conftest import PERSONAS, assert_refused_as_stale, client_for, lock_version_on
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_NAME = "NPO法人 くにたち子ども食堂ネットワーク"
OLD_NAME = "NPO法人 くにたち子ども食堂ネット"


def profile_data(organization: Organization, **changes) -> dict:
    """The edit form as the browser sends it: the stored profile, with changes."""
    return {
        "lock_version": str(organization.lock_version),
        "kind": organization.kind,
        "name": organization.name,
        "name_kana": organization.name_kana,
        "representative_name": organization.representative_name,
        "founded_on": "",
        "member_count": "",
        "purpose": organization.purpose,
        "activities": organization.activities,
        "fields": [f.pk for f in organization.fields.all()],
        "districts": [d.pk for d in organization.districts.all()],
        "address": organization.address,
        "email": organization.email,
        "phone": organization.phone,
        "website": organization.website,
        "is_public": "on" if organization.is_public else "",
        **changes,
    }


def edit(client, organization, **changes):
    return client.post(
        reverse("organizations:edit", args=[organization.pk]), profile_data(organization, **changes)
    )


@pytest.fixture
def renamed(organization, as_persona, django_capture_on_commit_callbacks):
    """The member asked to rename the organization and change its website and purpose."""
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(
            as_persona("member"),
            organization,
            name=NEW_NAME,
            website="https://example.jp/new",
            purpose="子ども食堂どうしをつなぎます。",
        )
    assert response.status_code == 302
    return OrganizationChange.objects.get(organization=organization)


# --- No lost update ---------------------------------------------------------------------------


def test_two_editors_saving_the_same_profile_do_not_overwrite_each_other(organization, users):
    editor = UserFactory()
    MembershipFactory(user=editor, organization=organization, role="editor")
    url = reverse("organizations:edit", args=[organization.pk])
    data = profile_data(organization, lock_version=lock_version_on(client_for(editor).get(url)))

    first = client_for(users["member"]).post(url, {**data, "purpose": "代表者の書いた目的"})
    second = client_for(editor).post(url, {**data, "purpose": "編集者の書いた目的"})

    assert first.status_code == 302
    assert_refused_as_stale(second, kept="編集者の書いた目的")
    organization.refresh_from_db()
    assert organization.purpose == "代表者の書いた目的"


# --- The public identity waits for the office -----------------------------------------------


def test_a_verified_organizations_new_name_waits_for_the_office(
    renamed, organization, as_persona, users
):
    organization.refresh_from_db()
    assert (organization.name, organization.website) == (OLD_NAME, "")
    # Other profile fields still save directly.
    assert organization.purpose == "子ども食堂どうしをつなぎます。"
    assert renamed.status == OrganizationChange.Status.PENDING
    assert renamed.proposed == {"name": NEW_NAME, "website": "https://example.jp/new"}
    assert renamed.previous == {"name": OLD_NAME, "website": ""}
    assert renamed.requested_by == users["member"]

    public = as_persona("anonymous")
    page = public.get(organization.get_absolute_url()).content.decode()
    directory = public.get(reverse("organizations:directory")).content.decode()
    for body in (page, directory):
        assert OLD_NAME in body and NEW_NAME not in body
    assert "https://example.jp/new" not in page

    # The office hears of it, on マイページ and by e-mail.
    assert Notification.objects.filter(
        user=users["support_office"], url__contains="office"
    ).exists()
    assert mail.outbox[-1].to == ["office@example.jp"]
    assert NEW_NAME in mail.outbox[-1].body


@pytest.mark.parametrize("persona_name", PERSONAS)
def test_who_sees_a_pending_change(renamed, organization, as_persona, persona_name):
    body = as_persona(persona_name).get(organization.get_absolute_url()).content.decode()
    # The organization's own members and the office; nobody else learns of it before it is public.
    sees = persona_name in {"member", "support_office", "admin"}
    assert ("変更は支援室の確認待ちです" in body) == sees
    assert (NEW_NAME in body) == sees


def test_the_edit_form_shows_the_pending_values_and_saving_other_fields_keeps_them(
    renamed, organization, as_persona
):
    url = reverse("organizations:edit", args=[organization.pk])
    page = as_persona("member").get(url)
    body = page.content.decode()
    assert f'value="{NEW_NAME}"' in body
    assert "変更は支援室の確認待ちです" in body
    organization.refresh_from_db()
    data = profile_data(organization, name=NEW_NAME, website="https://example.jp/new")
    response = as_persona("member").post(url, {**data, "activities": "月に2回開いています。"})
    assert response.status_code == 302
    renamed.refresh_from_db()
    assert renamed.status == OrganizationChange.Status.PENDING
    assert OrganizationChange.objects.filter(organization=organization).count() == 1


def test_a_second_request_replaces_the_pending_one_and_going_back_withdraws_it(
    renamed, organization, as_persona
):
    organization.refresh_from_db()
    edit(as_persona("member"), organization, name="NPO法人 こども食堂くにたち")
    renamed.refresh_from_db()
    assert renamed.status == OrganizationChange.Status.WITHDRAWN
    latest = OrganizationChange.objects.get(status=OrganizationChange.Status.PENDING)
    assert latest.proposed == {"name": "NPO法人 こども食堂くにたち"}

    organization.refresh_from_db()
    edit(as_persona("member"), organization)  # the verified values, unchanged
    latest.refresh_from_db()
    assert latest.status == OrganizationChange.Status.WITHDRAWN
    organization.refresh_from_db()
    assert organization.name == OLD_NAME


def test_unverified_organizations_change_their_name_directly(as_persona, users):
    pending = OrganizationFactory(pending=True)
    MembershipFactory(user=users["citizen"], organization=pending)
    edit(as_persona("citizen"), pending, name="NPO法人 登録中の新しい名前")
    pending.refresh_from_db()
    assert pending.name == "NPO法人 登録中の新しい名前"
    assert not OrganizationChange.objects.exists()


# --- The office decides -------------------------------------------------------------------------


def test_the_office_queue_lists_pending_changes(renamed, as_persona):
    body = as_persona("support_office").get(reverse("organizations:review_queue")).content.decode()
    assert "公開情報の変更" in body
    assert OLD_NAME in body and NEW_NAME in body


@pytest.mark.parametrize("persona_name", PERSONAS)
def test_only_the_office_may_accept_a_change(renamed, organization, as_persona, persona_name):
    response = as_persona(persona_name).post(
        reverse("organizations:review", args=[organization.pk]),
        {"action": "accept_change", "change": renamed.pk},
    )
    organization.refresh_from_db()
    if persona_name in {"support_office", "admin"}:
        assert response.status_code == 302
        assert organization.name == NEW_NAME
    else:
        assert response.status_code in {302, 403}
        if response.status_code == 302:  # anonymous: sent to sign in
            assert response["Location"].startswith(reverse("organizations:login"))
        assert organization.name == OLD_NAME


def test_accepting_makes_the_new_values_public_and_tells_the_members(
    renamed, organization, as_persona, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_persona("support_office").post(
            reverse("organizations:review", args=[organization.pk]),
            {"action": "accept_change", "change": renamed.pk},
        )
    renamed.refresh_from_db()
    assert renamed.status == OrganizationChange.Status.ACCEPTED
    assert renamed.decided_by == users["support_office"] and renamed.decided_at is not None
    organization.refresh_from_db()
    assert (organization.name, organization.website) == (NEW_NAME, "https://example.jp/new")
    public = as_persona("anonymous")
    assert NEW_NAME in public.get(organization.get_absolute_url()).content.decode()
    assert NEW_NAME in public.get(reverse("organizations:directory")).content.decode()
    assert Notification.objects.filter(user=users["member"], message__contains="反映").exists()
    assert mail.outbox[-1].to == ["member@example.jp"]


def test_rejecting_needs_a_reason_keeps_the_old_values_and_tells_the_members(
    renamed, organization, as_persona, users, django_capture_on_commit_callbacks
):
    url = reverse("organizations:review", args=[organization.pk])
    office = as_persona("support_office")
    response = office.post(url, {"action": "reject_change", "change": renamed.pk, "reason": " "})
    assert "このフィールドは必須です。" in response.content.decode()
    renamed.refresh_from_db()
    assert renamed.status == OrganizationChange.Status.PENDING

    reason = "法人登記の名称と一致しません。登記事項証明書の名称にしてください。"
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url, {"action": "reject_change", "change": renamed.pk, "reason": reason})
    renamed.refresh_from_db()
    assert (renamed.status, renamed.reason) == (OrganizationChange.Status.REJECTED, reason)
    organization.refresh_from_db()
    assert organization.name == OLD_NAME
    assert Notification.objects.filter(user=users["member"], message__contains="差し戻").exists()
    assert mail.outbox[-1].to == ["member@example.jp"] and reason in mail.outbox[-1].body
    page = as_persona("member").get(organization.get_absolute_url()).content.decode()
    assert reason in page
    assert reason not in as_persona("citizen").get(organization.get_absolute_url()).content.decode()


def test_a_change_replaced_meanwhile_is_not_accepted(renamed, organization, as_persona):
    organization.refresh_from_db()
    edit(as_persona("member"), organization, name="NPO法人 こども食堂くにたち")
    response = as_persona("support_office").post(
        reverse("organizations:review", args=[organization.pk]),
        {"action": "accept_change", "change": renamed.pk},
    )
    assert "新しい申請に置き換えられました" in response.content.decode()
    organization.refresh_from_db()
    assert organization.name == OLD_NAME
