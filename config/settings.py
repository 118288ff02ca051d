"""Hifazat settings: one module, everything that differs between machines comes from the environment.

Two modes:
- the embedded default (no environment at all): SQLite, kombu's filesystem broker, console email,
  development keys; DEBUG only with DJANGO_DEBUG=1. `make run` uses it.
- production (HIFAZAT_ENV=production): refuses to start without its secrets.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HIFAZAT_VAR_DIR", BASE_DIR / "var"))

PRODUCTION = os.environ.get("HIFAZAT_ENV", "development") == "production"
TESTING = "pytest" in sys.modules or os.environ.get("HIFAZAT_TESTING") == "1"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def required_in_production(name: str, development_default: str) -> str:
    value = os.environ.get(name, "")
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(
            f"{name} is not set. Production mode (HIFAZAT_ENV=production) refuses to start without it; "
            f"see README.md, 'Configuration'."
        )
    return development_default


# --- Core -----------------------------------------------------------------------------------------

SECRET_KEY = required_in_production("SECRET_KEY", "development-only-insecure-key-never-use-in-production")
# Off unless asked for, in every mode: Django's debug page shows request data (a reporter's narrative)
# to whoever triggers an error. `make run` works without it (static files below).
DEBUG = env_bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set. Production mode needs the site's host names.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Keys for encrypting confidential fields (incident narratives, contacts, evidence). Separate from
# SECRET_KEY so either can be rotated alone; the first key encrypts, all keys decrypt (MultiFernet).
# Keys that are public (they are in this repository): never accepted in production.
DEVELOPMENT_FIELD_ENCRYPTION_KEYS = ["ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMDAwMDA="]
FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS",
    "" if PRODUCTION else DEVELOPMENT_FIELD_ENCRYPTION_KEYS[0],
)
_GENERATE_KEY = "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`"
if PRODUCTION and not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS is not set. Generate one with {_GENERATE_KEY}.")
if PRODUCTION:
    from cryptography.fernet import Fernet

    for _position, _key in enumerate(FIELD_ENCRYPTION_KEYS, start=1):
        if _key in DEVELOPMENT_FIELD_ENCRYPTION_KEYS:
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS entry {_position} is the development key, which is public. "
                f"Generate a key with {_GENERATE_KEY}."
            )
        try:
            Fernet(_key)
        except (ValueError, TypeError):
            # The value itself is never printed: it may be a real key with a typo.
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS entry {_position} is not a valid Fernet key (32 bytes, url-safe "
                f"base64). Generate one with {_GENERATE_KEY}."
            ) from None

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "accounts",
    "regions",
    "common",
    "notifications",
    "impact",
    "incidents",
    "facilitators",
    "ambassadors",
    "workshops",
    "curriculum",
]

MIDDLEWARE = [
    "common.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses pages, and static files when whitenoise has no pre-compressed copy (`make run`, which
    # serves from the source folders); skips a response whitenoise already sent as .br/.gz. Django's
    # gzip pads each response against BREACH, and CSRF tokens are masked per response.
    "common.compression.TextGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    # Last, so its process_exception sees a view's database error first (common/faults.py).
    "common.faults.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
            ],
            # The site header, rendered once per worker (config/templatetags/frame.py).
            "libraries": {"frame": "config.templatetags.frame"},
        },
    }
]

# --- Data -----------------------------------------------------------------------------------------

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if PRODUCTION and not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL is not set. Production runs on PostgreSQL.")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'hifazat.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh clone has no var/ yet, and SQLite cannot create the folder its file lives in.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Several processes (web, worker, beat) share the file in `make run`: wait for locks, don't fail.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
USING_POSTGRES = DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql")
if USING_POSTGRES:
    # No JIT compilation: it pays off for long analytic queries, not for pages. At national data it
    # added 0.4 s of compiling to queries that run in 0.1 s (workshops export, dashboard, delivery log).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# SQLite (the embedded default only) cannot enforce unique constraints with NULLS DISTINCT.
SILENCED_SYSTEM_CHECKS = [] if USING_POSTGRES else ["models.W047"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Two aliases on the same store. "default" holds what is only a shortcut (page fragments, figures):
# with Redis down it answers like an empty cache. "ratelimit" holds counters: with Redis down it raises,
# and each limit either counts in the database or refuses for a minute (common/ratelimit.py,
# docs/faults.md).
if REDIS_URL:
    _cache_prefix = os.environ.get("CACHE_KEY_PREFIX", "hifazat")
    CACHES = {
        "default": {
            "BACKEND": "common.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": _cache_prefix,
        },
        "ratelimit": {
            "BACKEND": "common.cache_backends.StrictRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": _cache_prefix,
        },
    }
else:
    # File-based so rate limits hold across the processes of the embedded default; Django's own file
    # cache counts non-atomically (get then set), this one locks add and incr (common/cache_backends.py).
    CACHES = {
        alias: {"BACKEND": "common.cache_backends.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")}
        for alias in ("default", "ratelimit")
    }

# --- Accounts -------------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # Admin permissions that come with a role (the Translator's curriculum editing).
    "accounts.permissions.RolePermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Hashing cost is not what the tests check; argon2 stays for confidential secrets.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "config.account_adapter.AccountAdapter"  # accounts.adapters + emails via the delivery log
# Accounts are made by staff: a password reset for an address with no account emails nobody (the page
# looks the same, so it tells nobody whether an account exists, and strangers get no mail from us).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Failed sign-ins are counted by accounts.adapters (common/ratelimit.py: atomic, HMAC keys only),
# SIGN_IN_FAILURES_PER_15_MINUTES per connection and per email typed; allauth's own counter is off.
SIGN_IN_FAILURES_PER_15_MINUTES = int(os.environ.get("SIGN_IN_FAILURES_PER_15_MINUTES", "5"))
ACCOUNT_RATE_LIMITS = {
    "login_failed": False,
    "login": "30/m/ip",
    "reset_password": "5/m/ip,3/15m/key",
    "reset_password_from_key": "20/m/ip",
}
# People who can read confidential cases (case handlers, admins, staff) are signed out 12 hours after
# signing in and after 30 minutes without a request (accounts.middleware.StaffSessionMiddleware).
STAFF_SESSION_MAX_SECONDS = int(os.environ.get("STAFF_SESSION_MAX_SECONDS", str(12 * 3600)))
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Hifazat"

# --- Internationalisation -------------------------------------------------------------------------

# Django ships Urdu; Sindhi and Pashto are added here. A new language (Punjabi Shahmukhi `pnb`,
# Saraiki `skr`, Balochi `bal`) is one entry in EXTRA_LANG_INFO and LANGUAGES plus a catalog.
EXTRA_LANG_INFO = {
    "sd": {"bidi": True, "code": "sd", "name": "Sindhi", "name_local": "سنڌي"},
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
}
LANG_INFO.update(EXTRA_LANG_INFO)
LANGUAGES = [
    ("en", _("English")),
    ("ur", _("Urdu")),
    ("sd", _("Sindhi")),
    ("ps", _("Pashto")),
]
LANGUAGES_BIDI = ["he", "ar", "ar-dz", "ckb", "fa", "ug", "ur", "sd", "ps"]
# Most visitors read Urdu: it is what `/` falls back to when neither cookie nor browser decides.
LANGUAGE_CODE = "ur"
# Which web font a language needs. static/css/hifazat.css declares every face and names a family only
# under `html:lang(<code>)`, so a page downloads its own language's font and no other; base.html
# preloads the file below. A new language needs an entry here and its `html:lang()` rule there.
LANGUAGE_FONTS = {"ur": "nastaliq", "sd": "naskh", "ps": "naskh"}
WEB_FONT_FILES = {
    "nastaliq": "fonts/noto-nastaliq-urdu-arabic-400-normal.woff2",
    "naskh": "fonts/noto-naskh-arabic-arabic-400-normal.woff2",
}
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django has no date formats for ur, sd or ps: ours (config/formats/<code>/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Karachi"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ur", "sd", "ps")
# The admin's language tabs need jQuery UI; modeltranslation would load it from a third-party CDN.
# Served from this site instead (static/curriculum/vendor, from Debian's libjs-jquery-ui).
JQUERY_UI_URL = "curriculum/vendor/jquery-ui-tabs.min.js"
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en",),
    "ur": ("en",),
    "sd": ("ur", "en"),
    "ps": ("ur", "en"),
}

# --- Static and media -----------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production, `make run` serves static files from the source folders without collectstatic,
# whether or not DEBUG is on.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
# Production (collectstatic with the storage above): every file has a content hash in its name and is
# served with `Cache-Control: max-age=315360000, public, immutable` (whitenoise does so for every name
# in the manifest), in .br or .gz when the browser takes it. A second visit fetches no CSS, script or
# font. This is the lifetime of anything else under /static/ (whitenoise's default 60 s, named here).
WHITENOISE_MAX_AGE = 60 if PRODUCTION else 0
# Uploads stay in memory up to this size so confidential files never touch the temp directory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# Media on S3-compatible object storage (MinIO, Ceph, AWS S3, ...) when S3_BUCKET is set, so every web
# node and worker reads the same evidence, materials, handouts and offline packs (docs/scaling.md).
# Unset: MEDIA_ROOT on local disk, the embedded default (one machine only). Credentials come from
# boto3's usual chain: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    _s3_endpoint = os.environ.get("S3_ENDPOINT_URL", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _s3_endpoint or None,
            "region_name": os.environ.get("S3_REGION", "") or None,
            # A key prefix, for a bucket shared with something else.
            "location": os.environ.get("S3_PREFIX", ""),
            # MinIO and most self-hosted stores answer on one host name: bucket in the path.
            "addressing_style": "path" if _s3_endpoint else None,
            "signature_version": "s3v4",
            # The bucket stays private: every file is served through a view that checks access (and
            # decrypts evidence), never from a bucket URL. No ACL is sent; the bucket's policy rules.
            "default_acl": None,
            "querystring_auth": True,
            # Two uploads may want the same name ("upload.pdf" of one module): never overwrite, as on disk.
            "file_overwrite": False,
            # A file read back (a download, a pack build) spills to a temporary file past this size.
            "max_memory_size": 4 * 1024 * 1024,
        },
    }

# --- Confidential reports (incidents/, docs/incidents.md) -----------------------------------------

# Closed cases are purged (content, files, messages) this many days after closing; counts stay.
INCIDENT_RETENTION_DAYS = int(os.environ.get("INCIDENT_RETENTION_DAYS", "180"))
# Handlers in scope are emailed when a new case waits this long without acknowledgement.
INCIDENT_UNACKNOWLEDGED_ALERT_HOURS = int(os.environ.get("INCIDENT_UNACKNOWLEDGED_ALERT_HOURS", "24"))
# Evidence caps. Uploads never touch disk: report views keep files in memory, skip a file past the
# per-file cap and refuse a request past the total before reading it.
INCIDENT_UPLOAD_MAX_FILE_BYTES = int(os.environ.get("INCIDENT_UPLOAD_MAX_FILE_BYTES", str(10 * 1024 * 1024)))
INCIDENT_UPLOAD_MAX_FILES = int(os.environ.get("INCIDENT_UPLOAD_MAX_FILES", "5"))
INCIDENT_UPLOAD_MAX_REQUEST_BYTES = int(
    os.environ.get("INCIDENT_UPLOAD_MAX_REQUEST_BYTES", str(DATA_UPLOAD_MAX_MEMORY_SIZE))
)
INCIDENT_UPLOAD_MAX_PIXELS = int(os.environ.get("INCIDENT_UPLOAD_MAX_PIXELS", str(40_000_000)))
# One message's files together: bytes and decoded pixels (each picture is decoded in memory to be
# cleaned; these caps bound what one request can make the server hold).
INCIDENT_UPLOAD_MAX_TOTAL_BYTES = int(
    os.environ.get("INCIDENT_UPLOAD_MAX_TOTAL_BYTES", str(20 * 1024 * 1024))
)
INCIDENT_UPLOAD_MAX_TOTAL_PIXELS = int(os.environ.get("INCIDENT_UPLOAD_MAX_TOTAL_PIXELS", str(60_000_000)))
# Key of the HMAC of masked client addresses (and typed emails) used by every rate limit, kept only in
# the cache (common/ratelimit.py). Empty: derived from SECRET_KEY with a purpose label.
# INCIDENT_RATE_LIMIT_KEY, its former name, is still read when RATE_LIMIT_KEY is not set.
RATE_LIMIT_KEY = os.environ.get("RATE_LIMIT_KEY", "")
INCIDENT_RATE_LIMIT_KEY = os.environ.get("INCIDENT_RATE_LIMIT_KEY", "")
INCIDENT_SUBMISSIONS_PER_HOUR = int(os.environ.get("INCIDENT_SUBMISSIONS_PER_HOUR", "10"))
INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES = int(
    os.environ.get("INCIDENT_FOLLOW_UP_FAILURES_PER_15_MINUTES", "8")
)
# Messages a reporter may add to one case per hour (whoever holds the code).
INCIDENT_FOLLOW_UP_MESSAGES_PER_HOUR = int(os.environ.get("INCIDENT_FOLLOW_UP_MESSAGES_PER_HOUR", "10"))
# Where the quick-exit button leaves to (a neutral site; history is replaced when JS runs).
INCIDENT_QUICK_EXIT_URL = os.environ.get("INCIDENT_QUICK_EXIT_URL", "https://www.google.com/search?q=weather")
# --- Ambassadors (docs/ambassadors.md) ------------------------------------------------------------

# Unknown codes one connection may try on the certificate verify page per 15 minutes before every
# lookup from it is refused for the rest of the window (brute-force guessing of codes).
CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES = int(
    os.environ.get("CERTIFICATE_VERIFY_FAILURES_PER_15_MINUTES", "10")
)
# Ambassador applications accepted from one connection per hour (a repeat of a number that already
# has an application counts too: it is how someone would probe for who applied).
AMBASSADOR_APPLICATIONS_PER_HOUR = int(os.environ.get("AMBASSADOR_APPLICATIONS_PER_HOUR", "5"))
# New registrations for one workshop, and quiz answers for one workshop's quiz before or after, accepted
# from one connection per hour (workshops/ratelimit.py: per workshop, so a class on one Wi-Fi fits).
# Behind N reverse proxies of our own that append to X-Forwarded-For, set TRUSTED_PROXY_HOPS=N so the
# rate limits see each visitor's (masked) address rather than the proxy's (common/middleware.py).
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
WORKSHOP_REGISTRATIONS_PER_HOUR = int(os.environ.get("WORKSHOP_REGISTRATIONS_PER_HOUR", "100"))
WORKSHOP_QUIZ_ANSWERS_PER_HOUR = int(os.environ.get("WORKSHOP_QUIZ_ANSWERS_PER_HOUR", "150"))
# Quiz answers wait in a Redis list and are written in batches every QUIZ_ANSWERS_FLUSH_SECONDS (and
# before a workshop's report is read): workshops/services/quiz.py. Off, or without Redis: written at once.
WORKSHOP_QUIZ_ANSWERS_BUFFERED = os.environ.get("WORKSHOP_QUIZ_ANSWERS_BUFFERED", "1") == "1"
QUIZ_ANSWERS_FLUSH_SECONDS = float(os.environ.get("QUIZ_ANSWERS_FLUSH_SECONDS", "10"))
# Feedback forms for one workshop from one connection per hour (besides one per device).
WORKSHOP_FEEDBACK_PER_HOUR = int(os.environ.get("WORKSHOP_FEEDBACK_PER_HOUR", "150"))
# A trainee whose track shows no progress for this many days gets one nudge (SMS and email) naming
# their next step (ambassadors/reminders.py); a later stall nudges again. Default 14.
AMBASSADOR_NUDGE_AFTER_DAYS = int(os.environ.get("AMBASSADOR_NUDGE_AFTER_DAYS", "14"))

# --- Curriculum -----------------------------------------------------------------------------------

# Largest material upload accepted (megabytes); audio for low-literacy groups is the biggest kind.
CURRICULUM_MAX_UPLOAD_MB = int(os.environ.get("CURRICULUM_MAX_UPLOAD_MB", "40"))
# There is no switch for unreviewed translations any more: a reader's own language wins whenever it
# has text, "needs review" included, with a visible notice (DESIGN.md, Languages; docs/curriculum.md).

# --- Email ----------------------------------------------------------------------------------------

EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL.startswith(("smtp://", "smtps://", "submission://")):
    from urllib.parse import unquote, urlsplit

    _email = urlsplit(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or (465 if _email.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_SSL = _email.scheme == "smtps"
    # STARTTLS except on port 25, or when the URL says `?tls=off` (a relay on the same host or network).
    EMAIL_USE_TLS = (
        _email.scheme in {"smtp", "submission"} and EMAIL_PORT != 25 and "tls=off" not in _email.query
    )
elif EMAIL_URL.startswith("file://"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = EMAIL_URL.removeprefix("file://")
elif PRODUCTION and not EMAIL_URL:
    raise ImproperlyConfigured("EMAIL_URL is not set (smtp://user:password@host:587 or file:///path).")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Hifazat <no-reply@hifazat.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------------------

BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {"visibility_timeout": 3600}
    if REDIS_URL
    else {
        "data_folder_in": str(BROKER_DIR),
        "data_folder_out": str(BROKER_DIR),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # tasks are idempotent; a worker dying mid-task means redelivery
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Periodic schedules live in one place: config/schedules.py.

# --- Notifications (docs/notifications.md) --------------------------------------------------------

# SMS backend: "console" (prints; the embedded default), "file" (appends to SMS_FILE_PATH) or "http"
# (a generic gateway: an organisation plugs in its Pakistani SMS aggregator with these settings only).
# Production never prints messages (numbers and texts would end up in the logs): "console" is refused
# there, and an unset SMS_BACKEND means "file" (an outbox an operator or a relay reads).
SMS_BACKEND = os.environ.get("SMS_BACKEND", "file" if PRODUCTION else "console")
if PRODUCTION and SMS_BACKEND == "console":
    raise ImproperlyConfigured(
        "SMS_BACKEND=console prints phone numbers and messages to the logs; production refuses it. "
        "Set SMS_BACKEND=http (with SMS_GATEWAY_URL) or SMS_BACKEND=file."
    )
SMS_FILE_PATH = os.environ.get("SMS_FILE_PATH", str(VAR_DIR / "sms.log"))
SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "")
SMS_GATEWAY_METHOD = os.environ.get("SMS_GATEWAY_METHOD", "POST")
# A JSON (or form) template; {to}, {body}, {reference}, {sender}, {unicode} are filled in, JSON-escaped.
SMS_GATEWAY_PAYLOAD = os.environ.get(
    "SMS_GATEWAY_PAYLOAD", '{"to": "{to}", "text": "{body}", "reference": "{reference}"}'
)
# Extra headers as JSON, e.g. '{"Authorization": "Bearer ..."}'; keep tokens in the environment.
SMS_GATEWAY_HEADERS = os.environ.get("SMS_GATEWAY_HEADERS", "{}")
SMS_GATEWAY_TIMEOUT = float(os.environ.get("SMS_GATEWAY_TIMEOUT", "10"))
SMS_SENDER_ID = os.environ.get("SMS_SENDER_ID", "Hifazat")
# No SMS between these local hours (Asia/Karachi); what falls due inside waits until the end.
NOTIFICATIONS_QUIET_HOURS = (
    int(os.environ.get("NOTIFICATIONS_QUIET_START", "21")),
    int(os.environ.get("NOTIFICATIONS_QUIET_END", "8")),
)
# How many deliveries one scan creates per rule and channel, and how many ids one send task takes.
NOTIFICATIONS_SCAN_BATCH = int(os.environ.get("NOTIFICATIONS_SCAN_BATCH", "500"))
NOTIFICATIONS_SEND_BATCH = int(os.environ.get("NOTIFICATIONS_SEND_BATCH", "100"))
# Failed sends are retried after RETRY_BASE * 2^(attempt-1) seconds, up to MAX_ATTEMPTS attempts.
NOTIFICATIONS_RETRY_BASE_SECONDS = int(os.environ.get("NOTIFICATIONS_RETRY_BASE_SECONDS", "60"))
NOTIFICATIONS_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATIONS_MAX_ATTEMPTS", "5"))
# A queued delivery no worker has claimed after this long is queued again by the scan (lost task);
# a claimed one not finished after SENDING_LEASE is checked with the backend (worker killed mid-send).
NOTIFICATIONS_REQUEUE_AFTER_SECONDS = int(os.environ.get("NOTIFICATIONS_REQUEUE_AFTER_SECONDS", "120"))
NOTIFICATIONS_SENDING_LEASE_SECONDS = int(os.environ.get("NOTIFICATIONS_SENDING_LEASE_SECONDS", "120"))

# --- Security -------------------------------------------------------------------------------------

CSRF_FAILURE_VIEW = "config.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin": nothing leaves the site in a Referer header. Not "no-referrer": with it, browsers
# send `Origin: null` on every form POST and Django's CSRF protection rejects them all.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
# The CSRF cookie lasts as long as the browser session: a report page leaves no cookie on a shared
# phone beyond closing the browser (and the report pages set no other cookie).
CSRF_COOKIE_AGE = None
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# No inline script anywhere, no third-party origin anywhere (privacy of reporters; offline use).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Logging --------------------------------------------------------------------------------------

# Request logging would record client addresses; confidential reporting forbids that (DESIGN.md),
# so django.request and django.server log without the request line's address, and errors are not
# mailed with request metadata.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}
ADMINS = []

SITE_NAME = "Hifazat"
# The site's address for links in SMS and email (no request to build them from in a worker), without
# a trailing slash. SITE_URL in the environment; default: https:// + the first ALLOWED_HOSTS entry in
# production, the `make run` address otherwise. Keep it short: it counts against the SMS length.
SITE_URL = os.environ.get(
    "SITE_URL",
    f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else f"http://127.0.0.1:{os.environ.get('PORT', '8000')}",
).rstrip("/")

# --- Workshops ------------------------------------------------------------------------------------

# Participants' names, phones and emails are removed this many days after their workshop ended
# (counts, attendance and feedback stay). WORKSHOPS_SHRED_AFTER_DAYS in the environment; default 90.
WORKSHOPS_SHRED_AFTER_DAYS = int(os.environ.get("WORKSHOPS_SHRED_AFTER_DAYS", "90"))
# How far back a coordinator may record a session that was held offline (workshops:manage_record).
WORKSHOPS_RECORD_PAST_DAYS = int(os.environ.get("WORKSHOPS_RECORD_PAST_DAYS", "60"))
# A workshop's feedback and quiz links stop working this many days after it ended (a page then says
# so); a registration link works until the registration is shredded (above). Default 14.
WORKSHOP_LINKS_VALID_DAYS = int(os.environ.get("WORKSHOP_LINKS_VALID_DAYS", "14"))
# Registering again with a number already registered (or applying again with a number that has an
# application) sends the existing link (or reference) to that number, at most this many times a day
# per registration or application, whoever asks: nobody can flood someone else's phone. Default 3.
PERSONAL_LINK_RESENDS_PER_DAY = int(os.environ.get("PERSONAL_LINK_RESENDS_PER_DAY", "3"))

# --- Impact (impact/, docs/impact.md) -------------------------------------------------------------
# A district with rising incident reports and fewer than this many workshops in the last 90 days is
# listed first under "where the movement is not yet reaching".
IMPACT_FEW_WORKSHOPS = int(os.environ.get("IMPACT_FEW_WORKSHOPS", "2"))
# --- Faults (docs/faults.md) ----------------------------------------------------------------------
# /healthz/worker answers 503 when no worker has run the heartbeat task (queued by beat every minute)
# for this many minutes.
WORKER_HEARTBEAT_STALE_MINUTES = int(os.environ.get("WORKER_HEARTBEAT_STALE_MINUTES", "5"))

# How long a worker keeps a rendered public page for anonymous visitors (seconds; common/pagecache.py).
# Any save retires the pages at once; this bounds what only time changes (a quiz that closed).
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "60"))

# How long the public /impact/ figures are cached (seconds).
IMPACT_PUBLIC_CACHE_SECONDS = int(os.environ.get("IMPACT_PUBLIC_CACHE_SECONDS", "300"))
