"""Checks on uploaded files: size, and type judged by the content, not by the name.

A file's name is data, never a path: it is cleaned for display and the file is
stored under a random name.
"""

import contextvars
import logging
import os
import secrets
import unicodedata
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extensions: frozenset[str]
    label: str


PDF = FileKind("application/pdf", frozenset({".pdf"}), "PDF")
PNG = FileKind("image/png", frozenset({".png"}), "PNG")
JPEG = FileKind("image/jpeg", frozenset({".jpg", ".jpeg"}), "JPEG")
GIF = FileKind("image/gif", frozenset({".gif"}), "GIF")
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    frozenset({".docx"}),
    "Word",
)
XLSX = FileKind(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    frozenset({".xlsx"}),
    "Excel",
)
PPTX = FileKind(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    frozenset({".pptx"}),
    "PowerPoint",
)
OLE = FileKind(
    "application/x-ole-storage", frozenset({".doc", ".xls", ".ppt"}), "Word/Excel (97-2003)"
)
ODF = FileKind(
    "application/vnd.oasis.opendocument", frozenset({".odt", ".ods", ".odp"}), "OpenDocument"
)

ALLOWED_LABEL = _("PDF、Word、Excel、PowerPoint、OpenDocument、画像（PNG・JPEG・GIF）")


def _sniff_zip(upload) -> FileKind | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument"
            ):
                return ODF
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX)):
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def sniff(upload) -> FileKind | None:
    """The kind of file the bytes say it is, or None when it is none we accept."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def clean_filename(name: str) -> str:
    """A file name safe to show and to offer for download: no folders, no control characters."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    stem, ext = os.path.splitext(name)
    return (stem[:200] or "file") + ext[:20].lower()


def validate_upload(upload) -> FileKind:
    """Refuse files that are too large, of a kind we do not accept, or named as another kind."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("ファイルが大きすぎます（%(size)s MB）。10 MB以下のファイルにしてください。"),
            params={"size": f"{upload.size / 1024 / 1024:.1f}"},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("空のファイルは登録できません。"), code="empty")
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(
            _("このファイルの種類は登録できません。登録できるのは %(allowed)s です。"),
            params={"allowed": ALLOWED_LABEL},
            code="bad_type",
        )
    extension = os.path.splitext(clean_filename(upload.name))[1]
    if extension not in kind.extensions:
        raise ValidationError(
            _("ファイルの中身（%(kind)s）と拡張子（%(ext)s）が合いません。"),
            params={"kind": kind.label, "ext": extension or _("なし")},
            code="extension_mismatch",
        )
    return kind


def random_stored_name(original: str) -> str:
    return secrets.token_hex(16) + os.path.splitext(clean_filename(original))[1]


def _storage_errors() -> tuple[type[BaseException], ...]:
    """What a storage raises when it cannot take a file: a full or failing disk (OSError),
    an object store that refuses (quota, permissions) or cannot be reached (botocore)."""
    errors: tuple[type[BaseException], ...] = (OSError,)
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - botocore comes with django-storages[s3]
        return errors
    return (*errors, BotoCoreError, ClientError)


class UploadNotStored(ValidationError):
    """The storage refused the file (full, or unreachable); nothing of the upload is kept."""


_stored_in_this_change: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "stored_in_this_change", default=None
)


@contextmanager
def files_kept_only_if_saved():
    """Files stored inside this block are deleted again if the block fails.

    Put it around the transaction that stores rows and files: when a later file of the same
    change cannot be stored, or the commit fails, no file is left without its row.
    """
    stored: list = []
    token = _stored_in_this_change.set(stored)
    try:
        yield
    except BaseException:
        for storage, name in stored:
            try:
                storage.delete(name)
            except Exception:  # the error being raised matters more than this clean-up
                logger.exception("could not delete %s after a failed change", name)
        raise
    finally:
        _stored_in_this_change.reset(token)


def store_upload(row, upload, *, user):
    """Fill a file row (a call's or a proposal's attachment) from an upload and store the file.

    The file is written last, after every check, so a refused upload leaves nothing behind.
    A storage that cannot take the file (full, unreachable) is an error the person reads,
    never a half-saved row.
    """
    kind = validate_upload(upload)
    row.stored_name = random_stored_name(upload.name)
    row.original_name = clean_filename(upload.name)
    row.content_type = kind.content_type
    row.size = upload.size
    row.uploaded_by = user
    try:
        row.file.save(row.stored_name, upload, save=False)
    except _storage_errors() as exc:
        logger.error("upload storage refused %s: %s", row.stored_name, exc)
        raise UploadNotStored(
            _(
                "ファイル「%(name)s」を保存できませんでした（ファイルの保存場所がいっぱいか、"
                "一時的に使えません）。内容は何も変わっていません。時間をおいてもう一度お試しください。"
            ),
            params={"name": row.original_name},
            code="not_stored",
        ) from exc
    if (stored := _stored_in_this_change.get()) is not None:
        stored.append((row.file.storage, row.file.name))
    row.save()
    return row


def download_response(row, *, private: bool):
    """Offer a stored file as a download under its cleaned original name, never rendered inline."""
    from django.http import FileResponse, Http404

    try:
        handle = row.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=row.original_name, content_type=row.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


# --- The abstract model every attachment shares ---------------------------------


def stored_file_path(instance, filename: str) -> str:
    return f"{instance.folder}/{instance.stored_name}"


class StoredFile(models.Model):
    file = models.FileField(_("ファイル"), upload_to=stored_file_path, max_length=300)
    stored_name = models.CharField(max_length=100, editable=False)
    original_name = models.CharField(_("ファイル名"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("大きさ（バイト）"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("登録日時"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def folder(self) -> str:
        raise NotImplementedError
