import pytest
from django.core import mail
from django.urls import reverse

from organizations.models import (
    ActivityField,
    District,
    Membership,
    Organization,
    OrganizationStatusChange,
)
from tests.factories import InvitationFactory, MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def registration_data(**overrides):
    return {
        "kind": "npo",
        "name": "NPO法人 矢川こども広場",
        "name_kana": "やがわこどもひろば",
        "representative_name": "矢川 太郎",
        "founded_on": "2015-04-01",
        "member_count": "12",
        "purpose": "矢川地域の子どもたちが安心して遊べる場所をつくる。",
        "activities": "毎週水曜日に児童館で遊びの会を開いています。",
        "fields": [ActivityField.objects.get(number=13).pk],
        "districts": [District.objects.get(name="矢川").pk],
        "phone": "042-576-2111",
        "website": "https://example.jp/yagawa",
        "email": "info@example.jp",
        "is_public": "on",
        **overrides,
    }


def edit_data(organization: Organization, **overrides):
    """The edit form as the browser sends it, opened at the organization's stored version."""
    return registration_data(lock_version=str(organization.lock_version), **overrides)


def test_registering_makes_a_private_pending_organization_with_its_registrant_as_representative(
    as_persona, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_persona("citizen").post(
            reverse("organizations:register"), registration_data()
        )
    organization = Organization.objects.get(name="NPO法人 矢川こども広場")
    assert response.status_code == 302
    assert organization.status == Organization.Status.PENDING
    assert Membership.objects.get(organization=organization).user == users["citizen"]
    assert Membership.objects.get(organization=organization).role == Membership.Role.REPRESENTATIVE
    assert mail.outbox[0].to == ["office@example.jp"]
    assert organization not in Organization.objects.public()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name_kana", "ヤガワ", "ひらがなで入力してください"),
        ("phone", "042-576", "電話番号は、0から始まる10桁または11桁"),
        ("website", "javascript:alert(1)", "正しいURLで入力してください"),
        ("name", "", "このフィールドは必須です。"),
        ("fields", [], "このフィールドは必須です。"),
        ("name", "あ" * 10_000, "200字以内で入力してください（いま10,000字）。"),
    ],
)
def test_bad_registration_input_is_refused_next_to_the_field_and_nothing_is_saved(
    as_persona, field, value, message
):
    response = as_persona("citizen").post(
        reverse("organizations:register"), registration_data(**{field: value})
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert (
        "矢川地域の子どもたちが安心して遊べる場所をつくる。" in body
    )  # the rest of the input is kept
    assert not Organization.objects.filter(purpose__startswith="矢川地域").exists()
    assert not Membership.objects.filter(user__email="citizen@example.jp").exists()


@pytest.mark.parametrize(
    ("persona_name", "status"),
    [
        ("anonymous", 404),
        ("citizen", 404),
        ("other_member", 404),
        ("reviewer", 404),
        ("city_staff", 200),
        ("support_office", 200),
        ("admin", 200),
    ],
)
def test_a_pending_organization_reached_by_url_is_a_404_except_for_staff(
    as_persona, persona_name, status
):
    pending = OrganizationFactory(pending=True)
    assert as_persona(persona_name).get(pending.get_absolute_url()).status_code == status


def test_members_of_a_pending_organization_see_its_page_with_its_status(as_persona, users):
    pending = OrganizationFactory(pending=True)
    MembershipFactory(user=users["citizen"], organization=pending)
    response = as_persona("citizen").get(pending.get_absolute_url())
    assert response.status_code == 200
    assert "支援室の確認待ちです" in response.content.decode()


def test_editing_an_organization_you_are_not_a_member_of_is_forbidden(as_persona, organization):
    response = as_persona("other_member").post(
        reverse("organizations:edit", args=[organization.pk]),
        edit_data(organization, name="乗っ取り"),
    )
    assert response.status_code == 403
    organization.refresh_from_db()
    assert organization.name == "NPO法人 くにたち子ども食堂ネット"


def test_plain_members_cannot_edit_but_editors_can(as_persona, organization, users):
    member = UserFactory()
    MembershipFactory(user=member, organization=organization, role=Membership.Role.MEMBER)
    editor = UserFactory()
    MembershipFactory(user=editor, organization=organization, role=Membership.Role.EDITOR)
    url = reverse("organizations:edit", args=[organization.pk])
    from tests.conftest import client_for

    assert client_for(member).post(url, edit_data(organization)).status_code == 403
    response = client_for(editor).post(url, edit_data(organization, purpose="新しい活動目的"))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.purpose == "新しい活動目的"
    assert organization.status == Organization.Status.VERIFIED


def test_support_office_verifies_and_the_organization_appears_in_the_directory(
    as_persona, users, django_capture_on_commit_callbacks
):
    pending = OrganizationFactory(pending=True, name="NPO法人 谷保たんぼの会")
    MembershipFactory(user=users["citizen"], organization=pending)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_persona("support_office").post(
            reverse("organizations:review", args=[pending.pk]), {"action": "verify"}
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Organization.Status.VERIFIED
    review = OrganizationStatusChange.objects.get(organization=pending)
    assert (review.action, review.from_status, review.to_status, review.actor) == (
        "verify",
        "pending",
        "verified",
        users["support_office"],
    )
    assert not review.is_public
    assert review.created_at is not None
    assert mail.outbox[-1].to == ["citizen@example.jp"]
    directory = as_persona("anonymous").get(reverse("organizations:directory")).content.decode()
    assert "NPO法人 谷保たんぼの会" in directory
    assert as_persona("anonymous").get(pending.get_absolute_url()).status_code == 200


def test_rejection_needs_a_reason_and_the_reason_reaches_the_members(
    as_persona, users, django_capture_on_commit_callbacks
):
    pending = OrganizationFactory(pending=True)
    MembershipFactory(user=users["citizen"], organization=pending)
    url = reverse("organizations:review", args=[pending.pk])
    response = as_persona("support_office").post(url, {"action": "reject", "reason": "  "})
    assert "このフィールドは必須です。" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Organization.Status.PENDING
    assert not OrganizationStatusChange.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        as_persona("support_office").post(
            url, {"action": "reject", "reason": "活動実績を具体的に書いてください。"}
        )
    pending.refresh_from_db()
    assert pending.status == Organization.Status.REJECTED
    assert "活動実績を具体的に書いてください。" in mail.outbox[-1].body
    page = as_persona("citizen").get(pending.get_absolute_url()).content.decode()
    assert "活動実績を具体的に書いてください。" in page


def test_editing_a_rejected_organization_sends_it_back_to_the_queue(as_persona, users):
    rejected = OrganizationFactory(rejected=True)
    MembershipFactory(user=users["citizen"], organization=rejected)
    as_persona("citizen").post(
        reverse("organizations:edit", args=[rejected.pk]),
        edit_data(rejected, name="NPO法人 直した団体名"),
    )
    rejected.refresh_from_db()
    assert rejected.status == Organization.Status.PENDING
    resubmission = rejected.status_changes.get()
    assert (resubmission.action, resubmission.actor) == ("resubmit", users["citizen"])
    # Not yet public, so the office sees the whole registration again: the name saves directly.
    assert rejected.name == "NPO法人 直した団体名"


def test_a_decided_organization_cannot_be_decided_again(as_persona, organization):
    response = as_persona("support_office").post(
        reverse("organizations:review", args=[organization.pk]),
        {"action": "reject", "reason": "念のため"},
    )
    assert "すでに確認済みか差し戻し済みです" in response.content.decode()
    organization.refresh_from_db()
    assert organization.status == Organization.Status.VERIFIED


def test_city_staff_cannot_verify(as_persona):
    pending = OrganizationFactory(pending=True)
    response = as_persona("city_staff").post(
        reverse("organizations:review", args=[pending.pk]), {"action": "verify"}
    )
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == Organization.Status.PENDING


def test_invitation_by_email_makes_the_invitee_a_member(
    as_persona, organization, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_persona("member").post(
            reverse("organizations:members", args=[organization.pk]),
            {"email": "Citizen@Example.jp", "role": "editor"},
        )
    assert mail.outbox[-1].to == ["citizen@example.jp"]
    invitation = organization.invitations.get()
    assert invitation.token in mail.outbox[-1].body
    as_persona("citizen").post(reverse("organizations:invitation_accept", args=[invitation.token]))
    membership = Membership.objects.get(user=users["citizen"], organization=organization)
    assert membership.role == Membership.Role.EDITOR
    # An invitation is used once.
    response = as_persona("citizen").post(
        reverse("organizations:invitation_accept", args=[invitation.token])
    )
    assert "すでに使われています" in response.content.decode()


def test_someone_elses_invitation_cannot_be_accepted(as_persona, organization):
    invitation = InvitationFactory(organization=organization, email="someone@example.jp")
    response = as_persona("citizen").post(
        reverse("organizations:invitation_accept", args=[invitation.token])
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(user__email="citizen@example.jp").exists()


def test_inviting_an_existing_member_is_refused(as_persona, organization):
    response = as_persona("member").post(
        reverse("organizations:members", args=[organization.pk]),
        {"email": "member@example.jp", "role": "member"},
    )
    assert "すでにこの団体のメンバーです" in response.content.decode()
    assert not organization.invitations.exists()
