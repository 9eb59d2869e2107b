"""Screenshots of the running portal at desktop and phone widths, to look at.

    .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]

Logs in with the demo accounts (make demo) for the pages behind a login.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "artifacts/screenshots")
PASSWORD = "kyodo-demo-2026"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}

# (name, account or None, path, action before the shot)
PAGES = [
    ("home", None, "/", None),
    ("directory", None, "/organizations/?field=13", None),
    ("organization", None, "/organizations/", "first-organization"),
    ("guideline-rules", None, "/guideline/rules/", None),
    ("signup-errors", None, "/accounts/signup/", "submit-empty"),
    ("mypage", "member@example.jp", "/mypage/", None),
    ("register-errors", "member@example.jp", "/organizations/register/", "submit-empty"),
    ("review-queue", "office@example.jp", "/office/organizations/", None),
    ("calls", None, "/calls/", None),
    ("proposals", None, "/proposals/", None),
    ("proposal-public", None, "/proposals/", "first-proposal"),
    ("proposal-form-errors", "member@example.jp", "/proposals/new/", "submit-empty"),
    ("proposal-private", "member@example.jp", "/proposals/mine/", "first-proposal-row"),
    ("work-queue", "staff@example.jp", "/office/proposals/", None),
]


def log_in(page, email):
    page.goto(f"{BASE}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
            ],
        )
        for width_name, viewport in WIDTHS.items():
            for name, account, path, action in PAGES:
                context = browser.new_context(viewport=viewport, locale="ja-JP")
                page = context.new_page()
                if account:
                    log_in(page, account)
                page.goto(BASE + path)
                if action == "first-organization":
                    page.click(".organization-list h2 a")
                elif action == "first-proposal":
                    page.click("main .card h2 a")
                elif action == "first-proposal-row":
                    page.click("main table tbody a")
                elif action == "submit-empty":
                    page.click("main form[method=post] button[type=submit]")
                target = OUT / f"{name}-{width_name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
