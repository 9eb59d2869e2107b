"""Production settings (deploy/): what start-up refuses, the shared cache and the object
storage, and the recovery of tasks a killed worker left behind.

The object-storage test starts a local S3-compatible server (moto's server mode) itself.
"""

import errno
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.core import mail
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kunitachi_kyodo.notifications.tasks import send_email
from proposals.proposals.models import ProposalAttachment
from tests.proposals.form_steps import fill, post_step
from tests.proposals.test_proposals import PDF, form_data

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "PATH": "/usr/bin:/bin",
    "DJANGO_SECRET_KEY": "x7#kq!2v9zr@m4p8w%t6y1u3e5o0i-a_s=d+f^g&h*j(k)l-Zq8Lw3Rt6Yp1Nc4",
    "DJANGO_DEBUG": "false",
    "DJANGO_ALLOWED_HOSTS": "kyodo.example.jp",
    "PORTAL_SITE_URL": "https://kyodo.example.jp",
    "PORTAL_REDIS_URL": "redis://10.0.0.5:6379/0",
    "PORTAL_S3_BUCKET": "kyodo-uploads",
    "PORTAL_S3_ENDPOINT_URL": "https://s3.example.jp",
}

SHOW = (
    "from django.conf import settings as s; import json; print(json.dumps({"
    "'db': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default'], "
    "'storage': s.STORAGES['default'], 'debug': s.DEBUG, "
    "'health': s.DATABASES['default'].get('CONN_HEALTH_CHECKS', False)}))"
)


def manage(env: dict, tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {"DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3"), **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={k: v for k, v in env.items() if v is not None},
        capture_output=True,
        text=True,
    )


def shown(env: dict, tmp_path) -> dict:
    result = manage(env, tmp_path, "shell", "--no-imports", "-c", SHOW)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ({"DJANGO_ALLOWED_HOSTS": None}, "DJANGO_ALLOWED_HOSTS must be set"),
        ({"PORTAL_REDIS_URL": None}, "PORTAL_REDIS_URL must be set"),
        (
            {"PORTAL_S3_BUCKET": None, "PORTAL_S3_ENDPOINT_URL": None},
            "set PORTAL_S3_BUCKET (object storage) or DJANGO_MEDIA_ROOT",
        ),
        ({"PORTAL_SITE_URL": None}, "PORTAL_SITE_URL must be set"),
    ],
)
def test_production_refuses_to_start_without_what_every_app_server_must_share(
    tmp_path, missing, message
):
    result = manage({**PRODUCTION_ENV, **missing}, tmp_path, "check")
    assert result.returncode != 0
    assert message in result.stderr


def test_production_uses_the_shared_redis_cache_and_the_object_storage(tmp_path):
    config = shown(PRODUCTION_ENV, tmp_path)
    assert config["debug"] is False
    assert config["cache"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["cache"]["LOCATION"] == "redis://10.0.0.5:6379/0"
    assert config["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = config["storage"]["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"]) == (
        "kyodo-uploads",
        "https://s3.example.jp",
    )
    # Private files: no public ACL, every URL signed, a name never silently overwritten.
    assert (options["default_acl"], options["querystring_auth"], options["file_overwrite"]) == (
        "private",
        True,
        False,
    )


def test_production_on_one_machine_may_keep_uploads_in_a_named_folder(tmp_path):
    env = {**PRODUCTION_ENV, "PORTAL_S3_BUCKET": None, "DJANGO_MEDIA_ROOT": str(tmp_path / "up")}
    config = shown(env, tmp_path)
    assert config["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert config["storage"]["OPTIONS"]["location"] == str(tmp_path / "up")


def test_a_database_url_reconnects_after_a_database_restart(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://kyodo@db.example.jp/kyodo"}
    assert shown(env, tmp_path)["health"] is True
    assert shown({**env, "DATABASE_URL": None, "PGDATABASE": "kyodo"}, tmp_path)["health"]


def test_the_embedded_default_needs_no_server_at_all(tmp_path):
    config = shown({"PATH": "/usr/bin:/bin"}, tmp_path)
    assert config["db"] == "django.db.backends.sqlite3"
    assert config["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert config["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    demo = shown({"PATH": "/usr/bin:/bin", "PORTAL_LOCAL_DEMO": "true"}, tmp_path)
    assert (demo["debug"], demo["cache"]["BACKEND"]) == (
        False,
        "django.core.cache.backends.locmem.LocMemCache",
    )


# --- Uploaded files on S3-compatible object storage (moto's server) -----------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    server = Path(sys.executable).with_name("moto_server")
    assert server.exists(), "moto[server] is a dev dependency (requirements.lock)"
    port = _free_port()
    process = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("moto_server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_storage(settings, s3_server, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"kyodo-{time.monotonic_ns()}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return client, bucket


def test_an_attachment_is_stored_in_the_object_storage_and_read_back_through_the_checked_view(
    as_persona, s3_storage
):
    client, bucket = s3_storage
    citizen = as_persona("citizen")
    proposal = fill(citizen, form_data(), before="files")
    response = post_step(
        citizen, proposal, "files", form_data(files=[SimpleUploadedFile("計画書.pdf", PDF)])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = ProposalAttachment.objects.get(proposal=proposal)
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    assert keys == [attachment.file.name]
    assert client.get_object(Bucket=bucket, Key=keys[0])["Body"].read() == PDF

    response = citizen.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    # Someone not allowed to see the draft gets nothing from the bucket.
    assert as_persona("other_member").get(attachment.get_absolute_url()).status_code == 404


# --- A full storage ---------------------------------------------------------------------


class FullAfterOneFile(FileSystemStorage):
    """A disk that takes one file, then is full (ENOSPC), as a full volume or quota is."""

    def _save(self, name, content):
        if any(Path(self.location).rglob("*.*")):
            raise OSError(errno.ENOSPC, "No space left on device")
        return super()._save(name, content)


def test_a_full_storage_is_a_clear_error_and_nothing_is_half_saved(as_persona, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "tests.test_deploy.FullAfterOneFile",
            "OPTIONS": {"location": str(tmp_path / "full")},
        },
    }
    citizen = as_persona("citizen")
    proposal = fill(citizen, form_data(), before="files")
    two = [SimpleUploadedFile("計画書.pdf", PDF), SimpleUploadedFile("予算書.pdf", PDF)]
    response = post_step(citizen, proposal, "files", form_data(files=two))
    assert response.status_code == 200
    errors = response.context["form"].errors["files"]
    assert any("予算書.pdf" in e and "保存できませんでした" in e for e in errors), errors
    # Neither row is kept, and the first file, stored before the second failed, is gone too.
    assert not ProposalAttachment.objects.filter(proposal=proposal).exists()
    assert [p for p in (tmp_path / "full").rglob("*") if p.is_file()] == []


# --- Tasks a killed worker left running -----------------------------------------------


def test_a_task_left_running_by_a_killed_worker_is_queued_again_and_sent_once(
    settings, monkeypatch
):
    # The worker closes "old" connections between tasks; inside the test's transaction that
    # would close the test's own connection (PostgreSQL), so here it keeps it.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    lost = DBTaskResult.objects.get(
        id=send_email.enqueue(subject="lost", body="b", to=["a@example.jp"]).id
    )
    lost.claim("host-1")  # the worker took it, then was killed before finishing
    other = DBTaskResult.objects.get(
        id=send_email.enqueue(subject="other", body="b", to=["b@example.jp"]).id
    )
    other.claim("host-2")  # a worker still alive holds this one

    call_command("requeue_tasks", "--worker-id", "host-1", stdout=open("/dev/null", "w"))  # noqa: SIM115
    lost.refresh_from_db()
    other.refresh_from_db()
    assert (lost.status, other.status) == (TaskResultStatus.READY, TaskResultStatus.RUNNING)

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [m.subject for m in mail.outbox] == ["lost"]
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.SUCCESSFUL


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_the_balancer_refuses_a_too_big_upload_unread_with_the_apps_japanese_page(
    live_server, tmp_path
):
    """deploy/nginx/kyodo-proxy.conf in a real nginx in front of the app: a 60 MB upload is
    refused by the balancer before its body is sent on, and the person reads the app's page
    (in Japanese, in the site's layout), not nginx's English one."""
    port = free_port()
    upstream = live_server.url.removeprefix("http://")
    temp = " ".join(
        f"{kind}_temp_path {tmp_path / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"""worker_processes 1;
daemon off;
pid {tmp_path / "nginx.pid"};
error_log {tmp_path / "error.log"} warn;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 64; }}
http {{
    access_log off;
    {temp}
    upstream kyodo_app {{ server {upstream}; }}
    server {{
        listen 127.0.0.1:{port};
        include {settings.BASE_DIR / "deploy/nginx/kyodo-proxy.conf"};
        location / {{ proxy_pass http://kyodo_app; }}
    }}
}}
"""
    )
    nginx = subprocess.Popen(
        ["/usr/sbin/nginx", "-c", str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("POST", "/proposals/new/")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(60 * 1024 * 1024))
        connection.endheaders()  # no byte of the body is sent: nginx answers from the length
        response = connection.getresponse()
        body = response.read().decode()
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    assert response.status == 413
    assert "一度に送れるのは50 MBまでです" in body
    assert "何も保存されていません" in body
    assert "nginx" not in body
