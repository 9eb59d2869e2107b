"""The portal's printable documents (協定書, 受付票, 通知書) as PDF: one way to make them.

WeasyPrint renders the document's template with the Japanese fonts the template names, and
tags the PDF (headings, tables and reading order for a screen reader: JIS X 8341-3). A
rendering takes most of a second, so the bytes are cached under the SHA-256 of the HTML:
the same document is rendered once, and any change to it (a new version, a new date, a
correction) is a different key, so a cached PDF is never stale. The cache is the one the
app servers share (PORTAL_CACHE_URL in production); the view checks who may see the
document before this is called, every time.

A document that no longer changes (a confirmed agreement's version) is also stored, in the
default storage under `store_as` and the same hash: made once, kept when the cache is emptied,
and part of every backup.
"""

import hashlib
import io

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest
from django.template.loader import render_to_string

# Long enough to serve a week of downloads of one document; the key changes with its content.
CACHE_SECONDS = 7 * 24 * 60 * 60


def pdf_bytes(
    request: HttpRequest, template: str, context: dict, *, store_as: str | None = None
) -> bytes:
    html = render_to_string(template, context)
    digest = hashlib.sha256(html.encode()).hexdigest()
    key = "pdf:" + digest
    stored = f"{store_as}-{digest[:16]}.pdf" if store_as else None
    pdf = cache.get(key)
    if pdf is None and stored and default_storage.exists(stored):
        with default_storage.open(stored, "rb") as file:
            pdf = file.read()
        cache.set(key, pdf, CACHE_SECONDS)
    if pdf is None:
        import weasyprint  # heavy: loaded when a PDF is asked for

        base = request.build_absolute_uri("/")
        pdf = weasyprint.HTML(string=html, base_url=base).write_pdf(pdf_tags=True)
        cache.set(key, pdf, CACHE_SECONDS)
        if stored and not default_storage.exists(stored):
            default_storage.save(stored, ContentFile(pdf))
    return pdf


def pdf_response(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    filename: str,
    private: bool = True,
    store_as: str | None = None,
) -> FileResponse:
    """The document shown in the browser's PDF viewer (inline), saved as `filename`.

    A private document is never kept by a browser's or a proxy's cache; `store_as` keeps a
    document that no longer changes in the default storage (see above).
    """
    response = FileResponse(
        io.BytesIO(pdf_bytes(request, template, context, store_as=store_as)),
        content_type="application/pdf",
        filename=filename,
    )
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
