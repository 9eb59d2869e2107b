"""Factories for tests: a trait per state, so a test names the state it needs."""

import factory
from django.contrib.auth.hashers import make_password

from organizations.models import (
    ActivityField,
    Department,
    District,
    Invitation,
    Membership,
    Organization,
    User,
)

PASSWORD = "correct-horse-battery-42"
# Hashing once keeps the suite fast: every user shares this precomputed hash.
PASSWORD_HASH = make_password(PASSWORD)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"テスト課{n}")
    kana = factory.Sequence(lambda n: "てすとか")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"user{n}@example.jp")
    full_name = factory.Sequence(lambda n: f"利用者{n}")
    full_name_kana = "りようしゃ"
    password = PASSWORD_HASH
    is_active = True

    class Params:
        city_staff = factory.Trait(
            is_city_staff=True, department=factory.SubFactory(DepartmentFactory)
        )
        support_staff = factory.Trait(is_support_staff=True)
        reviewer = factory.Trait(is_reviewer=True)
        admin = factory.Trait(is_superuser=True, is_staff=True)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    kind = Organization.Kind.NPO_CORPORATION
    name = factory.Sequence(lambda n: f"NPO法人 テスト協働会{n}")
    name_kana = "てすときょうどうかい"
    representative_name = "国立 太郎"
    purpose = "地域の子どもたちの居場所をつくります。"
    activities = "毎週土曜日に子ども食堂を開いています。"
    status = Organization.Status.VERIFIED
    is_public = True
    created_by = factory.SubFactory(UserFactory)

    class Params:
        pending = factory.Trait(status=Organization.Status.PENDING)
        rejected = factory.Trait(status=Organization.Status.REJECTED)
        unlisted = factory.Trait(is_public=False)

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create:
            self.fields.set(extracted or ActivityField.objects.filter(number__in=[1, 13]))

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create:
            self.districts.set(extracted or District.objects.filter(name="富士見台"))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.REPRESENTATIVE


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.jp")
    role = Membership.Role.MEMBER
    invited_by = factory.SubFactory(UserFactory)
    token = factory.Sequence(lambda n: f"token-{n:040d}")
