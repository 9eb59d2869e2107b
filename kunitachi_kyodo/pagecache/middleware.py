"""Whole public pages for anonymous GET requests, kept until the data version changes.

Kept: a 200 answer of a view named in `PUBLIC_VIEWS`, for a request with no session cookie
(so no one signed in, and no messages waiting in a session) and no messages cookie, whose
answer neither wrote the session nor queued a message nor said `Cache-Control: private`
/ `no-store` / `no-cache`. Signed-in people, staff screens and anything private are never
kept nor answered from the cache. The key: method, scheme, host, full path with its query,
the active language, and the data version (`version.current`); a version drawn after every
write (and after every POST, which catches services that write with `QuerySet.update`)
makes every kept page unreachable at once. `PAGE_CACHE_SECONDS` bounds what time alone
changes (a deadline passing), which no write announces.

CSRF: a public page carries forms that POST (the header's language switch, a call's
question form), each with a `csrfmiddlewaretoken` masked from the visitor's own CSRF
cookie secret. A kept page must not hand one visitor's token to another: the token would
not match the second visitor's cookie (their POST fails), and a page that also carried the
first visitor's cookie would pin every visitor to one known secret. So the kept body holds
a placeholder instead of every token, and no cookies are kept; each answer from the cache
gets a token freshly masked from *this* visitor's secret (`get_token`, which also makes the
CSRF middleware send this visitor's cookie when they have none yet). What is served is thus
exactly what rendering the page for this visitor would have put there.
"""

import hashlib
import re

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers

from kunitachi_kyodo.pagecache import version

# The views whose anonymous answer is the same for every visitor: public lists, public
# pages, feeds, search. Named, not guessed: a new public page opts in here.
PUBLIC_VIEWS = frozenset(
    {
        "home",
        "feeds:index",
        "feeds:all",
        "feeds:department",
        "feeds:field",
        "feeds:kind",
        "organizations:directory",
        "organizations:detail",
        "guideline:guideline_index",
        "guideline:guideline_page",
        "calls:call_list",
        "calls:call_feed",
        "calls:call_detail",
        "proposals:proposal_list",
        "proposals:proposal_detail",
        "review:review_index",
        "review:round_results",
        "projects:project_list",
        "projects:project_detail",
        "search:search",
    }
)

TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
PLACEHOLDER = b"\x00csrf-token\x00"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Last-Modified", "Vary")
HIT_HEADER = "X-Page-Cache"


def _cacheable_request(request) -> bool:
    if request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:  # 0 turns the cache off
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # maybe signed in, maybe messages in the session: render afresh
    if "messages" in request.COOKIES:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in PUBLIC_VIEWS


def _key(request, at: int) -> str:
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"page:{at}:{language}:{digest}"


def _cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    # A message queued while rendering is for this visitor alone.
    return not getattr(getattr(request, "_messages", None), "_queued_messages", None)


def _posted_to_a_private_app(request) -> bool:
    """The view answering this request belongs to an app of private records only."""
    match = request.resolver_match
    if match is None:
        return False
    app = apps.get_containing_app_config(match.func.__module__)
    return app is not None and app.label in version.PRIVATE_APPS


def _from_cache(request, kept) -> HttpResponse:
    content = kept["content"]
    if PLACEHOLDER in content:
        content = content.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, status=200)
    for name, value in kept["headers"].items():
        response[name] = value
    patch_vary_headers(response, ("Cookie",))  # as rendering would have: a form's token
    response[HIT_HEADER] = "hit"
    return response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            # Whatever a signed-in person's POST wrote (through save() or QuerySet.update()),
            # its answer comes after the commit: a new version then leaves no kept page behind
            # it. Refused POSTs (4xx, e.g. a failed CSRF check) and anonymous ones (login,
            # signup, the language switch; their saves bump through the signals) draw nothing,
            # so no stranger empties the cache by posting in a loop.
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if (
                response.status_code < 400
                and user is not None
                and user.is_authenticated
                and not _posted_to_a_private_app(request)
            ):
                version.bump()
            return response
        if not _cacheable_request(request):
            return self.get_response(request)
        at = version.current()
        key = _key(request, at)
        kept = cache.get(key)
        if kept is not None:
            return _from_cache(request, kept)
        with version.reading(at):  # the page's other kept figures reuse this read
            response = self.get_response(request)
        if _cacheable_response(request, response):
            cache.set(
                key,
                {
                    "content": TOKEN.sub(rb"\1" + PLACEHOLDER + rb"\2", response.content),
                    "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                },
                settings.PAGE_CACHE_SECONDS,
            )
            response[HIT_HEADER] = "miss"
        return response
