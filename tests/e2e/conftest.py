"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Playwright's own browser download is not used (this project's machines reach
only package registries); the system Chromium is. A missing Chromium makes
these tests fail, never skip.
"""

import importlib
import os

import pytest
from django.apps import apps

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ja-JP", "viewport": {"width": 1280, "height": 800}}


# The data migrations that seed reference rows (activity fields, districts, the guideline).
SEED_MIGRATIONS = [
    "organizations.migrations.0002_seed_activity_fields_and_districts",
    "proposals.guideline.migrations.0002_seed_guideline",
    "proposals.guideline.migrations.0003_seed_default_criteria",
    "support_office.talent.migrations.0002_seed_skills",
]


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """Browser tests need committed rows, so they run in transactional tests, which empty the
    database after each test. The seed migrations put the reference rows back first."""
    for name in SEED_MIGRATIONS:
        importlib.import_module(name).seed(apps, None)
