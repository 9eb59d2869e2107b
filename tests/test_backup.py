"""`manage.py backup` / `manage.py restore` (issue 12): every row and every uploaded file come back.

Runs on SQLite and on PostgreSQL (the suite runs on both in CI).
"""

import hashlib
import json
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from kunitachi_kyodo import backup
from organizations.models import Organization, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UPLOADS = {
    "calls/2026/募集要項.pdf": b"%PDF-1.7\n" + "募集要項".encode() * 1000,
    "proposals/12/plan.xlsx": bytes(range(256)) * 400,
    "reports/empty.txt": b"",
}


def files_in_storage() -> dict[str, str]:
    checksums = {}
    for name in backup.storage_names():
        with default_storage.open(name, "rb") as file:
            checksums[name] = hashlib.sha256(file.read()).hexdigest()
    return checksums


def empty_the_system() -> None:
    backup.empty_everything()
    assert not backup.holds_data() and not backup.storage_names()


def test_the_demo_data_and_the_uploads_round_trip_through_a_backup(tmp_path):
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    for name, content in UPLOADS.items():
        assert default_storage.save(name, ContentFile(content)) == name
    rows = backup.row_counts()
    files = files_in_storage()
    users = sorted(User.objects.values_list("email", "password", "is_superuser"))
    organizations = sorted(Organization.objects.values_list("pk", "name", "status"))
    assert sum(rows.values()) > 500 and set(UPLOADS) <= set(files)

    out = StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out)
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert {name: entry["sha256"] for name, entry in manifest["files"].items()} == files
    assert all(rows[table] == count for table, count in manifest["tables"].items())
    assert manifest["tables"]["organizations_organization"] == len(organizations)

    empty_the_system()
    assert not backup.holds_data() and not backup.storage_names()

    call_command("restore", str(tmp_path / "backup"), stdout=out)
    # Every table's row count and every file's checksum are as they were.
    assert backup.row_counts() == rows
    assert files_in_storage() == files
    assert sorted(User.objects.values_list("email", "password", "is_superuser")) == users
    assert sorted(Organization.objects.values_list("pk", "name", "status")) == organizations


@pytest.fixture
def small_backup(tmp_path):
    UserFactory(email="kept@example.jp")
    default_storage.save("calls/1/guide.pdf", ContentFile(b"%PDF-1.7 guide"))
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    return tmp_path / "backup"


def test_restore_refuses_a_system_that_holds_data_unless_told(small_backup):
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(small_backup), stdout=StringIO())
    UserFactory(email="added-later@example.jp")
    call_command("restore", str(small_backup), replace=True, stdout=StringIO())
    assert list(User.objects.values_list("email", flat=True)) == ["kept@example.jp"]
    assert backup.storage_names() == ["calls/1/guide.pdf"]


def test_restore_refuses_a_backup_whose_file_was_changed_before_writing_anything(small_backup):
    (small_backup / "files" / "calls" / "1" / "guide.pdf").write_bytes(b"%PDF-1.7 forged")
    empty_the_system()
    with pytest.raises(CommandError, match="checksum mismatch.*calls/1/guide.pdf"):
        call_command("restore", str(small_backup), stdout=StringIO())
    assert not backup.holds_data() and not backup.storage_names()


def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path), stdout=StringIO())
