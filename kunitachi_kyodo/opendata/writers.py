"""The files of a dataset, written from its definition: CSV for Excel, JSON, the dictionary.

The writers are generators of bytes, yielded in chunks of about CHUNK_BYTES, so a response
streams whatever the number of rows and holds one chunk in memory, never the file.
"""

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .registry import LICENSE_URL, Column, Dataset, Type

BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with the byte order mark
CHUNK_BYTES = 64 * 1024
# A cell starting with one of these is a formula to Excel: a quote keeps user-written text text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 12.50 → 12.5, 300.00 → 300
    return str(value)


def csv_cell(column: Column, value) -> str:
    text = _text(value)
    if column.type is Type.TEXT and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def json_value(value):
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    return _text(value)


def _chunked(pieces: Iterable[str]) -> Iterator[bytes]:
    """The pieces as UTF-8 chunks, written in the portal's language (Japanese) whatever the
    reader's: the files' headers are the documented ones, the same for everyone."""
    with translation.override(settings.LANGUAGE_CODE):
        yield from _joined(pieces)


def _joined(pieces: Iterable[str]) -> Iterator[bytes]:
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES // 3:  # a character is at most 3 bytes of UTF-8 here
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def csv_lines(columns: tuple[Column, ...], records: Iterable[list]) -> Iterator[str]:
    """The header (the columns' Japanese names) and one CRLF line per record, after the BOM."""
    line = io.StringIO()
    writer = csv.writer(line, lineterminator="\r\n")

    def written(cells) -> str:
        line.seek(0)
        line.truncate()
        writer.writerow(cells)
        return line.getvalue()

    yield BOM + written([str(column.name) for column in columns])
    for record in records:
        yield written([csv_cell(c, v) for c, v in zip(columns, record, strict=True)])


def csv_bytes(columns: tuple[Column, ...], records: Iterable[list]) -> Iterator[bytes]:
    return _chunked(csv_lines(columns, records))


def dataset_csv(dataset: Dataset) -> Iterator[bytes]:
    return csv_bytes(dataset.columns, dataset.records())


def json_pieces(dataset: Dataset, modified: datetime.date | None) -> Iterator[str]:
    """{"title", "publisher", "license", "modified", "columns": […], "rows": [{key: value}…]}."""
    head = {
        "title": str(dataset.title),
        "publisher": dataset.publisher,
        "license": LICENSE_URL,
        "modified": modified.isoformat() if modified else None,
        "columns": [
            {"key": c.key, "name": str(c.name), "type": c.type.code} for c in dataset.columns
        ],
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
    keys = dataset.keys
    separator = "\n"
    for record in dataset.records():
        row = dict(zip(keys, (json_value(v) for v in record), strict=True))
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def dataset_json(dataset: Dataset, modified: datetime.date | None) -> Iterator[bytes]:
    return _chunked(json_pieces(dataset, modified))


# --- The data dictionary (項目定義書) -------------------------------------------------------

DICTIONARY_COLUMNS = (
    Column(_("項目名"), "name", Type.TEXT, _("CSVの見出しに書かれた項目の名前"), _("事業名")),
    Column(_("英語のキー"), "key", Type.TEXT, _("JSONでの項目の名前"), "title"),
    Column(_("型"), "type", Type.TEXT, _("値の種類と書き方"), _("文字列")),
    Column(_("説明"), "description", Type.TEXT, _("項目の意味"), _("事業の名称")),
    Column(_("例"), "example", Type.TEXT, _("値の例"), _("子ども食堂ネットワーク事業")),
)


def dictionary_records(dataset: Dataset) -> Iterator[list[str]]:
    """One record per column of the dataset, in the file's order (the same definition)."""
    for c in dataset.columns:
        yield [str(c.name), c.key, str(c.type.label), str(c.description), str(c.example)]


def dictionary_csv(dataset: Dataset) -> bytes:
    return b"".join(csv_bytes(DICTIONARY_COLUMNS, dictionary_records(dataset)))
