"""The portal's printable documents (協定書, 受付票, 通知書) as PDF: one way to make them.

WeasyPrint renders the document's template with the Japanese fonts the template names, and
tags the PDF (headings, tables and reading order for a screen reader: JIS X 8341-3). A
rendering takes most of a second, so the bytes are cached under the SHA-256 of the HTML:
the same document is rendered once, and any change to it (a new version, a new date, a
correction) is a different key, so a cached PDF is never stale. The cache is the one the
app servers share (PORTAL_CACHE_URL in production); the view checks who may see the
document before this is called, every time.
"""

import hashlib
import io

from django.core.cache import cache
from django.http import FileResponse, HttpRequest
from django.template.loader import render_to_string

# Long enough to serve a week of downloads of one document; the key changes with its content.
CACHE_SECONDS = 7 * 24 * 60 * 60


def pdf_bytes(request: HttpRequest, template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    key = "pdf:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        import weasyprint  # heavy: loaded when a PDF is asked for

        base = request.build_absolute_uri("/")
        pdf = weasyprint.HTML(string=html, base_url=base).write_pdf(pdf_tags=True)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def pdf_response(
    request: HttpRequest, template: str, context: dict, *, filename: str, private: bool = True
) -> FileResponse:
    """The document shown in the browser's PDF viewer (inline), saved as `filename`.

    A private document is never kept by a browser's or a proxy's cache.
    """
    response = FileResponse(
        io.BytesIO(pdf_bytes(request, template, context)),
        content_type="application/pdf",
        filename=filename,
    )
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
