"""Another city deploys the portal by configuration and data alone (issue 12).

The city's name, code, logo, support office and contact come from settings (the environment)
or from rows an administrator edits; no city-specific name, phone number or address stays in
the code, the templates, the translations or the PDFs. Only the files below may hold them.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import client_for

ROOT = Path(settings.BASE_DIR)

# Names of the city the portal was written for, in every spelling (not the package name
# `kunitachi_kyodo`, an identifier no one reads), and phone numbers and street addresses.
CITY_SPECIFIC = re.compile(
    r"国立(?!大学|公園|病院|研究)|くにたち|クニタチ|ｸﾆﾀﾁ|Kunitachi|KUNITACHI"
    r"|kunitachi(?![_-]kyodo)"
    r"|富士見台|谷保|北\d丁目|東京都"
    r"|\b0\d{1,4}-\d{1,4}-\d{4}\b|〒\s*\d{3}-\d{4}"
)
# Numbers that are obviously examples (the field's format), not anyone's telephone.
EXAMPLE_NUMBERS = {"03-1234-5678"}

ALLOWED = {
    # Demo data: the seed is the city's own example (`make demo`), never loaded in production.
    "kunitachi_kyodo/demo_data.py",
    "kunitachi_kyodo/management/demo_history.py",
    "kunitachi_kyodo/management/commands/seed_demo.py",
    "kunitachi_kyodo/management/commands/seed_national.py",
    # Reference data: the guideline's text, and the districts another city replaces in the admin.
    "proposals/guideline/migrations/0002_seed_guideline.py",
    "organizations/migrations/0002_seed_activity_fields_and_districts.py",
    # The settings' defaults, each read from the environment (PORTAL_SITE_NAME, …).
    "kunitachi_kyodo/settings.py",
}
SCANNED_SUFFIXES = {".py", ".html", ".txt", ".po", ".js", ".css", ".xml", ".json"}
SCANNED_FOLDERS = ["kunitachi_kyodo", "organizations", "proposals", "templates", "locale", "static"]


def is_schema_history(path: Path) -> bool:
    """A migration that only changes the schema: its help texts are history, shown to no one."""
    return path.parent.name == "migrations" and "RunPython" not in path.read_text()


def scanned_files():
    for folder in SCANNED_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if (
                path.is_file()
                and path.suffix in SCANNED_SUFFIXES
                and "__pycache__" not in path.parts
                and "/vendor/" not in relative
                and relative not in ALLOWED
                and not is_schema_history(path)
            ):
                yield relative, path


def lines_of(relative: str, path: Path):
    """Numbered lines; of a catalog (.po), only the entries a scanned file still uses."""
    if path.suffix != ".po":
        yield from enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        return
    for entry in polib.pofile(str(path)):
        sources = {source for source, _line in entry.occurrences}
        if entry.obsolete or (sources and sources <= ALLOWED):
            continue  # no longer used, or the demo data's own words
        yield entry.linenum, f"{entry.msgid} {entry.msgid_plural} {entry.msgstr}"


def findings() -> list[str]:
    found = []
    for relative, path in scanned_files():
        for number, line in lines_of(relative, path):
            for match in CITY_SPECIFIC.finditer(line):
                if match.group() not in EXAMPLE_NUMBERS:
                    found.append(f"{relative}:{number}: {match.group()!r} in {line.strip()[:80]}")
    return found


def test_no_city_specific_name_phone_or_address_outside_the_allowed_data():
    assert findings() == []


def test_the_scan_finds_what_it_looks_for():
    lines = [
        "くにたちNPO活動支援室",
        "国立市役所",
        "Kunitachi City",
        "電話 042-576-2111",
        "〒186-8501",
    ]
    assert all(CITY_SPECIFIC.search(line) for line in lines)
    assert not CITY_SPECIFIC.search("from kunitachi_kyodo import settings")
    assert not CITY_SPECIFIC.search("{{ CITY_NAME }}の協働")


def test_the_allowed_files_exist():
    """An allow-list entry for a file that moved would silently let anything through."""
    assert [name for name in ALLOWED if not (ROOT / name).is_file()] == []


@pytest.mark.django_db
def test_the_pages_name_the_configured_city_office_and_logo(client, settings, users):
    settings.SITE_NAME = "架空市協働ポータル"
    settings.CITY_NAME = "架空市"
    settings.SUPPORT_OFFICE_NAME = "架空市市民活動センター"
    settings.SUPPORT_OFFICE_CONTACT = "office@kaku.example.jp"
    settings.CITY_LOGO_URL = "/static/img/kaku-logo.svg"
    home = client.get("/").content.decode()
    assert "架空市協働ポータル" in home
    assert "お問い合わせ：架空市市民活動センター（office@kaku.example.jp）" in home
    assert '<img src="/static/img/kaku-logo.svg" alt="架空市"' in home
    directory = client.get(reverse("organizations:directory")).content.decode()
    assert "架空市で活動するNPO" in directory
    form = client_for(users["citizen"]).get(reverse("organizations:register")).content.decode()
    assert "架空市市民活動センターが確認してから" in form
    # Around the page's own content (the header and footer), nothing of the default city.
    for page in (home, directory, form):
        assert not CITY_SPECIFIC.search(page.split("<main", 1)[0] + page.split("</main>", 1)[-1])
