"""axe-core over every page a person reaches, at desktop and phone widths: zero violations.

axe-core ships inside the axe-playwright-python wheel, so no network is needed.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from organizations.models import ActivityField
from proposals.guideline.models import ProjectForm
from proposals.proposals.steps import STEPS
from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

STEP_SLUGS = [step.slug for step in STEPS]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

PUBLIC_PATHS = [
    reverse("home"),
    reverse("organizations:directory"),
    reverse("proposals:proposal_list"),
    reverse("organizations:directory") + "?q=存在しない団体",
    reverse("organizations:signup"),
    reverse("organizations:signup_done"),
    reverse("organizations:resend_confirmation"),
    reverse("organizations:login"),
    reverse("organizations:password_reset"),
    reverse("organizations:password_reset_done"),
    reverse("calls:call_list"),
    reverse("calls:call_list") + "?period=ended",
    reverse("review:review_index"),
    reverse("projects:project_list"),
    # The register with filters chosen, one of them unknown: counts, the error summary, the pager.
    reverse("projects:project_list") + "?partner_kind=citizen&sort=title&fiscal_year=1999",
    reverse("search:search"),
    reverse("search:search") + "?q=くにたち",  # finds the organization below by its reading
    reverse("search:search") + "?q=" + "長" * 101,  # too long: the error summary and field
    reverse("record"),
    reverse("guideline:guideline_index"),
    *[
        reverse("guideline:guideline_page", args=[slug])
        for slug in [
            "introduction",
            "about",
            "actors",
            "rules",
            "forms",
            "support-office",
            "environment",
        ]
    ],
    reverse("guideline:guideline_history", args=["rules"]),
    reverse("guideline:guideline_revision", args=["rules", 1]),
    reverse("opendata:catalog"),
    reverse("opendata:dataset", args=["proposals"]),
    reverse("opendata:dictionary", args=["review-results"]),
    "/no-such-page/",
]


def assert_no_violations(page: Page, path: str) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, f"{path}\n{results.generate_report()}"


def sign_in(page: Page, user) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    # The cookie is for the whole site: a URL with a path would limit it to that path.
    origin = "/".join(page.url.split("/")[:3]) + "/"
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": origin}])


@pytest.fixture
def organization():
    return OrganizationFactory(
        name="NPO法人 くにたち子ども食堂ネット", name_kana="くにたちこどもしょくどうねっと"
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_pages_have_no_axe_violations(page: Page, live_server, organization, viewport):
    page.set_viewport_size(viewport)
    for path in [*PUBLIC_PATHS, organization.get_absolute_url()]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        assert_no_violations(page, path)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_signed_in_pages_and_forms_with_errors_have_no_axe_violations(
    page: Page, live_server, organization, viewport
):
    page.set_viewport_size(viewport)
    member = UserFactory(email="member@example.jp", full_name="協働 花子")
    MembershipFactory(user=member, organization=organization)
    office = UserFactory(email="office@example.jp", full_name="支援 五子", support_staff=True)
    pending = OrganizationFactory(pending=True, name="NPO法人 確認待ちの会")
    proposal = ProposalFactory(consultation=True, proposer=member, organization=organization)

    page.goto(live_server.url + "/")
    sign_in(page, member)
    for path in [
        reverse("mypage"),
        reverse("organizations:profile"),
        reverse("organizations:password_change"),
        reverse("organizations:register"),
        reverse("organizations:edit", args=[organization.pk]),
        reverse("organizations:members", args=[organization.pk]),
        reverse("proposals:proposal_create"),
        # Each step of the proposal form and its confirmation page (steps.py).
        *(reverse("proposals:proposal_step", args=[proposal.pk, slug]) for slug in STEP_SLUGS),
        reverse("proposals:my_proposals"),
        proposal.get_absolute_url(),
    ]:
        page.goto(live_server.url + path)
        assert_no_violations(page, path)

    # A form sent with errors: the summary and the messages next to the fields.
    page.goto(live_server.url + reverse("organizations:register"))
    page.get_by_role("button", name="登録を申請する").click()
    expect(page.locator("#form-error-summary")).to_be_visible()
    assert_no_violations(page, "register with errors")

    page.context.clear_cookies()
    sign_in(page, office)
    for path in [
        reverse("organizations:review_queue"),
        reverse("organizations:review", args=[pending.pk]),
    ]:
        page.goto(live_server.url + path)
        assert_no_violations(page, path)


def test_signup_form_with_errors_has_no_axe_violations(page: Page, live_server):
    page.goto(live_server.url + reverse("organizations:signup"))
    page.get_by_role("button", name="登録する").click()
    expect(page.locator("#form-error-summary")).to_be_visible()
    assert_no_violations(page, "signup with errors")


def test_keyboard_user_can_skip_to_the_content_and_reach_the_menu_on_a_phone(
    page: Page, live_server
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="本文へ移動")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()

    # On a phone the menu is behind the toggle button; it opens with the keyboard.
    toggle = page.get_by_role("button", name="メニューを開く")
    toggle.focus()
    page.keyboard.press("Enter")
    directory = page.get_by_role("link", name="団体一覧", exact=True)
    expect(directory).to_be_visible()
    directory.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="団体一覧", level=1)).to_be_visible()


def test_pages_in_english_have_no_axe_violations_and_say_so(page: Page, live_server):
    page.context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url + "/"}]
    )
    for path in [
        reverse("home"),
        reverse("organizations:directory"),
        reverse("proposals:proposal_list"),
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert_no_violations(page, f"{path} (English)")
    expect(page.get_by_role("heading", level=1)).to_have_text("Project proposals")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_record_charts_and_their_tables_have_no_axe_violations(
    page: Page, live_server, organization, viewport
):
    """協働の実績 with figures in every chart: the SVGs, captions and opened tables pass axe."""
    # A transactional test starts from empty tables: the reference rows are made here.
    field, _ = ActivityField.objects.get_or_create(
        number=13, defaults={"name": "子どもの健全育成を図る活動", "short_name": "子どもの健全育成"}
    )
    form, _ = ProjectForm.objects.get_or_create(code="co-hosting", defaults={"name": "共催"})
    ProposalFactory(adopted=True)
    ProposalFactory(not_adopted=True)
    organization.fields.set([field])
    for year, share in ((2025, 400_000), (2026, 600_000)):
        ProjectFactory(
            form=form,
            partners=[organization],
            first_fiscal_year=year,
            last_fiscal_year=year,
            city_share=share,
            partner_share=50_000,
            status="active",
        )
    page.set_viewport_size(viewport)
    page.goto(live_server.url + reverse("record"))
    expect(page.get_by_role("img", name="事業提案と採択の数")).to_be_visible()
    for summary in page.locator("details.record-table summary").all():
        summary.click()
    expect(page.locator("details.record-table table").first).to_be_visible()
    assert_no_violations(page, reverse("record"))
