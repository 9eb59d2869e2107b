"""Backup and restore of the whole portal: the database and every uploaded file.

A backup is a folder:

    manifest.json     what is in it: row counts per table, sha256 and size per file
    database.jsonl    every row, as Django's serializer writes it (one object a line)
    files/<name>      every file of the default storage, under its storage name

Why a Django dump rather than pg_dump or SQLite's backup API: the same backup restores on
PostgreSQL and on SQLite (the CI runs both, and a city can move from one to the other), with
one code path tested on both. It is taken inside one transaction: REPEATABLE READ on
PostgreSQL (one snapshot, as pg_dump takes), a read transaction on SQLite (which holds its
snapshot), so the rows agree with each other even while the portal runs. Foreign keys to
content types and permissions are written by natural key, so they match the target's own.
For a very large database pg_dump is faster; this is the portable, verified way.

Files are read through Django's default storage (local folder or S3 alike), after the
database: a file uploaded meanwhile is an extra file, never a row whose file is missing.
Restore verifies every checksum before it writes anything, refuses a database that holds
data (unless told to replace it), loads the rows in one transaction and checks every
table's row count against the manifest.
"""

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.jsonl"
FILES = "files"
CHUNK = 1024 * 1024
# Rows the target makes itself when migrated (their own ids): referred to by natural key.
EXCLUDED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class BackupError(Exception):
    """A backup that cannot be taken or restored; the message says why."""


@dataclass(frozen=True)
class Summary:
    tables: int
    rows: int
    files: int


def _models(*, dumped: bool = True):
    """Every concrete table's model (with the many-to-many tables when `dumped` is False)."""
    for model in apps.get_models(include_auto_created=not dumped):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if dumped and meta.label_lower in EXCLUDED:
            continue
        yield model


def row_counts(*, dumped_only: bool = False) -> dict[str, int]:
    models = _models(dumped=False)
    if dumped_only:
        dumped = {m._meta.db_table for m in _models(dumped=True)}
        m2m = {
            f.remote_field.through._meta.db_table
            for m in _models(dumped=True)
            for f in m._meta.local_many_to_many
        }
        models = [m for m in models if m._meta.db_table in dumped | m2m]
    return {m._meta.db_table: m._base_manager.using("default").count() for m in models}


def _sha256_of(read) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def storage_names(folder: str = "") -> list[str]:
    """Every file's name in the default storage, walked folder by folder."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # a local storage whose folder was never made: no files
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += storage_names(f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationExecutor(connection).loader.applied_migrations:
        applied.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(applied.items())}


def _snapshot():
    """One transaction whose reads all see the same moment."""
    outermost = not connection.in_atomic_block
    atomic = transaction.atomic()
    atomic.__enter__()
    # (Inside a transaction already, e.g. a test's, the snapshot is that transaction's.)
    if connection.vendor == "postgresql" and outermost:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    return atomic


def backup(target: Path) -> Summary:
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty: a backup goes into a new or empty folder")
    (target / FILES).mkdir(parents=True, exist_ok=True)

    atomic = _snapshot()
    try:
        with open(target / DATABASE, "w", encoding="utf-8") as out:
            for model in serializers.sort_dependencies(
                [(config, list(_models_of(config))) for config in apps.get_app_configs()],
                allow_cycles=True,
            ):
                serializers.serialize(
                    "jsonl",
                    model._base_manager.using("default").order_by(model._meta.pk.name).iterator(),
                    stream=out,
                    use_natural_foreign_keys=True,
                )
        tables = row_counts(dumped_only=True)
        migrations = _applied_migrations()
    finally:
        atomic.__exit__(None, None, None)

    files = {}
    for name in storage_names():
        path = target / FILES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(path, "wb") as copy:
            digest, size = hashlib.sha256(), 0
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
                size += len(chunk)
        files[name] = {"sha256": digest.hexdigest(), "size": size}

    with open(target / DATABASE, "rb") as dump:
        database_sha, database_size = _sha256_of(dump.read)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "database": {"file": DATABASE, "sha256": database_sha, "size": database_size},
        "migrations": migrations,
        "tables": tables,
        "files": files,
    }
    (target / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8"
    )
    return Summary(tables=len(tables), rows=sum(tables.values()), files=len(files))


def _models_of(config):
    dumped = set(_models(dumped=True))
    return [m for m in config.get_models() if m in dumped]


def read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((Path(source) / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError(f"{source} holds no {MANIFEST}: not a backup") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def verify(source: Path) -> dict:
    """The manifest, once every checksum in it matches the folder; BackupError otherwise."""
    source = Path(source)
    manifest = read_manifest(source)
    problems = []
    database = manifest["database"]
    with open(source / database["file"], "rb") as dump:
        if _sha256_of(dump.read)[0] != database["sha256"]:
            problems.append(database["file"])
    for name, expected in manifest["files"].items():
        path = (source / FILES / name).resolve()
        if not path.is_relative_to((source / FILES).resolve()) or not path.is_file():
            problems.append(name)
            continue
        with open(path, "rb") as file:
            if _sha256_of(file.read)[0] != expected["sha256"]:
                problems.append(name)
    if problems:
        raise BackupError("checksum mismatch or missing file: " + ", ".join(sorted(problems)))
    return manifest


def empty_everything() -> None:
    """Delete every row and every uploaded file (restore --replace)."""
    deferred = connection.vendor == "postgresql" and connection.in_atomic_block
    if deferred:
        # Inside a transaction (a test's), PostgreSQL refuses TRUNCATE while deferred
        # foreign-key checks wait: run them now, and defer again for the load.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if deferred:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for name in storage_names():
        default_storage.delete(name)
    ContentType.objects.clear_cache()  # ids may have changed: natural keys look them up anew


def holds_data() -> bool:
    return any(row_counts(dumped_only=True).values())


def restore(source: Path, *, replace: bool = False) -> Summary:
    source = Path(source)
    manifest = verify(source)
    known = MigrationExecutor(connection).loader.disk_migrations
    unknown = [
        f"{label}.{name}"
        for label, names in manifest["migrations"].items()
        for name in names
        if (label, name) not in known
    ]
    if unknown:
        raise BackupError("the backup is from a newer version: " + ", ".join(unknown[:5]))
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
    if holds_data() or storage_names():
        if not replace:
            raise BackupError(
                "the database or the file storage already holds data; "
                "restore into an empty system, or pass --replace to delete what is there"
            )
        empty_everything()
    ContentType.objects.clear_cache()  # ids may have changed: natural keys look them up anew

    with transaction.atomic():
        call_command("loaddata", str(source / manifest["database"]["file"]), verbosity=0)
        counts = row_counts(dumped_only=True)
        wrong = {
            table: (expected, counts.get(table))
            for table, expected in manifest["tables"].items()
            if counts.get(table) != expected
        }
        if wrong:
            raise BackupError(f"row counts differ after loading (expected, found): {wrong}")

    for name, expected in manifest["files"].items():
        with open(source / FILES / name, "rb") as file:
            saved = default_storage.save(name, File(file, name=os.path.basename(name)))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}")
        with default_storage.open(name, "rb") as stored:
            if _sha256_of(stored.read)[0] != expected["sha256"]:
                raise BackupError(f"{name} differs after it was stored")
    return Summary(
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=len(manifest["files"]),
    )
