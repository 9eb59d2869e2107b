import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from kunitachi_kyodo.client_address import client_address

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x7#kq!2v9zr@m4p8w%t6y1u3e5o0i-a_s=d+f^g&h*j(k)l-Zq8Lw3Rt6Yp1Nc4",
    "DJANGO_ALLOWED_HOSTS": "kyodo.example.jp",
    "DJANGO_DEBUG": "false",
    "PORTAL_SITE_URL": "https://kyodo.example.jp",
    "PORTAL_REDIS_URL": "redis://127.0.0.1:6379/0",
    "DJANGO_MEDIA_ROOT": "/srv/kyodo/media",
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


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # Finding: SITE_URL silently defaulted to 127.0.0.1 (mail would link to localhost).
        ({"PORTAL_SITE_URL": None}, "PORTAL_SITE_URL must be set"),
        ({"PORTAL_SITE_URL": "http://kyodo.example.jp"}, "PORTAL_SITE_URL must be https"),
    ],
)
def test_production_settings_refuse_what_would_be_unsafe(tmp_path, change, message):
    env = {**PRODUCTION_ENV, "DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3")}
    env = {k: v for k, v in {**env, **change}.items() if v is not None}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "10.0.0.2"),  # no proxy: the header is the client's own words
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # what the client wrote is not believed
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "", "10.0.0.2"),
    ],
)
def test_the_client_address_is_the_one_our_proxies_saw(rf, settings, proxies, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


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


def _settings_in(env: dict, tmp_path, code: list[str]):
    return subprocess.run(
        [sys.executable, "manage.py", *code],
        cwd=settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3"), **env},
        capture_output=True,
        text=True,
    )


def test_the_local_demo_runs_with_debug_off_so_a_404_lists_no_urls(tmp_path):
    """Finding: the demo ran with DEBUG on, so a 404 showed every URL of the site."""
    result = _settings_in(
        {"PORTAL_LOCAL_DEMO": "true"},
        tmp_path,
        [
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings as s; print(s.DEBUG, s.SITE_URL, s.SECURE_SSL_REDIRECT)",
        ],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "http://127.0.0.1:8000", "False"]


def test_the_local_demo_mode_refuses_to_serve_another_host(tmp_path):
    result = _settings_in(
        {"PORTAL_LOCAL_DEMO": "true", "DJANGO_ALLOWED_HOSTS": "kyodo.example.jp"},
        tmp_path,
        ["check"],
    )
    assert result.returncode != 0
    assert "PORTAL_LOCAL_DEMO serves this machine only" in result.stderr
