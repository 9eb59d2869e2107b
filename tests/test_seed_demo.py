"""`manage.py seed_demo`: deterministic, idempotent, valid demo data."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import timezone

from kunitachi_kyodo import demo_data
from organizations.models import (
    Department,
    District,
    Membership,
    Organization,
    OrganizationReview,
    User,
)
from proposals.models import Call

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (Department, User, Organization, OrganizationReview, Membership, Call)
    counted = {model.__name__: model.objects.count() for model in models}
    counted["call_forms"] = Call.forms.through.objects.count()
    counted["fields"] = Organization.fields.through.objects.count()
    counted["districts"] = Organization.districts.through.objects.count()
    return counted


def snapshot() -> dict[str, list]:
    """Everything the command writes, without timestamps and password salts."""
    return {
        "departments": list(Department.objects.order_by("name").values_list()),
        "users": list(
            User.objects.order_by("email").values_list(
                "email", "full_name", "full_name_kana", "is_active", "is_staff", "is_superuser",
                "is_city_staff", "department__name", "is_reviewer", "is_support_staff",
            )
        ),
        "organizations": list(
            Organization.objects.order_by("name").values_list(
                "kind", "name", "name_kana", "representative_name", "founded_on", "member_count",
                "purpose", "activities", "address", "email", "phone", "website", "is_public",
                "status", "created_by__email",
            )
        ),
        "fields": sorted(Organization.fields.through.objects.values_list("organization__name", "activityfield__number")),
        "districts": sorted(Organization.districts.through.objects.values_list("organization__name", "district__name")),
        "reviews": sorted(
            OrganizationReview.objects.values_list("organization__name", "decision", "reason", "reviewer__email")
        ),
        "memberships": sorted(Membership.objects.values_list("user__email", "organization__name", "role")),
        "calls": list(
            Call.objects.order_by("title").values_list(
                "title", "department__name", "background", "expected_outcome", "budget_cap",
                "eligibility", "exclusions", "opens_at", "closes_at", "requires_consultation",
                "review_criteria", "contact", "status", "published_at", "created_by__email",
            )
        ),
        "call_forms": sorted(Call.forms.through.objects.values_list("call__title", "projectform__code")),
    }  # fmt: skip


def test_running_twice_leaves_the_same_data():
    seed()
    first_counts, first = counts(), snapshot()
    seed()
    assert counts() == first_counts
    assert snapshot() == first
    assert first_counts["Organization"] == len(demo_data.ORGANIZATIONS) >= 30
    assert first_counts["Department"] == len(demo_data.DEPARTMENTS) >= 10


def test_every_kind_and_every_district_is_used():
    seed()
    assert set(Organization.objects.values_list("kind", flat=True)) == set(Organization.Kind.values)
    assert not District.objects.filter(organizations__isnull=True).exists()
    assert District.objects.count() == 10
    used_fields = set(
        Organization.fields.through.objects.values_list("activityfield__number", flat=True)
    )
    assert len(used_fields) >= 15


def test_every_demo_account_signs_in_with_the_demo_password():
    seed()
    for account in demo_data.ACCOUNTS:
        user = authenticate(
            request=RequestFactory().post("/"),
            username=account["email"],
            password=demo_data.DEMO_PASSWORD,
        )
        assert user is not None, account["email"]
        assert user.email == account["email"]
        assert user.is_active


def test_each_account_has_its_role():
    seed()
    user = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.jp")}
    assert user["admin"].is_superuser and user["admin"].is_staff
    assert user["office"].is_support_staff and not user["office"].is_superuser
    assert user["staff"].is_city_staff and user["staff"].department is not None
    assert user["reviewer"].is_reviewer and not user["reviewer"].is_city_staff
    citizen = user["citizen"]
    assert not any(
        (
            citizen.is_superuser,
            citizen.is_staff,
            citizen.is_city_staff,
            citizen.is_reviewer,
            citizen.is_support_staff,
        )
    )
    assert not citizen.memberships.exists()

    representative = Membership.objects.get(user=user["member"])
    editor = Membership.objects.get(user=user["editor"])
    assert representative.role == Membership.Role.REPRESENTATIVE
    assert editor.role == Membership.Role.EDITOR
    assert representative.organization == editor.organization
    org = representative.organization
    assert org.kind == Organization.Kind.NPO_CORPORATION
    assert org.status == Organization.Status.VERIFIED and org.is_public
    assert org.created_by == user["member"]


def test_statuses_and_review_records():
    seed()
    office = User.objects.get(email=demo_data.OFFICE_EMAIL)
    orgs = Organization.objects.all()
    assert orgs.filter(status="pending").count() >= 2
    assert orgs.filter(status="verified", is_public=False).count() >= 2
    assert orgs.filter(status="verified", is_public=True).count() > orgs.count() / 2

    rejected = orgs.get(status="rejected")
    review = rejected.reviews.get()
    assert review.decision == OrganizationReview.Decision.REJECTED
    assert review.reason and review.reviewer == office

    for org in orgs.filter(status="verified"):
        assert org.reviews.filter(decision="verified", reviewer=office).exists(), org.name
    assert not OrganizationReview.objects.filter(organization__status="pending").exists()


def test_every_row_passes_model_validation():
    seed()
    for model in (Department, User, Organization, OrganizationReview, Membership, Call):
        for obj in model.objects.all():
            obj.full_clean()


def test_rerun_after_people_changed_the_data_does_not_crash_and_restores_the_demo():
    seed()
    first_counts = counts()
    member = User.objects.get(email="member@example.jp")
    member.set_password("changed-by-the-user")
    member.full_name = "別の 名前"
    member.save()
    org = member.memberships.get().organization
    org.status = Organization.Status.PENDING
    org.is_public = False
    org.save()
    org.fields.clear()
    Membership.objects.filter(user__email="editor@example.jp").update(role=Membership.Role.MEMBER)
    User.objects.filter(email="citizen@example.jp").update(is_reviewer=True, is_active=False)
    Organization.objects.get(name="谷保天神通り商店会").delete()
    Department.objects.filter(name="生活環境部 環境政策課").update(kana="", phone="")

    seed()

    assert counts() == first_counts
    member.refresh_from_db()
    assert member.check_password(demo_data.DEMO_PASSWORD)
    assert member.full_name == "渡辺 直樹"
    org.refresh_from_db()
    assert org.status == Organization.Status.VERIFIED and org.is_public
    assert org.fields.exists()
    assert Membership.objects.get(user__email="editor@example.jp").role == Membership.Role.EDITOR
    citizen = User.objects.get(email="citizen@example.jp")
    assert citizen.is_active and not citizen.is_reviewer
    assert Organization.objects.filter(name="谷保天神通り商店会").exists()


def test_rerun_tolerates_rows_people_added():
    """A same-named organization (names are not unique) and extra reviews do not break it."""
    seed()
    office = User.objects.get(email=demo_data.OFFICE_EMAIL)
    original = Organization.objects.get(name="矢川駅南口商店会")
    duplicate = Organization.objects.create(
        kind="shopping",
        name=original.name,
        name_kana=original.name_kana,
        representative_name="別人",
        purpose="目的",
        activities="活動",
        created_by=office,
    )
    OrganizationReview.objects.create(organization=original, decision="verified", reviewer=office)

    seed()

    original.refresh_from_db()
    duplicate.refresh_from_db()
    assert original.representative_name == "岡田 功"
    assert duplicate.representative_name == "別人"


def test_calls_are_open_upcoming_ended_and_draft_whatever_the_day():
    seed()
    calls = Call.objects.all()
    assert calls.count() == len(demo_data.CALLS) >= 4
    assert calls.open_now().filter(requires_consultation=True).exists()
    assert calls.upcoming().exists()
    assert calls.ended().filter(status=Call.Status.CLOSED).exists()
    assert calls.filter(status=Call.Status.DRAFT, published_at__isnull=True).exists()
    assert not calls.filter(forms__isnull=True).exists()
    for call in calls.public():
        assert call.published_at is not None and call.published_at <= timezone.now()
    # The demo city staff can publish the draft of their own department.
    staff = User.objects.get(email="staff@example.jp")
    draft = calls.get(status=Call.Status.DRAFT)
    assert staff.has_perm("proposals.edit_call", draft)


def test_rerun_puts_the_demo_calls_back():
    seed()
    first = snapshot()["calls"]
    draft = Call.objects.get(status=Call.Status.DRAFT)
    Call.objects.filter(pk=draft.pk).update(status=Call.Status.PUBLISHED, contact="変更")
    draft.forms.clear()
    Call.objects.filter(status=Call.Status.CLOSED).delete()

    seed()

    assert snapshot()["calls"] == first
    assert Call.objects.get(pk=draft.pk).forms.exists()


def test_prints_the_demo_accounts():
    out = seed()
    for account in demo_data.ACCOUNTS:
        assert account["email"] in out
        assert account["role_label"] in out
    assert demo_data.DEMO_PASSWORD in out


def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.filter(email="admin@example.jp").exists()
