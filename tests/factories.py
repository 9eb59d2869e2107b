"""Factories for tests: a trait per state, so a test names the state it needs."""

from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from organizations.models import (
    ActivityField,
    Department,
    District,
    Invitation,
    Membership,
    Organization,
    User,
)
from proposals.calls.models import Call
from proposals.guideline.models import CriterionSet, ProjectForm
from proposals.projects.models import CollaborationProject
from proposals.proposals.models import Proposal, ProposalRoleShare
from proposals.review.models import ReviewRound

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
    email_confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        city_staff = factory.Trait(
            is_city_staff=True, department=factory.SubFactory(DepartmentFactory)
        )
        coordinator = factory.Trait(
            is_city_staff=True,
            is_collaboration_coordinator=True,
            department=factory.SubFactory(DepartmentFactory),
        )
        support_staff = factory.Trait(is_support_staff=True)
        support_lead = factory.Trait(is_support_staff=True, is_support_lead=True)
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


def _days_from_now(days: int):
    return factory.LazyFunction(lambda: timezone.now() + timedelta(days=days))


class CallFactory(factory.django.DjangoModelFactory):
    """A published call, open now; traits draft, upcoming and ended."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"テスト事業{n}")
    department = factory.SubFactory(DepartmentFactory)
    background = "高齢の方の孤立が地域の課題になっています。"
    expected_outcome = "見守りの担い手が増え、孤立する方が減ること。"
    budget_cap = 1_000_000
    eligibility = "市内で活動するNPO法人・任意団体・企業"
    exclusions = "営利を目的とする事業"
    opens_at = _days_from_now(-10)
    closes_at = _days_from_now(20)
    review_criteria = "公益性・協働の必要性・実現性で審査します。"
    contact = "テスト課 電話 042-576-2111"
    status = Call.Status.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: None if o.status == Call.Status.DRAFT else o.opens_at
    )
    created_by = factory.SubFactory(
        UserFactory, city_staff=True, department=factory.SelfAttribute("..department")
    )

    class Params:
        draft = factory.Trait(status=Call.Status.DRAFT)
        upcoming = factory.Trait(opens_at=_days_from_now(10), closes_at=_days_from_now(40))
        ended = factory.Trait(
            status=Call.Status.CLOSED, opens_at=_days_from_now(-60), closes_at=_days_from_now(-30)
        )

    @factory.post_generation
    def forms(self, create, extracted, **kwargs):
        if create:
            self.forms.set(extracted or ProjectForm.objects.filter(code="commission"))


class ProposalFactory(factory.django.DjangoModelFactory):
    """A proposal; traits put it in a workflow state (submitted ones have a submission time)."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    origin = Proposal.Origin.FREE
    proposer = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"地域の見守り事業{n}")
    local_issue = "一人暮らしの高齢者が増え、地域で孤立しがちです。"
    goal = "週に一度、顔を合わせる機会をつくる。"
    indicators = "参加者数 年間300人"
    content = "毎週火曜日に集会所でお茶会を開きます。"
    expected_effect = "孤立の予防と、見守りの担い手づくり。"
    why_collaboration = "市の福祉情報と団体の地域のつながりを合わせるため。"
    public_summary = "高齢者の見守りを兼ねたお茶会を、地域と市で開きます。"
    publish_consent = True
    # Within CallFactory's cap; no budget lines, so income and expenses balance (at 0).
    requested_amount = 300_000

    class Params:
        consultation = factory.Trait(status=Proposal.Status.CONSULTATION)
        submitted = factory.Trait(
            status=Proposal.Status.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        screening = factory.Trait(
            status=Proposal.Status.SCREENING, submitted_at=factory.LazyFunction(timezone.now)
        )
        open_review = factory.Trait(
            status=Proposal.Status.OPEN_REVIEW, submitted_at=factory.LazyFunction(timezone.now)
        )
        returned = factory.Trait(
            status=Proposal.Status.RETURNED, submitted_at=factory.LazyFunction(timezone.now)
        )
        adopted = factory.Trait(
            status=Proposal.Status.ADOPTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        not_adopted = factory.Trait(
            status=Proposal.Status.NOT_ADOPTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        withdrawn = factory.Trait(status=Proposal.Status.WITHDRAWN)

    @factory.post_generation
    def role_shares(self, create, extracted, **kwargs):
        if create:
            ProposalRoleShare.objects.create(
                proposal=self,
                task="広報",
                proposer_role="チラシの作成と配布",
                city_role="市報への掲載",
            )


def default_criterion_set():
    """The seeded default criteria (6 items, 100 points, pass line 50)."""
    return CriterionSet.objects.get(is_default=True)


class ReviewRoundFactory(factory.django.DjangoModelFactory):
    """A round of the public presentation (二次審査) using the default criteria."""

    class Meta:
        model = ReviewRound

    title = factory.Sequence(lambda n: f"令和8年度 協働事業提案 公開審査 第{n}回")
    stage = ReviewRound.Stage.OPEN_REVIEW
    fiscal_year = 2026
    criterion_set = factory.LazyFunction(default_criterion_set)
    created_by = factory.SubFactory(UserFactory, city_staff=True)
    # Run by the creator's department, as the staff's page makes it.
    department = factory.LazyAttribute(lambda o: o.created_by.department or DepartmentFactory())

    class Params:
        scoring = factory.Trait(status=ReviewRound.Status.SCORING)
        # Published without entries: frozen with its set's scheme, as round_publish does.
        published = factory.Trait(
            status=ReviewRound.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            frozen_scheme=factory.LazyAttribute(lambda o: o.criterion_set.scheme().to_dict()),
        )


def decide_through_review(proposal, *, staff, decision="adopt", reason="協働の効果が大きい"):
    """Decide a proposal the only way the portal allows: publish a review round holding it.

    The round (書類審査による決定 from screening, or the open review) has one reviewer
    and is closed without sheets, which staff may do explicitly.
    """
    from proposals.review import services as review_services

    stage = (
        ReviewRound.Stage.OPEN_REVIEW
        if proposal.status == Proposal.Status.OPEN_REVIEW
        else ReviewRound.Stage.DOCUMENT
    )
    review_round = ReviewRoundFactory(stage=stage, created_by=staff)
    review_services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    review_services.reviewer_assign(
        round=review_round, reviewer=UserFactory(reviewer=True), user=staff, kind="external"
    )
    review_services.round_start_scoring(round=review_round, user=staff)
    review_services.entry_decide(
        entry=review_round.entries.get(), decision=decision, reason=reason, user=staff
    )
    review_services.round_publish(round=review_round, user=staff, close_incomplete=True)
    proposal.refresh_from_db()
    return review_round


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project the city registered itself (既存事業の協働化), with its partners given by `partners=`."""

    class Meta:
        model = CollaborationProject
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"既存事業の協働化{n}")
    summary = "既存の事業を、地域の団体と協働で行います。"
    origin = CollaborationProject.Origin.EXISTING
    department = factory.SubFactory(DepartmentFactory)
    form = factory.LazyFunction(lambda: ProjectForm.objects.get(code="co-hosting"))
    first_fiscal_year = 2026
    last_fiscal_year = 2026
    created_by = factory.SubFactory(UserFactory, city_staff=True)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


def agreement_values(agreement, **changes):
    """The values an agreement holds now, as its service takes them, with `changes`."""
    from proposals.projects.services import agreement_values_of

    return agreement_values_of(agreement, **changes)
