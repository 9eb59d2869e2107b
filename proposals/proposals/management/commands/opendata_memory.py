"""`manage.py opendata_memory --rows N`: the peak memory of writing a dataset's CSV.

Writes the file exactly as a download streams it (the same generator) and reports the time to
the first chunk, the total time, the size and tracemalloc's peak. `--rows N` first adds N
submitted proposals with bulk_create, inside a transaction rolled back at the end, so a
measurement leaves the database as it was; `--rows 0` measures the data already there (the
national-scale benchmark's). Flat memory shows as a peak that stays the same as N grows.
"""

import time
import tracemalloc

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from kunitachi_kyodo.opendata.registry import datasets
from kunitachi_kyodo.opendata.writers import csv_bytes
from organizations.models import Organization, User
from proposals.proposals.models import Proposal

BATCH = 5000


class _RolledBack(Exception):
    pass


class Command(BaseCommand):
    help = (
        "オープンデータのCSVを書き出すときのメモリの最大使用量を測ります。"
        "/ Measure the peak memory of writing an open dataset's CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rows",
            type=int,
            default=20_000,
            help="先に追加する提出済みの提案の数（0 で今のデータのまま）。/ Proposals to add first.",
        )
        parser.add_argument(
            "--dataset",
            default="proposals",
            help="測るデータセットのスラッグ（既定 proposals）。/ The dataset's slug.",
        )

    def handle(self, *args, rows: int, dataset: str, **options):
        if rows < 0:
            raise CommandError("--rows は 0 以上にしてください。/ must be 0 or more.")
        chosen = next((d for d in datasets() if d.slug == dataset), None)
        if chosen is None:
            slugs = ", ".join(d.slug for d in datasets())
            raise CommandError(f"データセット {dataset!r} はありません（{slugs}）。")
        try:
            with transaction.atomic():
                if rows:
                    self._add_proposals(rows)
                self._measure(chosen)
                raise _RolledBack
        except _RolledBack:
            pass

    def _add_proposals(self, count: int) -> None:
        started = time.perf_counter()
        proposer = User.objects.create_user(
            email=f"opendata-memory-{time.time_ns()}@example.invalid", full_name="計測 用"
        )
        organization = Organization.objects.create(
            kind=Organization.Kind.NPO_CORPORATION,
            name="NPO法人 計測のための団体",
            name_kana="けいそくのためのだんたい",
            representative_name="計測 用",
            purpose="計測",
            activities="計測",
            status=Organization.Status.VERIFIED,
            created_by=proposer,
        )
        now = timezone.now()
        for first in range(0, count, BATCH):
            Proposal.objects.bulk_create(
                Proposal(
                    proposer=proposer,
                    organization=organization if n % 2 else None,
                    title=f"計測用の提案{n}",
                    public_summary="地域の見守りを兼ねたお茶会を、地域と市で開きます。" * 3,
                    publish_consent=True,
                    status=Proposal.Status.SUBMITTED,
                    submitted_at=now,
                )
                for n in range(first, min(first + BATCH, count))
            )
        self.stdout.write(f"added {count} proposals in {time.perf_counter() - started:.1f} s")

    def _measure(self, dataset) -> None:
        # Two passes: tracemalloc slows Python several times, so time is taken without it.
        rows, size, first_chunk, elapsed = self._write(dataset)
        tracemalloc.start()
        self._write(dataset)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.stdout.write(
            f"dataset={dataset.slug} rows={rows} bytes={size} "
            f"first_chunk={first_chunk:.3f}s total={elapsed:.2f}s "
            f"peak_memory={peak / 1024 / 1024:.2f}MiB"
        )

    @staticmethod
    def _write(dataset) -> tuple[int, int, float, float]:
        """Write the CSV as a download does; (rows, bytes, seconds to the first chunk, total)."""
        counted = 0

        def records():
            nonlocal counted
            for record in dataset.records():
                counted += 1
                yield record

        started = time.perf_counter()
        first_chunk = None
        size = 0
        # The download's own writer: views.dataset_csv_download streams the same generator.
        for chunk in csv_bytes(dataset.columns, records()):
            if first_chunk is None:
                first_chunk = time.perf_counter() - started
            size += len(chunk)
        return counted, size, first_chunk or 0.0, time.perf_counter() - started
