"""The pages `make bench` measures, their queries and HTML size, and the results table.

    python bench/measure.py pages PAGES.json   # choose the URLs, count queries and bytes
    python bench/measure.py report PAGES.json WRK_DIR bench/results.md

Queries and sizes come from Django's test client against the benchmark's database (one
anonymous request each, after a warm-up request); throughput and latency come from wrk
against gunicorn, every page in the same run as the trivial view (/healthz/).
"""

import datetime
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kunitachi_kyodo.settings")


def pages() -> list[tuple[str, str]]:
    """(label, path) of every public page type, with the national data set's heaviest ids."""
    from django.db.models import Count

    from organizations.models import Organization
    from proposals.projects.models import CollaborationProject
    from proposals.review.models import ReviewRound

    biggest = (
        ReviewRound.objects.filter(status=ReviewRound.Status.PUBLISHED)
        .annotate(n=Count("entries"))
        .order_by("-n")
        .first()
    )
    project = CollaborationProject.objects.filter(proposal__isnull=False).order_by("pk").first()
    organization = Organization.objects.public().order_by("pk").first()
    listed = [
        ("trivial view (/healthz/)", "/healthz/"),
        ("home", "/"),
        ("proposals list", "/proposals/"),
        ("proposals, 2-character keyword (防災)", "/proposals/?q=防災"),
        ("proposals, 4-character keyword (国際交流)", "/proposals/?q=国際交流"),
        ("organizations list", "/organizations/"),
        ("organizations, 2-character keyword (防災)", "/organizations/?q=防災"),
        ("calls list", "/calls/"),
        ("projects list", "/projects/"),
        (f"results of the biggest round ({biggest.n:,} entries)", f"/review/rounds/{biggest.pk}/"),
        ("project page", f"/projects/{project.pk}/"),
        ("organization page", f"/organizations/{organization.pk}/"),
        ("feed (new calls)", "/calls/feed/"),
        ("search, 2-character word (防災)", "/search/?q=防災"),
        ("search, 4-character word (国際交流)", "/search/?q=国際交流"),
    ]
    return listed


def measure(out: str) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rows = []
    for label, path in pages():
        Client().get(path)  # warm-up: template loading and the like are not the page's cost
        # The page rendered (nothing kept: what the first visitor after a change costs) ...
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(path)
        # ... and answered from the public page cache (what every later visitor costs).
        with CaptureQueriesContext(connection) as kept_queries:
            kept = Client().get(path)
        rows.append(
            {
                "label": label,
                "path": path,
                "status": response.status_code,
                "queries": len(queries),
                "kept_queries": len(kept_queries) if kept.get("X-Page-Cache") == "hit" else None,
                "bytes": len(response.content),
            }
        )
        print(
            f"  {response.status_code} {len(queries):3d} queries "
            f"({len(kept_queries)} kept) {len(response.content):>9,} B  {path}"
        )
    Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=1))


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), PostgreSQL {postgres}, Python {platform.python_version()}"
    )


def counts() -> str:
    from django.db import connection

    names = {
        "organizations_organization": "organizations",
        "proposals_proposal": "proposals",
        "calls_call": "calls",
        "projects_collaborationproject": "projects",
        "review_reviewentry": "review entries",
        "review_score": "scores",
    }
    parts = []
    with connection.cursor() as cursor:
        for table, name in names.items():
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (fixed names)
            parts.append(f"{cursor.fetchone()[0]:,} {name}")
    return ", ".join(parts)


def opendata_lines(wrk_dir: str) -> list[str]:
    """The CSV download of every public proposal: time to first byte, total, peak memory."""
    lines = []
    download = Path(wrk_dir, "csv-download.txt")
    memory = Path(wrk_dir, "csv-memory.txt")
    if not download.exists() and not memory.exists():
        return lines
    lines += ["", "## Open data: the CSV of every public proposal (`/opendata/proposals.csv`)", ""]
    if download.exists():
        ttfb, total, size, status, *peaks = download.read_text().split()
        lines.append(
            f"- Download over HTTP (curl, one request, gunicorn as above, after the load): "
            f"status {status}, first byte after {float(ttfb) * 1000:,.0f} ms, complete after "
            f"{float(total):,.1f} s, {int(float(size)) / 1024 / 1024:,.1f} MiB"
        )
        if len(peaks) == 2:
            lines.append(
                f"- Peak resident memory of the biggest gunicorn worker (VmHWM): "
                f"{int(peaks[0]) / 1024:,.0f} MiB before the download, "
                f"{int(peaks[1]) / 1024:,.0f} MiB after it"
            )
    if memory.exists():
        match = re.search(r"dataset=\S+ .*", memory.read_text())
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", memory.read_text())
        if match:
            fields = dict(item.split("=") for item in match.group(0).split())
            lines.append(
                f"- Written as the download streams it (`manage.py opendata_memory --rows 0`): "
                f"{int(fields['rows']):,} rows, {int(fields['bytes']) / 1024 / 1024:,.1f} MiB, "
                f"first chunk after {float(fields['first_chunk'].rstrip('s')) * 1000:,.0f} ms, "
                f"all in {fields['total']}, Python's peak allocation (tracemalloc) "
                f"{fields['peak_memory']}"
                + (f", the process's peak RSS {int(rss.group(1)) / 1024:,.0f} MiB" if rss else "")
            )
    return lines


def _kept(row) -> str:
    kept = row.get("kept_queries")
    return "—" if kept is None else str(kept)


def report(pages_json: str, wrk_dir: str, out: str) -> None:
    rows = json.loads(Path(pages_json).read_text())
    for index, row in enumerate(rows):
        text = (
            Path(wrk_dir, f"{index}.txt").read_text()
            if Path(wrk_dir, f"{index}.txt").exists()
            else ""
        )
        match = re.search(r"BENCH (.*)", text)
        row["wrk"] = dict(item.split("=") for item in match.group(1).split()) if match else None
    baseline = float(rows[0]["wrk"]["rps"]) if rows[0]["wrk"] else None
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lines = [
        "# Benchmark: public pages at national scale",
        "",
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; commit {commit or '?'}",
        f"- Machine: {machine()}",
        f"- Data: {counts()} (`manage.py seed_national --scale {os.environ.get('BENCH_SCALE', '1')}`)",
        "- Server: gunicorn, 2 sync workers, DEBUG off, 127.0.0.1; load: "
        "`wrk -t2 -c50 -d10s --timeout 30s` per page, all in one run (the load generator "
        "shares the cores with the server: compare ratios, not absolute numbers across runs)",
        "- Queries and HTML size: one anonymous request through Django's test client on the same "
        "database, after a warm-up request, with the public page cache emptied first (the page "
        "rendered: what the first visitor after a change costs); «kept» is the same request "
        "answered from the cache (what wrk measures: every later visitor until the data changes)",
        "",
        "| page | requests/s | p50 (ms) | p95 (ms) | ratio to trivial | queries (rendered) "
        "| queries (kept) | HTML (KB) | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        wrk = row["wrk"]
        if row["status"] == 404:
            lines.append(
                f"| {row['label']} `{row['path']}` | — | — | — | — | — | — | — | no such page (404) |"
            )
            continue
        if wrk is None:
            lines.append(
                f"| {row['label']} `{row['path']}` | — | — | — | — | {row['queries']} | "
                f"{_kept(row)} | {row['bytes'] / 1024:.1f} | wrk gave no result |"
            )
            continue
        rps = float(wrk["rps"])
        ratio = f"{rps / baseline:.1%}" if baseline else "—"
        errors = int(wrk["non2xx"]) + int(wrk["timeouts"])
        lines.append(
            f"| {row['label']} `{row['path']}` | {rps:,.1f} | {float(wrk['p50']):,.1f} | "
            f"{float(wrk['p95']):,.1f} | {ratio} | {row['queries']} | {_kept(row)} | "
            f"{row['bytes'] / 1024:.1f} | "
            f"{errors if errors else ''}{' (status ' + str(row['status']) + ')' if row['status'] != 200 else ''} |"
        )
    lines += [
        "",
        "Targets (issue 10): p95 ≤ 150 ms at 50 connections, ≥ 25 % of the trivial view's "
        "requests/s, ≤ 15 queries, ≤ 150 KB of HTML.",
        *opendata_lines(wrk_dir),
        "",
    ]
    Path(out).write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    django.setup()
    command, *arguments = sys.argv[1:]
    {"pages": measure, "report": report}[command](*arguments)
