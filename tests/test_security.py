import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x7#kq!2v9zr@m4p8w%t6y1u3e5o0i-a_s=d+f^g&h*j(k)l-Zq8Lw3Rt6Yp1Nc4",
    "DJANGO_ALLOWED_HOSTS": "kyodo.example.jp",
    "DJANGO_DEBUG": "false",
    "PATH": "/usr/bin:/bin",
}


def test_check_deploy_reports_no_warnings_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={**PRODUCTION_ENV, "DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_contain_no_inline_scripts_or_styles(client, organization):
    for url in [
        reverse("home"),
        reverse("organizations:directory"),
        organization.get_absolute_url(),
    ]:
        body = client.get(url).content.decode()
        assert "<script>" not in body
        assert " style=" not in body
        assert "onclick=" not in body
