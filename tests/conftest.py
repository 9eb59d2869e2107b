"""Personas: one fixture per kind of person who uses the portal.

`member` is the representative of the verified organization `organization`;
`other_member` represents a different organization and has no right on the first.
`city_staff` works in one department, `other_department_staff` in another;
`coordinator` (協働推進担当) is city staff of a third department who acts city-wide.
`conflicted_reviewer` is a reviewer like `reviewer`; the tests that assign them
to a round also have them declare a conflict on the proposal under review.
"""

import datetime
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from kunitachi_kyodo.confirm import CONFIRM_FIELD
from kunitachi_kyodo.confirm import CONFIRMED as CONFIRMED_VALUE
from proposals.proposals import services as proposal_services
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganizationFactory,
    ProposalFactory,
    UserFactory,
    decide_through_review,
)

PERSONAS = [
    "anonymous",
    "citizen",
    "member",
    "other_member",
    "city_staff",
    "other_department_staff",
    "coordinator",
    "reviewer",
    "conflicted_reviewer",
    "support_office",
    "admin",
]


def settings_for_tests(media: Path) -> dict[str, object]:
    """What every test runs with; `media` is the test's own folder for uploaded files."""
    return {
        # MD5 makes new passwords fast to hash; PBKDF2 still checks the factories' shared hash.
        "PASSWORD_HASHERS": [
            "django.contrib.auth.hashers.MD5PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        ],
        "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        "STORAGES": {
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(media)},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, tmp_path):
    cache.clear()  # rate limits (one account mail per address per few minutes) start afresh
    # Every page rendered afresh (and its context inspectable); tests/test_page_cache.py turns
    # the public page cache on.
    settings.PAGE_CACHE_SECONDS = 0
    for name, value in settings_for_tests(tmp_path / "media").items():
        setattr(settings, name, value)


@contextmanager
def module_data(django_db_blocker, media: Path):
    """Data a whole test module shares, built inside what this opens: a transaction rolled
    back when the module ends, with the tests' settings and `media` as the files' folder.
    Each test then runs in a savepoint inside it (pytest-django's per-test atomic), so what
    one test changes is undone before the next, and later modules start without the data."""
    with (
        django_db_blocker.unblock(),
        override_settings(**settings_for_tests(media)),
        transaction.atomic(),
    ):
        cache.clear()
        yield
        transaction.set_rollback(True)


def make_organization():
    return OrganizationFactory(
        name="NPO法人 くにたち子ども食堂ネット", name_kana="くにたちこどもしょくどうねっと"
    )


def make_other_organization():
    return OrganizationFactory(name="富士見台団地自治会", name_kana="ふじみだいだんちじちかい")


def make_users(organization, other_organization) -> dict:
    """One user per persona (anonymous: None); the member and the other member belong to the
    two organizations."""
    member = UserFactory(email="member@example.jp", full_name="協働 花子")
    MembershipFactory(user=member, organization=organization)
    other = UserFactory(email="other@example.jp", full_name="他団 次郎")
    MembershipFactory(user=other, organization=other_organization)
    return {
        "anonymous": None,
        "citizen": UserFactory(email="citizen@example.jp", full_name="市民 一郎"),
        "member": member,
        "other_member": other,
        "city_staff": UserFactory(email="staff@example.jp", full_name="職員 三郎", city_staff=True),
        "other_department_staff": UserFactory(
            email="other-staff@example.jp", full_name="他課 七子", city_staff=True
        ),
        "coordinator": UserFactory(
            email="coordinator@example.jp", full_name="推進 八郎", coordinator=True
        ),
        "reviewer": UserFactory(email="reviewer@example.jp", full_name="審査 四郎", reviewer=True),
        "conflicted_reviewer": UserFactory(
            email="conflicted@example.jp", full_name="利害 九子", reviewer=True
        ),
        "support_office": UserFactory(
            email="office@example.jp", full_name="支援 五子", support_staff=True
        ),
        "admin": UserFactory(email="admin@example.jp", full_name="管理 六郎", admin=True),
    }


@pytest.fixture
def organization(db):
    return make_organization()


@pytest.fixture
def other_organization(db):
    return make_other_organization()


@pytest.fixture
def users(db, organization, other_organization):
    return make_users(organization, other_organization)


# What the header's 「やること N」 may cost a signed-in person's page, at most (the heaviest
# are the support office's, 13: its reviews, cases, events, board and talent bank, and city
# staff's: every stage's counts). tests/test_header_task_count.py holds each persona
# to it; the pages' query ceilings add it to their own.
HEADER_TASK_QUERIES = 13

# The field an irreversible act's confirmation page posts back (kunitachi_kyodo/confirm.py).
CONFIRMED = {CONFIRM_FIELD: CONFIRMED_VALUE}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def lock_version_on(page) -> str:
    """The hidden number of the version an edit page was opened at (kunitachi_kyodo/concurrency)."""
    match = re.search(r'name="lock_version" value="(\d+)"', page.content.decode())
    assert match, "the edit form carries no lock_version"
    return match.group(1)


def assert_refused_as_stale(response, *, kept: str) -> None:
    """A save based on an older version: 409, said in Japanese, the person's input still there."""
    body = response.content.decode()
    assert response.status_code == 409
    assert "別の方がこの内容を保存しました" in body
    assert kept in body


@pytest.fixture
def as_persona(users):
    """as_persona("member") → a test client signed in as that persona."""
    return lambda name: client_for(users[name])


@pytest.fixture(params=PERSONAS)
def persona(request):
    return request.param


@pytest.fixture
def adopted(users, organization):
    """A proposal of the member's organization, answered to a 30-day call, adopted with a public record."""
    department = users["city_staff"].department
    call = CallFactory(department=department)
    proposal = ProposalFactory(
        proposer=users["member"],
        organization=organization,
        origin="call",
        call=call,
        department=department,
        period_start=datetime.date(2027, 4, 1),
        period_end=datetime.date(2028, 3, 31),
    )
    proposal_services.proposal_transition(proposal=proposal, action="submit", actor=users["member"])
    for action in ("screen", "to_open_review"):
        proposal_services.proposal_transition(
            proposal=proposal, action=action, actor=users["city_staff"]
        )
    decide_through_review(proposal, staff=users["city_staff"], reason="効果が大きい")
    return proposal


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in English leaves English active in the thread (LocaleMiddleware does not
    switch back); the next test starts from the site's language again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _flushes_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or "transaction" in marker.args))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that flush the database (transactional ones, the browser tests) run last.

    pytest-django orders by markers, so a test that reaches the database only through a
    fixture would run after them, and find the rows the migrations wrote (the default
    criterion set, the notice templates) flushed away.
    """
    items.sort(key=_flushes_the_database)
