"""axe-core over the call pages (事業の提示): public list and page, and the department's screens."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from proposals.calls.models import CallAttachment, CallBriefing, CallQuestion
from proposals.guideline.models import ProjectForm
from tests.e2e.test_accessibility import DESKTOP, PHONE, assert_no_violations, sign_in
from tests.factories import CallFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def staff():
    return UserFactory(email="staff@example.jp", full_name="職員 三郎", city_staff=True)


@pytest.fixture
def calls(staff):
    open_call = CallFactory(
        title="高齢者の見守りネットワークづくり",
        department=staff.department,
        requires_consultation=True,
        forms=ProjectForm.objects.filter(code__in=["commission", "cooperation-staff"]),
    )
    CallAttachment.objects.create(
        call=open_call,
        file=SimpleUploadedFile("youkou.pdf", b"%PDF-1.4\n%%EOF\n"),
        stored_name="youkou.pdf",
        original_name="募集要項.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=staff,
    )
    # 説明会 and a public Q&A: one answered (public), one waiting (the department's to answer).
    starts = timezone.now() + timedelta(days=7)
    CallBriefing.objects.create(
        call=open_call,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="くにたち市民協働センター 会議室",
    )
    asker = UserFactory(email="asker@example.jp")
    CallQuestion.objects.create(
        call=open_call,
        asked_by=asker,
        text="任意団体でも応募できますか。",
        answer="はい、応募できます。",
        status=CallQuestion.Status.ANSWERED,
        answered_at=timezone.now(),
        answered_by=staff,
    )
    CallQuestion.objects.create(
        call=open_call, asked_by=asker, text="説明会はオンラインでも参加できますか。"
    )
    return {
        "open": open_call,
        "upcoming": CallFactory(title="子どもの居場所づくり", upcoming=True),
        "ended": CallFactory(title="多摩川河川敷の環境保全", ended=True),
        "draft": CallFactory(
            title="市民活動フェスタの共同開催", draft=True, department=staff.department
        ),
    }


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_call_pages_have_no_axe_violations(page: Page, live_server, calls, viewport):
    page.set_viewport_size(viewport)
    for path in [
        reverse("calls:call_list"),
        *[calls[name].get_absolute_url() for name in ("open", "upcoming", "ended")],
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        assert_no_violations(page, path)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_staff_call_pages_and_the_form_with_errors_have_no_axe_violations(
    page: Page, live_server, calls, staff, viewport
):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/")
    sign_in(page, staff)
    for path in [
        reverse("calls:staff_call_list"),
        reverse("calls:call_create"),
        reverse("calls:call_edit", args=[calls["open"].pk]),
        calls["draft"].get_absolute_url(),
        calls["open"].get_absolute_url(),
        reverse("calls:briefing_create", args=[calls["open"].pk]),
        reverse("calls:question_queue"),
        reverse("calls:question_answer", args=[CallQuestion.objects.get(status="waiting").pk]),
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        assert_no_violations(page, path)

    page.goto(live_server.url + reverse("calls:call_create"))
    page.get_by_role("button", name="保存する").click()
    expect(page.locator("#form-error-summary")).to_be_visible()
    assert_no_violations(page, "call_create with errors")


def test_staff_publish_a_draft_from_its_page(page: Page, live_server, calls, staff):
    page.goto(live_server.url + "/")
    sign_in(page, staff)
    page.goto(live_server.url + calls["draft"].get_absolute_url())
    page.get_by_role("button", name="この募集を公開する").click()
    # Asked first: a published call cannot go back to being a draft.
    expect(page.get_by_text("非公開の下書きには戻せません")).to_be_visible()
    assert_no_violations(page, "confirmation before publishing a call")
    page.get_by_role("button", name="公開する", exact=True).click()
    expect(page.get_by_text("「市民活動フェスタの共同開催」を公開しました。")).to_be_visible()
    # Its period has begun, so it is open for proposals at once.
    expect(page.get_by_role("link", name="この募集に提案する")).to_be_visible()
