"""Settings for くにたち協働ポータル, read from the environment.

With no environment at all the portal runs as the embedded development setup:
SQLite in the project folder, DEBUG on, e-mail printed to the console.
Production sets DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL (or
the PG* variables); see .env.example for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


# `make demo` runs as production does (DEBUG off: a 404 never lists the site's URLs, errors
# show the portal's pages), but on plain HTTP on this machine only, with a demo key.
LOCAL_DEMO = env_bool("PORTAL_LOCAL_DEMO", False)
LOOPBACK = ["127.0.0.1", "localhost", "[::1]"]

DEBUG = env_bool("DJANGO_DEBUG", default="DJANGO_SECRET_KEY" not in os.environ and not LOCAL_DEMO)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not LOCAL_DEMO:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105
# Rotating the key: the old key goes here (comma-separated) for as long as sessions and
# password-reset links signed with it should still work (docs/operations.md).
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", [])

# Production: DEBUG off and not the local demo. Start-up then refuses what production
# cannot do without (a site URL, host names, the shared cache, the upload storage) instead
# of falling back to a default that works on one laptop only.
PRODUCTION = not DEBUG and not LOCAL_DEMO

if PRODUCTION and not os.environ.get("DJANGO_ALLOWED_HOSTS"):
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DEBUG is off")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", LOOPBACK)
if LOCAL_DEMO and not set(ALLOWED_HOSTS) <= set(LOOPBACK):
    raise ImproperlyConfigured("PORTAL_LOCAL_DEMO serves this machine only (127.0.0.1)")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Public identity of the portal; another city changes these, not the code.
SITE_NAME = os.environ.get("PORTAL_SITE_NAME", "くにたち協働ポータル")
CITY_NAME = os.environ.get("PORTAL_CITY_NAME", "国立市")
SITE_URL = os.environ.get("PORTAL_SITE_URL", "http://127.0.0.1:8000" if LOCAL_DEMO else "")
if not DEBUG and not SITE_URL:
    # Mail links are built from it: a default would send every link to localhost.
    raise ImproperlyConfigured("PORTAL_SITE_URL must be set when DEBUG is off")
if not DEBUG and not LOCAL_DEMO and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("PORTAL_SITE_URL must be https:// when DEBUG is off")
SITE_URL = SITE_URL or "http://127.0.0.1:8000"

# The support office that verifies organizations (named in pages and mail) and how to reach
# it (shown in every page's footer; e.g. "電話 03-1234-5678 / office@example.jp").
SUPPORT_OFFICE_NAME = os.environ.get("PORTAL_SUPPORT_OFFICE_NAME", "くにたちNPO活動支援室")
SUPPORT_OFFICE_CONTACT = os.environ.get("PORTAL_SUPPORT_OFFICE_CONTACT", "")
# The city's logo beside the portal's name: a URL (https://… or a path on this site); none by
# default. An image on another host is allowed by the content security policy below.
CITY_LOGO_URL = os.environ.get("PORTAL_CITY_LOGO_URL", "")

# Open data (オープンデータ): files are named {全国地方公共団体コード}_{name}.csv, as Japanese
# municipalities name them; the sixth digit is a check digit, so a mistyped code fails here.
LOCAL_GOVERNMENT_CODE = os.environ.get("PORTAL_LOCAL_GOVERNMENT_CODE", "132152")


def _check_digit(code: str) -> int:
    remainder = sum(int(d) * w for d, w in zip(code[:5], (6, 5, 4, 3, 2), strict=True)) % 11
    return (11 - remainder) % 10 if remainder else 0


if not (
    len(LOCAL_GOVERNMENT_CODE) == 6
    and LOCAL_GOVERNMENT_CODE.isascii()
    and LOCAL_GOVERNMENT_CODE.isdigit()
    and int(LOCAL_GOVERNMENT_CODE[5]) == _check_digit(LOCAL_GOVERNMENT_CODE)
):
    raise ImproperlyConfigured(
        "PORTAL_LOCAL_GOVERNMENT_CODE must be a 6-digit 全国地方公共団体コード with its check digit"
    )
# Who answers questions about the open data (shown in every dataset's catalog entry).
OPENDATA_CONTACT = os.environ.get("PORTAL_OPENDATA_CONTACT", f"{CITY_NAME} 協働推進担当")

# Reviewers who have not submitted every score sheet are mailed this many days before a
# public review session (`manage.py send_review_reminders`, run daily; --days-before
# overrides it for one run).
REVIEW_REMINDER_DAYS_BEFORE = env_int("PORTAL_REVIEW_REMINDER_DAYS_BEFORE", 3)
if REVIEW_REMINDER_DAYS_BEFORE < 0:
    raise ImproperlyConfigured("PORTAL_REVIEW_REMINDER_DAYS_BEFORE must be 0 or more")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "rules",
    "csp",
    "bootstrap",
    "django_tasks",
    "django_tasks_db",
    "kunitachi_kyodo",
    "kunitachi_kyodo.notifications",
    "kunitachi_kyodo.search",
    "kunitachi_kyodo.opendata",
    "kunitachi_kyodo.pagecache",
    "organizations",
    "proposals.guideline",
    "proposals.calls",
    "proposals.proposals",
    "proposals.review",
    "proposals.projects",
    "support_office",
    "support_office.surveys",
    "support_office.events",
    "support_office.consultations",
    "support_office.news",
    "support_office.reports",
    "support_office.talent",
    "support_office.coordination",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view reads the body (CSRF reads it in process_view, after this), with the
    # person's language and session known for the page that says why.
    "kunitachi_kyodo.request_size.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Innermost: a kept public page still passes every middleware above on its way out.
    "kunitachi_kyodo.pagecache.middleware.PublicPageCacheMiddleware",
]
# Public pages kept for anonymous visitors (kunitachi_kyodo/pagecache): at most this long,
# for what time alone changes (a deadline passing); any write makes them stale at once.
PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 60)
# The pages are kept in CACHES["default"] (below: Redis in production, else per process); the
# data version that keys them lives in the database, so every process sees a write at once.

ROOT_URLCONF = "kunitachi_kyodo.urls"
WSGI_APPLICATION = "kunitachi_kyodo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kunitachi_kyodo.context_processors.portal",
            ],
        },
    },
]


def database_config() -> dict:
    """DATABASE_URL wins; else PGDATABASE selects PostgreSQL through the PG* variables."""
    if url := os.environ.get("DATABASE_URL"):
        return dj_database_url.parse(
            url, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    if name := os.environ.get("PGDATABASE"):
        # psycopg reads PGHOST, PGPORT, PGUSER and PGPASSWORD itself; a PGHOST that
        # is a directory means a unix socket there.
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "CONN_MAX_AGE": env_int("DJANGO_CONN_MAX_AGE", 60),
            # A kept connection is checked before a request uses it: after a database
            # restart the next request reconnects instead of failing on a dead socket.
            "CONN_HEALTH_CHECKS": True,
        }
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJANGO_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organizations.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses an attempt that must wait before any password is checked.
    "organizations.login_throttle.LoginThrottleBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = env_list(
    "DJANGO_PASSWORD_HASHERS",
    [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    ],
)
LOGIN_URL = "organizations:login"
LOGIN_REDIRECT_URL = "mypage"
LOGOUT_REDIRECT_URL = "home"


# The login throttle (organizations/login_throttle.py): failures counted in the shared cache
# per account from one address, per address and per account; after the free failures each
# attempt waits, the wait doubling up to the maximum. Never a lock: the owner at another
# address is not concerned, and the account-wide wait is short. There is no switch to turn it
# off; the numbers are bounded so that no value turns it off either.
def env_bounded(name: str, default: int, low: int, high: int) -> int:
    value = env_int(name, default)
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name} must be between {low} and {high}, not {value}")
    return value


LOGIN_THROTTLE_FREE_FAILURES = env_bounded("PORTAL_LOGIN_THROTTLE_FREE_FAILURES", 4, 1, 20)
LOGIN_THROTTLE_ADDRESS_FREE_FAILURES = env_bounded(
    "PORTAL_LOGIN_THROTTLE_ADDRESS_FREE_FAILURES", 20, 5, 200
)
LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES = env_bounded(
    "PORTAL_LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES", 10, 3, 100
)
LOGIN_THROTTLE_MAX_WAIT = env_bounded("PORTAL_LOGIN_THROTTLE_MAX_WAIT", 15 * 60, 60, 24 * 3600)
LOGIN_THROTTLE_ACCOUNT_MAX_WAIT = env_bounded(
    "PORTAL_LOGIN_THROTTLE_ACCOUNT_MAX_WAIT", 5 * 60, 10, 3600
)
LOGIN_THROTTLE_FORGET_AFTER = env_bounded(
    "PORTAL_LOGIN_THROTTLE_FORGET_AFTER", 24 * 3600, 3600, 30 * 24 * 3600
)
# The client's address: behind the balancer, from the entry it appended to X-Forwarded-For
# (one hop per trusted proxy), never from what a client wrote there; without proxies,
# REMOTE_ADDR. Otherwise every user shares the balancer's address and a few failures slow
# everyone down. See kunitachi_kyodo/client_address.py.
PORTAL_TRUSTED_PROXIES = env_int("PORTAL_TRUSTED_PROXIES", 0)

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("日本語")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Named date formats per language (2026年12月3日 / 3 December 2026): kunitachi_kyodo/formats.
FORMAT_MODULE_PATH = ["kunitachi_kyodo.formats"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The local demo serves the static files from the source folders (no collectstatic step).
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or LOCAL_DEMO
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]


def upload_storage() -> dict:
    """Where uploaded files live: S3-compatible object storage when PORTAL_S3_BUCKET is set
    (every app server sees the same files), else a folder (one machine, or a shared mount).

    Either way the files are private: no public URL, only the permission-checking views
    read them (the bucket needs no public access; querystring auth is on).
    """
    if bucket := os.environ.get("PORTAL_S3_BUCKET"):
        options = {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("PORTAL_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("PORTAL_S3_REGION") or None,
            "addressing_style": os.environ.get("PORTAL_S3_ADDRESSING_STYLE") or None,
            "location": os.environ.get("PORTAL_S3_PREFIX", ""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        }
        # Without these boto3 finds credentials itself (AWS_ACCESS_KEY_ID, an instance role).
        if key := os.environ.get("PORTAL_S3_ACCESS_KEY_ID"):
            options["access_key"] = key
            options["secret_key"] = os.environ.get("PORTAL_S3_SECRET_ACCESS_KEY", "")
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    if PRODUCTION and not os.environ.get("DJANGO_MEDIA_ROOT"):
        raise ImproperlyConfigured(
            "set PORTAL_S3_BUCKET (object storage) or DJANGO_MEDIA_ROOT (a folder every app "
            "server shares) when DEBUG is off"
        )
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))},
    }


STORAGES = {
    # Uploaded files are private: they live outside the static tree and are only
    # served through views that check permission (never from a public URL).
    "default": upload_storage(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or LOCAL_DEMO
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# The cache holds what every app server must agree on: the account-mail rate limit, the
# login throttling counters, rendered PDFs, cached pages. In production it is one Redis
# that every app server shares (a per-process cache would give each server its own count).
REDIS_URL = os.environ.get("PORTAL_REDIS_URL", "")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured("PORTAL_REDIS_URL must be set when DEBUG is off (a shared cache)")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("PORTAL_CACHE_KEY_PREFIX", "kyodo"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the public page cache (kunitachi_kyodo/pagecache) of one process.
            "OPTIONS": {"MAX_ENTRIES": env_int("PORTAL_PAGE_CACHE_ENTRIES", 2000)},
        }
    ),
}

# Outgoing e-mail is queued as tasks; `manage.py db_worker` runs them. Tests run
# them immediately (ImmediateBackend).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# For django.core.mail.backends.filebased.EmailBackend (the loopback cluster checks its mail).
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "artifacts" / "mail"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@kyodo.example.jp")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Behind a TLS-terminating proxy set DJANGO_SECURE_PROXY_SSL_HEADER=true.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The local demo is plain HTTP on 127.0.0.1: no HTTPS to insist on.
HTTPS_ONLY = not DEBUG and not LOCAL_DEMO
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS_ONLY)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000 if HTTPS_ONLY else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline scripts or styles anywhere: every script is a static file.
_logo_origin = (
    ["/".join(CITY_LOGO_URL.split("/")[:3])] if CITY_LOGO_URL.startswith("https://") else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_logo_origin],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Uploads: checked again per field by the forms that accept files.
PORTAL_MAX_REQUEST_MB = env_int("PORTAL_MAX_REQUEST_MB", 50)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
