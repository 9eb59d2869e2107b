"""The login throttle: slows a password guess down; never lets a stranger lock anyone out.

Failed sign-ins are counted in the shared cache (Django's cache; Redis in production, so
every worker and server sees the same counts) under three counters:

- the account from one address ("pair"): after LOGIN_THROTTLE_FREE_FAILURES mistakes, the
  next attempt from that address waits, the wait doubling with each further failure up to
  LOGIN_THROTTLE_MAX_WAIT. The owner at another address is not concerned.
- one address, whatever the account: a guess across many accounts (after
  LOGIN_THROTTLE_ADDRESS_FREE_FAILURES), the same waits.
- one account, whatever the address: a guess spread over many addresses (after
  LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES). Its wait stays short (LOGIN_THROTTLE_ACCOUNT_MAX_WAIT),
  and a browser the account has signed in from before (a signed cookie) does not wait on it:
  a stranger can slow strangers down, never lock the owner out.

Nothing sleeps: an attempt during a wait is answered at once ("あと N 秒", Retry-After), its
password is not checked and it does not count, so hammering never extends the wait.
Failures are forgotten LOGIN_THROTTLE_FORGET_AFTER seconds after the last one. A successful
sign-in clears its pair; a password reset clears the account everywhere; administrators see
the throttles in force and clear them (organizations:login_throttles).

The throttle is the first authentication backend (a system check insists), so every sign-in
through `authenticate()` (the portal's login and the admin's) passes it; no setting turns it off.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.client_address import client_address

BACKEND = "organizations.login_throttle.LoginThrottleBackend"
PREFIX = "login-throttle:"
INDEX_KEY = PREFIX + "index"
INDEX_SIZE = 2000  # the throttles an administrator can list (the oldest drop off)
FIRST_WAIT = 2  # seconds; doubles with each further failure
KNOWN_COOKIE = "portal_known_logins"
KNOWN_SALT = "organizations.login_throttle"
KNOWN_ACCOUNTS = 5  # accounts a browser remembers having signed in to
KNOWN_DAYS = 365

KIND_LABELS = {
    "pair": gettext_lazy("アカウントとアドレス"),
    "address": gettext_lazy("アドレス（全アカウント）"),
    "account": gettext_lazy("アカウント（全アドレス）"),
}


def now() -> float:
    """The clock (tests move it by hand)."""
    return time.time()


def normalize(account: str | None) -> str:
    return (account or "").strip().lower()


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Counter:
    kind: str
    account: str
    address: str
    key: str
    free: int
    max_wait: int


def _generation(account: str) -> int:
    return cache.get(f"{PREFIX}generation:{_digest(account)}", 0)


def _counters(account: str, address: str) -> list[Counter]:
    account, generation = normalize(account), _generation(normalize(account))
    by_account = f"{_digest(account)}:{generation}"
    return [
        Counter(
            "pair",
            account,
            address,
            f"{PREFIX}pair:{by_account}:{_digest(address)}",
            settings.LOGIN_THROTTLE_FREE_FAILURES,
            settings.LOGIN_THROTTLE_MAX_WAIT,
        ),
        Counter(
            "address",
            "",
            address,
            f"{PREFIX}address:{_digest(address)}",
            settings.LOGIN_THROTTLE_ADDRESS_FREE_FAILURES,
            settings.LOGIN_THROTTLE_MAX_WAIT,
        ),
        Counter(
            "account",
            account,
            "",
            f"{PREFIX}account:{by_account}",
            settings.LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES,
            settings.LOGIN_THROTTLE_ACCOUNT_MAX_WAIT,
        ),
    ]


def _address(request) -> str:
    return client_address(request) or "unknown"


def wait_after(failures: int, free: int, max_wait: int) -> int:
    """Seconds to wait after the `failures`-th failure: none for the first `free`, then doubling."""
    if failures <= free:
        return 0
    return min(max_wait, FIRST_WAIT * 2 ** min(failures - free - 1, 30))


# --- The browser an account signed in from before ---------------------------------------


def _known(request) -> list[str]:
    try:
        value = request.get_signed_cookie(
            KNOWN_COOKIE, default=None, salt=KNOWN_SALT, max_age=KNOWN_DAYS * 86400
        )
    except (signing.BadSignature, ValueError):
        return []
    return value.split(",") if value else []


def is_known_browser(request, account: str) -> bool:
    return _digest(normalize(account)) in _known(request)


def remember_browser(request, response, account: str) -> None:
    """After a successful sign-in: this browser waits on no guess spread over other addresses."""
    digest = _digest(normalize(account))
    known = [digest] + [d for d in _known(request) if d != digest]
    response.set_signed_cookie(
        KNOWN_COOKIE,
        ",".join(known[:KNOWN_ACCOUNTS]),
        salt=KNOWN_SALT,
        max_age=KNOWN_DAYS * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


# --- Counting -------------------------------------------------------------------------


def wait(request, account: str) -> int:
    """Whole seconds before `account` may be tried from this request (0: now)."""
    counters = _counters(account, _address(request))
    if is_known_browser(request, account):
        counters = [c for c in counters if c.kind != "account"]
    infos = cache.get_many([c.key + ":info" for c in counters])
    remaining = max((info["until"] - now() for info in infos.values()), default=0)
    return math.ceil(remaining) if remaining > 0 else 0


def _index(key: str, counter: Counter) -> None:
    index = cache.get(INDEX_KEY, {})
    if key in index:
        return
    index[key] = (counter.kind, counter.account, counter.address)
    while len(index) > INDEX_SIZE:
        index.pop(next(iter(index)))
    cache.set(INDEX_KEY, index, None)


def record_failure(request, account: str) -> None:
    forget = settings.LOGIN_THROTTLE_FORGET_AFTER
    for counter in _counters(account, _address(request)):
        count_key = counter.key + ":n"
        cache.add(count_key, 0, forget)
        try:
            failures = cache.incr(count_key)  # atomic in Redis: concurrent guesses all count
        except ValueError:  # expired between the two calls
            failures = 1
            cache.set(count_key, failures, forget)
        cache.touch(count_key, forget)
        seconds = wait_after(failures, counter.free, counter.max_wait)
        info = {
            "kind": counter.kind,
            "account": counter.account,
            "address": counter.address,
            "until": now() + seconds,
        }
        cache.set(counter.key + ":info", info, forget)
        _index(counter.key, counter)


def clear_key(key: str) -> None:
    if not key.startswith(PREFIX):
        return
    cache.delete_many([key + ":n", key + ":info"])
    index = cache.get(INDEX_KEY, {})
    if index.pop(key, None) is not None:
        cache.set(INDEX_KEY, index, None)


def clear_account(account: str) -> None:
    """Every throttle on `account` (its own and its pairs with any address) ends."""
    account = normalize(account)
    generation_key = f"{PREFIX}generation:{_digest(account)}"
    # A new generation renames every counter of the account at once, even ones not indexed.
    cache.set(generation_key, cache.get(generation_key, 0) + 1, None)
    index = cache.get(INDEX_KEY, {})
    for key, (_kind, indexed_account, _address) in list(index.items()):
        if indexed_account == account:
            cache.delete_many([key + ":n", key + ":info"])
            del index[key]
    cache.set(INDEX_KEY, index, None)


def clear_address(address: str) -> None:
    """Every throttle on `address` (its own and its pairs with any account) ends."""
    address = address.strip()
    cache.delete_many(
        [f"{PREFIX}address:{_digest(address)}:n", f"{PREFIX}address:{_digest(address)}:info"]
    )
    index = cache.get(INDEX_KEY, {})
    for key, (_kind, _account, indexed_address) in list(index.items()):
        if indexed_address == address:
            cache.delete_many([key + ":n", key + ":info"])
            del index[key]
    cache.set(INDEX_KEY, index, None)


@dataclass(frozen=True)
class Throttle:
    key: str
    kind: str
    kind_label: str
    account: str
    address: str
    failures: int
    seconds: int


def current() -> list[Throttle]:
    """The throttles in force now (someone waits), the longest wait first."""
    index = cache.get(INDEX_KEY, {})
    keys = list(index)
    stored = cache.get_many([k + ":info" for k in keys] + [k + ":n" for k in keys])
    throttles, gone = [], []
    for key in keys:
        info = stored.get(key + ":info")
        if info is None:
            gone.append(key)
            continue
        seconds = math.ceil(info["until"] - now())
        if seconds > 0:
            throttles.append(
                Throttle(
                    key=key,
                    kind=info["kind"],
                    kind_label=str(KIND_LABELS[info["kind"]]),
                    account=info["account"],
                    address=info["address"],
                    failures=stored.get(key + ":n", 0),
                    seconds=seconds,
                )
            )
    if gone:
        for key in gone:
            index.pop(key, None)
        cache.set(INDEX_KEY, index, None)
    return sorted(throttles, key=lambda t: -t.seconds)


def wait_message(seconds: int) -> str:
    if seconds < 120:
        waiting = _("あと%(seconds)d秒") % {"seconds": seconds}
    else:
        waiting = _("あと約%(minutes)d分") % {"minutes": math.ceil(seconds / 60)}
    return _(
        "ログインの試行が続いたため、しばらくお待ちいただいています。"
        "%(waiting)sたってから、もう一度お試しください。"
        "パスワードを忘れた場合は、「パスワードを忘れた方」からパスワードを再設定すると、すぐにログインできます。"
    ) % {"waiting": waiting}


# --- Where Django signs people in ---------------------------------------------------------


class LoginThrottleBackend:
    """First of AUTHENTICATION_BACKENDS: refuses, before any password is checked, an attempt
    that must wait. It authenticates nobody itself."""

    def authenticate(self, request, username=None, **credentials):
        if request is None or username is None:
            return None
        seconds = wait(request, username)
        if seconds:
            request.login_throttle_wait = seconds
            raise PermissionDenied  # stops authenticate(): no later backend checks the password
        return None

    def get_user(self, user_id):
        # It signs nobody in, but a session may still name it (login() without a backend
        # names the first one, as tests' force_login does): the person is read as usual.
        return ModelBackend().get_user(user_id)


@receiver(user_login_failed, dispatch_uid="login_throttle_failed")
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is None or getattr(request, "login_throttle_wait", 0):
        return  # refused while waiting: not a guess, and it must not extend the wait
    account = credentials.get("username") or credentials.get("email")
    if account:
        record_failure(request, account)


@receiver(user_logged_in, dispatch_uid="login_throttle_signed_in")
def _clear_pair(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "META"):
        return
    pair = _counters(user.get_username(), _address(request))[0]
    clear_key(pair.key)
