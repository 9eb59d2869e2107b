"""Uploaded files (calls', proposals' and reports' attachments): one shape, stored privately.

The stored name is random; the user's file name is kept only as data, so a name
with path separators or NUL bytes never reaches the file system.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
