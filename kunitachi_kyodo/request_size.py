"""Refuse a request body that is too big before reading it (finding: a 60 MB upload was
received in full before the 10 MB check).

The balancer refuses it first in production (deploy/); this is the same limit at the app
server, so a server reached directly, or a balancer set up wrongly, never reads more than
the limit. One file may be 10 MB (kunitachi_kyodo/uploads.py); several may be sent at once,
so the request's limit is PORTAL_MAX_REQUEST_MB (50 MB by default).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def refusal(request: HttpRequest, sent: int | None = None) -> HttpResponse:
    """The page that says the request was too big: the limit and, when known, the size sent.
    Said before a byte of the body is read; the page the person came from is a back-button
    away, with what they typed still in it."""
    return render(
        request,
        "413.html",
        {
            "limit_mb": settings.PORTAL_MAX_REQUEST_MB,
            "sent_mb": None if sent is None else -(-sent // 2**20),
        },
        status=413,
    )


def too_large(request: HttpRequest) -> HttpResponse:
    """The balancer's refusal of a too-big body, shown as this page (deploy/nginx: error_page
    413), so the person reads it in their language and in the site's layout. Public: it says
    nothing but the limit."""
    return refusal(request)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.PORTAL_MAX_REQUEST_MB * 1024 * 1024
        if length > limit:
            return refusal(request, length)
        return self.get_response(request)
