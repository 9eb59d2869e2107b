"""Every named URL × every persona: who gets the page, who is sent to log in, who is refused.

A URL added without an entry in EXPECTED fails `test_every_url_has_an_expectation`,
so access is decided on purpose for every new page.
"""

from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from proposals.calls.models import CallAttachment, CallBriefing, CallQuestion
from proposals.proposals.models import ProposalAttachment, ProposalVersion
from proposals.proposals.selectors import snapshot_of
from proposals.proposals.services import proposal_transition
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewerAssignment,
    ReviewSession,
)
from tests.conftest import (
    PERSONAS,
    client_for,
    make_organization,
    make_other_organization,
    make_users,
    module_data,
    settings_for_tests,
)
from tests.factories import (
    CallFactory,
    InvitationFactory,
    OrganizationFactory,
    ProposalFactory,
    ReviewRoundFactory,
)
from tests.office.surveys.walk import survey_url_args

LOGIN = "login"  # a 302 to the login page
ALL = dict.fromkeys(PERSONAS)


def only(allowed: set[str], *, denied=403) -> dict[str, object]:
    """Signed-in personas in `allowed` get 200, anonymous logs in, the rest get `denied`."""
    return {p: 200 if p in allowed else (LOGIN if p == "anonymous" else denied) for p in PERSONAS}


def everyone(status) -> dict[str, object]:
    return dict.fromkeys(PERSONAS, status)


SIGNED_IN = only(set(PERSONAS) - {"anonymous"})
OFFICE = only({"support_office", "admin"})
# Every city staff member, whatever the department (the page lists their department's things).
CITY = {"city_staff", "other_department_staff", "coordinator", "admin"}
# The department of the walk's call, proposals, rounds and project, coordinators and admins.
DEPARTMENT = {"city_staff", "coordinator", "admin"}

# url name → persona → expected status
EXPECTED: dict[str, dict[str, object]] = {
    "home": everyone(200),
    "health": everyone(200),  # the liveness check: shows nothing but that the portal runs
    "search:search": everyone(200),  # reads only the public documents the stages register
    "record": everyone(200),
    "too_large": everyone(413),  # the balancer's refusal of a too-big body, as the app's page
    "support_office:home": everyone(200),
    "support_office:surveys:list": everyone(200),
    "support_office:surveys:detail": everyone(200),
    "support_office:surveys:results": everyone(200),  # published results
    "support_office:surveys:results_csv": everyone(200),
    "support_office:surveys:office_list": OFFICE,
    "support_office:surveys:create": OFFICE,
    "support_office:surveys:edit": OFFICE,
    **{
        f"support_office:surveys:{name}": {**everyone(405), "anonymous": LOGIN}  # POST only
        for name in ("question_add", "question_delete", "results_choose", "move")
    },
    # The coordination board: public, posting for anyone signed in; a draft (the citizen's) is
    # hidden from all but its poster and the office; the moves and responses are POST only.
    "support_office:coordination:board": everyone(200),
    "support_office:coordination:feed": everyone(200),
    "support_office:coordination:request_create": SIGNED_IN,
    "support_office:coordination:office_list": OFFICE,
    "support_office:coordination:request_detail": everyone(200),  # a published request
    "support_office:coordination:request_edit": {
        **only({"citizen", "support_office", "admin"}, denied=404),
    },
    "support_office:coordination:request_respond": {**everyone(405), "anonymous": LOGIN},
    "support_office:coordination:request_act": {**everyone(405), "anonymous": LOGIN},
    # The talent bank: searched by members of verified organizations and the office; an entry
    # (the citizen's, its name public) shows each viewer what its person consented to; one's
    # own entry (export, renewal, deletion) is one's own: others have none (404).
    "support_office:talent:search": only({"member", "other_member", "support_office", "admin"}),
    "support_office:talent:mine": SIGNED_IN,
    "support_office:talent:entry_edit": SIGNED_IN,
    "support_office:talent:entry_renew": only({"citizen"}, denied=404),
    "support_office:talent:export_json": only({"citizen"}, denied=404),
    "support_office:talent:export_csv": only({"citizen"}, denied=404),
    "support_office:talent:entry_delete": only({"citizen"}, denied=404),
    "support_office:talent:review_queue": OFFICE,
    "support_office:talent:entry_detail": everyone(200),
    "support_office:talent:entry_contact": {
        **only({"member", "other_member", "support_office", "admin"}),
        **dict.fromkeys(["member", "other_member", "support_office", "admin"], 405),
    },
    "support_office:talent:entry_review": everyone(405),  # POST only
    "set_language": everyone(302),  # POST only: a GET is sent back
    "organizations:signup": {**everyone(302), "anonymous": 200},
    "organizations:signup_done": everyone(200),
    "organizations:resend_confirmation": everyone(200),
    "organizations:confirm_email": everyone(400),  # the walk uses a forged token
    "organizations:login": {**everyone(302), "anonymous": 200},
    "organizations:logout": everyone(405),  # POST only
    "organizations:password_reset": everyone(200),
    "organizations:password_reset_done": everyone(200),
    "organizations:password_reset_confirm": everyone(200),  # says the link is invalid
    "organizations:password_reset_complete": everyone(200),
    "organizations:password_change": SIGNED_IN,
    "organizations:profile": SIGNED_IN,
    "organizations:login_throttles": only({"admin"}),
    "mypage": SIGNED_IN,
    "notifications:mark_read": everyone(405),  # POST only
    "organizations:directory": everyone(200),
    "organizations:register": SIGNED_IN,
    "organizations:detail": everyone(200),
    "organizations:edit": only({"member", "admin"}),
    "organizations:members": only({"member", "support_office", "admin"}),
    "organizations:invitation_accept": only({"citizen"}),
    "organizations:review_queue": OFFICE,
    "organizations:review": OFFICE,
    "guideline:guideline_index": everyone(200),
    "guideline:guideline_page": everyone(200),
    "guideline:guideline_history": everyone(200),
    "guideline:guideline_revision": everyone(200),
    "calls:call_list": everyone(200),
    "calls:call_feed": everyone(200),
    # Feeds and the calendar of public dates (フィードとカレンダー): public, like the pages.
    "feeds:index": everyone(200),
    "feeds:all": everyone(200),
    "feeds:kind": everyone(200),
    "feeds:department": everyone(200),
    "feeds:field": everyone(200),
    "feeds:calendar": everyone(200),
    "calls:call_create": only(CITY),
    "calls:call_detail": everyone(200),  # a published call
    "calls:call_edit": only(DEPARTMENT),  # staff of the call's department
    # POST only: those allowed get 405 on a GET. The walk publishes a draft, whose
    # existence is hidden (404) from all but city staff, and closes a published call.
    "calls:call_publish": {
        **only(set(), denied=404),
        "other_department_staff": 403,
        **dict.fromkeys(DEPARTMENT, 405),
    },
    "calls:call_close": {**only(set()), **dict.fromkeys(DEPARTMENT, 405)},
    "calls:call_attachment_download": everyone(200),  # of a published call
    "calls:staff_call_list": only(CITY),
    # Briefings (説明会) of a published call: public, with their calendar files; the
    # department edits them. Questions: asked on the call's page (POST only); answered by
    # the call's department, the support office, coordinators and administrators; other
    # staff do not see that a question exists.
    "calls:call_briefings_ical": everyone(200),
    "calls:briefing_ical": everyone(200),
    "calls:briefing_create": only(DEPARTMENT),
    "calls:briefing_edit": only(DEPARTMENT),
    "calls:briefing_delete": everyone(405),  # POST only
    "calls:question_ask": everyone(405),  # POST only
    "calls:question_queue": only({"support_office", *CITY}),
    "calls:question_answer": {
        **only({"support_office", *DEPARTMENT}),
        "other_department_staff": 404,
    },
    "calls:question_hide": everyone(405),  # POST only
    "proposals:proposal_list": everyone(200),
    "proposals:proposal_create": SIGNED_IN,
    "proposals:my_proposals": SIGNED_IN,
    "proposals:proposal_detail": everyone(200),  # a submitted proposal
    "proposals:proposal_edit": only({"member"}, denied=404),  # the member's draft: private
    "proposals:proposal_step": only({"member"}, denied=404),  # each step of it, and 確認
    "proposals:proposal_act": everyone(405),  # POST only
    "proposals:consultation_post": everyone(405),  # POST only
    # The attachment of a proposal in open review: its proposer, its department, the office,
    # coordinators and the round's reviewers, but not one who declared a conflict on it.
    "proposals:attachment_download": only(
        {"member", "support_office", "reviewer", *DEPARTMENT}, denied=404
    ),
    # Its receipt (受付票) and what changed since the last submission hold the budget: the
    # same people as its attachments.
    "proposals:proposal_receipt_pdf": only(
        {"member", "support_office", "reviewer", *DEPARTMENT}, denied=404
    ),
    # A notice (here a return's) is a letter between the proposer's side and the city: not
    # the reviewers'.
    "proposals:notice_pdf": only({"member", "support_office", *DEPARTMENT}, denied=404),
    "proposals:proposal_changes": only(
        {"member", "support_office", "reviewer", *DEPARTMENT}, denied=404
    ),
    "proposals:work_queue": only({"support_office", *CITY}),
    "proposals:assign_department": everyone(405),  # POST only
    # Open review (公開審査). Public: a published round's results, an announced session.
    "review:review_index": everyone(200),
    "review:round_results": everyone(200),
    "review:session_detail": everyone(200),
    "review:session_ical": everyone(200),
    "review:my_reviews": SIGNED_IN,  # one's own assignments (none for most)
    # The sheet of a reviewer assigned to the round; superusers are not assigned.
    "review:score_sheet": only({"reviewer"}),
    "review:conflict_declare": everyone(405),  # POST only
    "review:staff_round_list": only(CITY),
    # The rounds are run by the city staff persona's department.
    "review:round_manage": only(DEPARTMENT),
    "review:round_add_proposal": everyone(405),  # POST only
    "review:round_assign_reviewer": everyone(405),  # POST only
    "review:round_start_scoring": everyone(405),  # POST only
    "review:entry_decide": everyone(405),  # POST only
    "review:round_publish": everyone(405),  # POST only
    "review:session_create": only(DEPARTMENT),
    "review:session_edit": only(DEPARTMENT),
    # Collaboration projects (協働事業): a project of the member's organization and the city
    # staff's department, its agreement confirmed, in reporting with an interim report. Pages
    # are public; the parties (partner, department; a superuser counts as the department) work.
    "projects:project_list": everyone(200),
    "projects:project_detail": everyone(200),
    "projects:project_edit": only(DEPARTMENT),  # the department keeps the facts
    "projects:agreement_pdf": everyone(200),  # confirmed by both sides: public
    "projects:agreement_edit": only({"member", *DEPARTMENT}),
    "projects:agreement_confirm": everyone(405),  # POST only
    "projects:agreement_new_version": everyone(405),  # POST only
    "projects:project_act": everyone(405),  # POST only
    "projects:report_request": only(DEPARTMENT),
    # A report's narrative and files are the parties' only: others do not see it exists.
    "projects:report_edit": only({"member", *DEPARTMENT}, denied=404),
    "projects:report_attachment_download": only({"member", *DEPARTMENT}, denied=404),
    "projects:evaluation_edit": only({"member"}),  # the partner's self-evaluation
    "projects:evaluation_publish": everyone(405),  # POST only
    "projects:direction_edit": only(DEPARTMENT),
    "projects:direction_publish": everyone(405),  # POST only
    "projects:project_from_proposal": everyone(405),  # POST only
    "projects:rule_dashboard": only(CITY),
    "projects:project_create": only(CITY),
    # Open data (オープンデータ): public files from public querysets, the same for everyone.
    "opendata:catalog": everyone(200),
    "opendata:catalog_json": everyone(200),
    "opendata:dataset": everyone(200),
    "opendata:csv": everyone(200),
    "opendata:json": everyone(200),
    "opendata:dictionary": everyone(200),
    "opendata:dictionary_csv": everyone(200),
    # The support office's events (講座・交流会): a published lecture is public, with its
    # calendars and registration (guests too); the office edits, moves and keeps the roll.
    # The material is not public: the office and the citizen, confirmed for its event.
    "support_office:events:list": everyone(200),
    "support_office:events:calendar": everyone(200),
    "support_office:events:calendar_kind": everyone(200),
    "support_office:events:detail": everyone(200),
    "support_office:events:ical": everyone(200),
    "support_office:events:register": everyone(200),
    "support_office:events:cancel": everyone(405),  # POST only
    "support_office:events:accept": everyone(405),  # POST only
    "support_office:events:guest_cancel": everyone(200),  # the guest's signed link
    "support_office:events:guest_accept": everyone(200),
    "support_office:events:create": OFFICE,
    "support_office:events:edit": OFFICE,
    "support_office:events:act": {**only(set()), "support_office": 405, "admin": 405},
    "support_office:events:roll": OFFICE,
    "support_office:events:material_add": everyone(405),  # POST only
    "support_office:events:material_download": {
        **everyone(403),
        **dict.fromkeys(["citizen", "support_office", "admin"], 200),
    },
    # The office's consultation log (相談記録): the office only; organization members (even
    # about their own organization), city staff and reviewers are refused. Its private part
    # leaves the portal (CSV) through the office's lead only (a superuser counts as one).
    "support_office:consultations:list": OFFICE,
    "support_office:consultations:create": OFFICE,
    "support_office:consultations:detail": OFFICE,
    "support_office:consultations:edit": OFFICE,
    "support_office:consultations:export": only({"admin"}),
    "support_office:consultations:follow_up_add": everyone(405),  # POST only
    "support_office:consultations:act": everyone(405),  # POST only
    # News (お知らせ): published posts are public; verified organizations' editors and the
    # office write; an organization's draft is its editors' (and the office reads it to review).
    "support_office:news:list": everyone(200),
    "support_office:news:feed": everyone(200),
    "support_office:news:detail": everyone(200),  # a published post
    "support_office:news:create": only({"member", "other_member", "support_office", "admin"}),
    "support_office:news:mine": SIGNED_IN,
    "support_office:news:review_queue": OFFICE,
    "support_office:news:edit": {
        **only({"member", "admin"}, denied=404),
        "support_office": 403,  # sees the draft to review it, may not rewrite it
    },
    "support_office:news:act": everyone(405),  # POST only
    "support_office:news:subscribe": everyone(200),
    "support_office:news:subscribe_sent": everyone(200),
    "support_office:news:subscribe_confirm": everyone(400),  # the walk uses a forged token
    "support_office:news:unsubscribe": everyone(400),  # the walk uses a forged token
    "support_office:news:newsletter_current": {**only(set()), "support_office": 302, "admin": 302},
    "support_office:news:newsletter_preview": OFFICE,
    "support_office:news:newsletter_send": everyone(405),  # POST only
    # The office's statistics and annual report: public figures from the metric registry.
    "support_office:reports:statistics": everyone(200),
    "support_office:reports:annual_report": everyone(200),
}

# Django's admin has its own staff login; its index stands for the namespace.
SKIPPED_NAMESPACES = {"admin"}


def named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            child = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            yield from named_urls(entry, child)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_has_an_expectation():
    missing = sorted(set(named_urls()) - set(EXPECTED))
    assert not missing, f"add these URLs to EXPECTED: {missing}"
    stale = sorted(set(EXPECTED) - set(named_urls()))
    assert not stale, f"these URLs no longer exist: {stale}"


class Walk(NamedTuple):
    media: Path  # where the walk's files are stored
    organization: object
    users: dict
    args: dict  # url name -> the arguments of its walk URL


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker, tmp_path_factory):
    """The walk's people and objects, built once for the module: its 2,000 tests only GET,
    so they can share them (built for each test, they were half of the suite's time).

    Built inside a transaction that is rolled back when the module ends; each test runs in a
    savepoint inside it (tests/conftest.module_data).
    """
    media = tmp_path_factory.mktemp("media")
    with module_data(django_db_blocker, media):
        organization = make_organization()
        users = make_users(organization, make_other_organization())
        yield Walk(media, organization, users, build_url_args(organization, users))


@pytest.fixture
def organization(walk):
    return walk.organization


@pytest.fixture
def users(walk):
    return walk.users


@pytest.fixture
def url_args(walk, settings):
    # The walk's files are in its own folder, not in this test's (tests/conftest.py).
    settings.STORAGES = settings_for_tests(walk.media)["STORAGES"]
    return walk.args


def build_url_args(organization, users) -> dict[str, list]:
    pending = OrganizationFactory(pending=True, name="NPO法人 確認待ちの会")
    invitation = InvitationFactory(organization=organization, email=users["citizen"].email)
    call = CallFactory(department=users["city_staff"].department)
    draft_call = CallFactory(draft=True, department=users["city_staff"].department)
    call_file = CallAttachment.objects.create(
        call=call,
        file=SimpleUploadedFile("youkou.pdf", b"%PDF-1.4\n%%EOF\n"),
        stored_name="youkou.pdf",
        original_name="募集要項.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=users["city_staff"],
    )
    briefing = CallBriefing.objects.create(
        call=call,
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=1),
        place="国立市役所 第1会議室",
    )
    question = CallQuestion.objects.create(
        call=call, asked_by=users["citizen"], text="複数の団体で応募できますか。"
    )
    department = users["city_staff"].department
    submitted = ProposalFactory(
        submitted=True, proposer=users["member"], organization=organization, department=department
    )
    draft = ProposalFactory(proposer=users["member"], organization=organization)
    # Open review: a round of the city staff's department being scored, the reviewer persona
    # assigned, the conflicted reviewer too, who declared a conflict on the proposal; and a
    # published round with an announced session.
    scoring = ReviewRoundFactory(scoring=True, created_by=users["city_staff"])
    in_review = ProposalFactory(
        open_review=True,
        proposer=users["member"],
        organization=organization,
        department=department,
        receipt_number="2026-協-0001",
    )
    for number in (1, 2):  # submitted, returned and resubmitted
        ProposalVersion.objects.create(
            proposal=in_review,
            number=number,
            submitted_at=timezone.now(),
            snapshot=snapshot_of(in_review),
        )
    scoring_entry = ReviewEntry.objects.create(round=scoring, proposal=in_review)
    ReviewerAssignment.objects.create(round=scoring, reviewer=users["reviewer"])
    ReviewerAssignment.objects.create(round=scoring, reviewer=users["conflicted_reviewer"])
    ConflictOfInterest.objects.create(
        round=scoring, proposal=in_review, reviewer=users["conflicted_reviewer"], reason="理事"
    )
    published = ReviewRoundFactory(published=True, created_by=users["city_staff"])
    returned = ProposalFactory(
        submitted=True, proposer=users["member"], organization=organization, department=department
    )
    proposal_transition(
        proposal=returned, action="return", actor=users["city_staff"], comment="予算の内訳を"
    )
    proposal_file = ProposalAttachment.objects.create(
        proposal=in_review,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n"),
        stored_name="plan.pdf",
        original_name="事業計画書.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=users["member"],
    )
    session = ReviewSession.objects.create(
        round=published,
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=2),
        place="国立市役所 第1・第2会議室",
        is_announced=True,
    )
    return {
        **project_url_args(organization, users),
        **survey_url_args(users),
        **event_url_args(users),
        **office_url_args(organization, users),
        **coordination_url_args(users),
        "review:round_results": [published.pk],
        "feeds:kind": ["proposals"],
        "feeds:department": [department.pk],
        "feeds:field": [1],
        "review:session_detail": [session.pk],
        "review:session_ical": [session.pk],
        "review:score_sheet": [scoring.pk, in_review.pk],
        "review:conflict_declare": [scoring.pk, in_review.pk],
        "review:round_manage": [scoring.pk],
        "review:round_add_proposal": [scoring.pk],
        "review:round_assign_reviewer": [scoring.pk],
        "review:round_start_scoring": [scoring.pk],
        "review:entry_decide": [scoring.pk, scoring_entry.pk],
        "review:round_publish": [scoring.pk],
        "review:session_create": [scoring.pk],
        "review:session_edit": [session.pk],
        "proposals:proposal_detail": [submitted.pk],
        "proposals:proposal_edit": [draft.pk],
        "proposals:proposal_step": [draft.pk, "confirm"],
        "proposals:proposal_act": [submitted.pk, "withdraw"],
        "proposals:consultation_post": [submitted.pk],
        "proposals:attachment_download": [in_review.pk, proposal_file.pk],
        "proposals:proposal_receipt_pdf": [in_review.pk],
        "proposals:proposal_changes": [in_review.pk],
        "proposals:notice_pdf": [returned.pk, returned.notices.get().pk],
        "proposals:assign_department": [submitted.pk],
        "organizations:confirm_email": ["forged-token"],
        "organizations:password_reset_confirm": ["MQ", "set-password"],
        "organizations:detail": [organization.pk],
        "organizations:edit": [organization.pk],
        "organizations:members": [organization.pk],
        "organizations:invitation_accept": [invitation.token],
        "organizations:review": [pending.pk],
        "guideline:guideline_page": ["rules"],
        "guideline:guideline_history": ["rules"],
        "guideline:guideline_revision": ["rules", 1],
        "calls:call_detail": [call.pk],
        "calls:call_edit": [call.pk],
        "calls:call_publish": [draft_call.pk],
        "calls:call_close": [call.pk],
        "calls:call_attachment_download": [call.pk, call_file.pk],
        "calls:call_briefings_ical": [call.pk],
        "calls:briefing_ical": [call.pk, briefing.pk],
        "calls:briefing_create": [call.pk],
        "calls:briefing_edit": [call.pk, briefing.pk],
        "calls:briefing_delete": [call.pk, briefing.pk],
        "calls:question_ask": [call.pk],
        "calls:question_answer": [question.pk],
        "calls:question_hide": [question.pk],
        **{
            f"opendata:{name}": ["proposals"]
            for name in ("dataset", "csv", "json", "dictionary", "dictionary_csv")
        },
    }


def event_url_args(users) -> dict[str, list]:
    """A published lecture, a guest's registration for it, and a second event with a file for
    its participants, for which the citizen is confirmed."""
    from support_office.events import services
    from support_office.events.models import EventMaterial
    from tests.office.events.helpers import make_event

    office = users["support_office"]
    event = make_event(created_by=office)
    guest = services.registration_create(
        event=event, guest_name="国立 花子", guest_email="hanako@example.jp"
    )
    token = services.guest_token(guest)
    other = make_event(created_by=office, title="団体交流会", kind="exchange")
    services.registration_create(event=other, user=users["citizen"])
    material = EventMaterial.objects.create(
        event=other,
        title="当日の資料",
        file=SimpleUploadedFile("shiryo.pdf", b"%PDF-1.4\n%%EOF\n"),
        stored_name="shiryo.pdf",
        original_name="資料.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=office,
    )
    on_event = [event.pk]
    return {
        "support_office:events:calendar_kind": ["lecture"],
        "support_office:events:guest_cancel": [token],
        "support_office:events:guest_accept": [token],
        "support_office:events:material_download": [other.pk, material.pk],
        **{
            f"support_office:events:{name}": on_event
            for name in ("detail", "ical", "register", "cancel", "accept", "edit", "roll")
        },
        "support_office:events:act": [event.pk, "close"],
        "support_office:events:material_add": on_event,
    }


def office_url_args(organization, users) -> dict[str, list]:
    """A consultation, a published office post and a draft of the member's organization."""
    from support_office.consultations.models import Consultation
    from support_office.news.models import Post

    consultation = Consultation.objects.create(
        category="funding",
        channel="counter",
        asker_kind="npo",
        asker_name="相談 太郎",
        organization=organization,
        summary="助成金の申請について",
        narrative="申請書の書き方の相談。",
        handled_by=users["support_office"],
    )
    published = Post.objects.create(
        title="講座のお知らせ",
        category="event",
        body="本文",
        author=users["support_office"],
        status=Post.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    draft = Post.objects.create(
        title="団体の下書き",
        category="activity",
        body="本文",
        organization=organization,
        author=users["member"],
    )
    return {
        "support_office:consultations:detail": [consultation.pk],
        "support_office:consultations:edit": [consultation.pk],
        "support_office:consultations:follow_up_add": [consultation.pk],
        "support_office:consultations:act": [consultation.pk, "close"],
        "support_office:news:detail": [published.pk],
        "support_office:news:edit": [draft.pk],
        "support_office:news:act": [published.pk, "unpublish"],
        "support_office:news:subscribe_confirm": ["forged-token"],
        "support_office:news:unsubscribe": ["forged-token"],
        "support_office:news:newsletter_preview": [2026, 11],
        "support_office:news:newsletter_send": [2026, 11],
        "support_office:reports:annual_report": [2025],
    }


def coordination_url_args(users) -> dict[str, list]:
    """A published request and a draft (both the citizen's), and the citizen's talent entry."""
    from support_office.coordination import services as coordination
    from support_office.talent.models import Consent
    from tests.office.talent.builders import (
        consent,
        published_request,
        request_values,
        talent_entry,
    )

    published = published_request(users["citizen"], users["support_office"])
    draft = coordination.request_save(user=users["citizen"], values=request_values())
    entry = talent_entry(user=users["citizen"], levels=consent(display_name=Consent.PUBLIC))
    return {
        "support_office:coordination:request_detail": [published.pk],
        "support_office:coordination:request_edit": [draft.pk],
        "support_office:coordination:request_respond": [published.pk],
        "support_office:coordination:request_act": [published.pk, "close"],
        "support_office:talent:entry_detail": [entry.pk],
        "support_office:talent:entry_contact": [entry.pk],
        "support_office:talent:entry_review": [entry.pk, "approve"],
    }


def project_url_args(organization, users) -> dict[str, list]:
    """A project in reporting, its agreement confirmed, with an interim report and its file."""
    from decimal import Decimal

    from proposals.projects import services
    from proposals.projects.models import Indicator

    staff, member = users["city_staff"], users["member"]
    proposal = ProposalFactory(
        proposer=member,
        organization=organization,
        department=staff.department,
        adopted=True,
        title="採択された見守り事業",
    )
    project = services.project_create_from_proposal(proposal=proposal, user=staff)
    agreement = project.current_agreement()
    Indicator.objects.create(agreement=agreement, name="参加者数", unit="人", target_value=100)
    services.agreement_confirm(agreement=agreement, user=member)
    services.agreement_confirm(agreement=agreement, user=staff)
    services.project_transition(project=project, action="start", actor=staff)
    report = services.report_request(
        project=project, kind="interim", due_on=timezone.localdate(), user=staff
    )
    services.report_save(
        report=report,
        user=member,
        values={agreement.indicators.get().pk: (Decimal(40), "")},
        narrative="実施した内容",
        public_summary="",
        expenditure=None,
        upload=SimpleUploadedFile("kiroku.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    attachment = report.attachments.get()
    return {
        "projects:project_detail": [project.pk],
        "projects:project_edit": [project.pk],
        "projects:agreement_pdf": [project.pk],
        "projects:agreement_edit": [project.pk],
        "projects:agreement_confirm": [project.pk],
        "projects:agreement_new_version": [project.pk],
        "projects:project_act": [project.pk, "begin_reporting"],
        "projects:report_request": [project.pk],
        "projects:report_edit": [project.pk, report.pk],
        "projects:report_attachment_download": [project.pk, report.pk, attachment.pk],
        "projects:evaluation_edit": [project.pk, "self_partner"],
        "projects:evaluation_publish": [project.pk, "self_partner"],
        "projects:direction_edit": [project.pk],
        "projects:direction_publish": [project.pk],
        "projects:project_from_proposal": [proposal.pk],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(EXPECTED))
def test_access(url_name, persona, users, url_args):
    url = reverse(url_name, args=url_args.get(url_name, []))
    response = client_for(users[persona]).get(url)
    expected = EXPECTED[url_name][persona]
    if expected == LOGIN:
        assert response.status_code == 302, response
        assert response["Location"].startswith(reverse("organizations:login")), response["Location"]
    else:
        assert response.status_code == expected, f"{persona} GET {url}"
    if response.status_code == 200 and not response.streaming:  # files have no form to check
        body = response.content.decode()
        # Every POST form carries its CSRF token (an include "only" can silently drop it).
        assert body.count('method="post"') == body.count('name="csrfmiddlewaretoken"'), url


@pytest.mark.django_db
@pytest.mark.parametrize("persona_name", PERSONAS)
def test_admin_is_for_administrators_only(persona_name, users):
    response = client_for(users[persona_name]).get(reverse("admin:index"))
    if persona_name == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
