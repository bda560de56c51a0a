"""Settings driven by environment variables.

With nothing set the project runs on the embedded default: SQLite under ``var/`` and Celery
tasks executed eagerly in-process. ``DATABASE_URL`` switches to PostgreSQL and
``CELERY_BROKER_URL`` to a real broker with a separate worker. ``DJANGO_ENV=production``
turns on the deploy hardening that ``manage.py check --deploy`` expects.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("IGM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY es obligatorio en producción.")
    SECRET_KEY = "desarrollo-inseguro-no-usar-en-produccion-" + "x" * 20  # noqa: S105

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "simple_history",
    "common",
    "accounts",
    "planning",
    "budget",
    "monitoring",
    "indicators",
    "reporting",
    "transparency",
    "national",
    "seeding",
    "backups",
    "worklist",
    "notices",
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
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "igm_plan.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "igm_plan.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'igm_plan.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, and a statement run five times on a connection prepared
    # (Django turns psycopg's preparing off unless asked): the pages' and the API's repeated
    # aggregates skip PostgreSQL's planning, about a third of their time.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
# WAL lets the dev server read while a task writes. IMMEDIATE takes the write lock when a
# transaction begins, so simultaneous saves queue for up to the timeout (seconds) instead of failing
# with "database is locked" when a reader upgrades to a writer.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME")}

# A shared cache makes API throttling one limit per client across all web workers.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "es-gt"
LANGUAGES = [("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Guatemala"
USE_I18N = True
USE_TZ = True
# Figures are formatted explicitly (see planning.formatting) so that every page shows
# Q 292,649,151.00 as the SIPLAN documents do, whatever the locale's separators.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["igm_plan.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("IGM_MEDIA_ROOT", VAR_DIR / "media"))
if not PRODUCTION:
    # WhiteNoise warns on every request when STATIC_ROOT is missing; development serves from the apps.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads: execution files and photos are checked again by the services; these are hard caps.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The public transparency portal: seconds a page is cached (a newly approved month shows up within
# them) and requests per client address and minute before it answers 429.
IGM_PORTAL_CACHE_SECONDS = int(os.environ.get("IGM_PORTAL_CACHE_SECONDS", "60"))
IGM_PORTAL_RATE = int(os.environ.get("IGM_PORTAL_RATE", "120"))
IGM_MAX_UPLOAD_BYTES = int(os.environ.get("IGM_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))
# Every uploaded spreadsheet (execution, programming, plan matrices): an XLSX larger than this once
# decompressed (a zip bomb) and a file with more rows than this are refused before they are parsed.
IGM_MAX_UNCOMPRESSED_BYTES = int(os.environ.get("IGM_MAX_UNCOMPRESSED_BYTES", str(256 * 1024 * 1024)))
IGM_MAX_ROWS_PER_FILE = int(os.environ.get("IGM_MAX_ROWS_PER_FILE", "200000"))
# Activity-report photos are kept with their long side at most this many pixels.
IGM_PHOTO_MAX_PX = int(os.environ.get("IGM_PHOTO_MAX_PX", "1600"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "igm_plan.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["igm_plan.api.access.ScopePermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "igm_plan.api.pagination.PagePagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_CLASSES": ["igm_plan.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api_client": os.environ.get("IGM_API_RATE", "1200/min")},
    "EXCEPTION_HANDLER": "igm_plan.api.exceptions.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "igm_plan.api.schema.ApiAutoSchema",
    "COERCE_DECIMAL_TO_STRING": True,
}
# If-Modified-Since answers 304 only once the newest change is this old: a write that commits late
# can carry an earlier instant (igm_plan.api.views.ApiViewMixin.settled_last_modified).
API_SETTLE_SECONDS = int(os.environ.get("API_SETTLE_SECONDS", "600"))
# History is read, never restored from the admin: a revert would skip locks and approvals.
SIMPLE_HISTORY_REVERT_DISABLED = True
# Benchmark only (benchmarks/bench_api.py): exposes the bare JsonResponse ceiling view.
# They serve every institution's rows to anyone, so production refuses to start with them.
IGM_API_BENCHMARK_VIEWS = env_bool("IGM_API_BENCHMARK_VIEWS")
if IGM_API_BENCHMARK_VIEWS and PRODUCTION:
    raise ImproperlyConfigured(
        "IGM_API_BENCHMARK_VIEWS expone los datos de todas las instituciones sin autenticación: "
        "no puede activarse en producción."
    )
# Seconds a token lookup is cached. Revoking clears it; without CACHE_URL (a per-process cache),
# other processes honour a revocation made elsewhere (the command) within this delay.
API_TOKEN_CACHE_SECONDS = int(os.environ.get("API_TOKEN_CACHE_SECONDS", "10"))
# The API request log is written in batches of this many rows, or after this many seconds.
API_REQUEST_LOG_BATCH = int(os.environ.get("API_REQUEST_LOG_BATCH", "100"))
API_REQUEST_LOG_SECONDS = float(os.environ.get("API_REQUEST_LOG_SECONDS", "2"))
SPECTACULAR_SETTINGS = {
    "TITLE": "IGM Plan API",
    "DESCRIPTION": (
        "API de planificación y seguimiento por resultados (POM, POA, SIPLAN).\n\n"
        "Autenticación: encabezado `Authorization: Token <clave>`. Alcance `read`: todas las "
        "instituciones, solo lectura. Alcance `institution:<siglas>`: solo esa institución (los objetos "
        "de otras responden 404) y puede enviar ejecución mensual.\n\n"
        'Errores: siempre `{"error": {"code": ..., "message": ..., "fields": {...}}}` '
        "(`fields` solo en validación). Límite de solicitudes por cliente: 429 con `Retry-After`.\n\n"
        "Montos en cadenas decimales con dos lugares, fechas ISO 8601, códigos como cadenas. "
        "Las lecturas llevan `ETag` y `Last-Modified`: con `If-None-Match` o `If-Modified-Since` "
        "los datos sin cambios responden 304. Para sincronizar use `modified_since`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our own static files: the deployment needs no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Sessions still work for logged-in pages' scripts; integrators are documented only the token.
    "AUTHENTICATION_WHITELIST": ["igm_plan.api.authentication.ApiTokenAuthentication"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "igm_plan.api.schema.describe_tags",
    ],
}

# Celery: eager in-process unless a broker is configured.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = int(os.environ.get("CELERY_WORKER_MAX_TASKS_PER_CHILD", "20"))
# Longer than the longest report job, so Redis does not redeliver a task that is still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
}
CELERY_TIMEZONE = TIME_ZONE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Security: strict by default in production; `manage.py check --deploy` must be clean.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (django-csp): pages load scripts, styles, images and fonts only from this
# site, with no inline script or style, in every environment (django-csp leaves Django's DEBUG error
# pages alone). IGM_CSP_REPORT_ONLY=1 only reports violations, for diagnosing a deployment. The API
# docs page (Swagger UI) widens it for itself alone (igm_plan/urls.py).
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware"
)
_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
if env_bool("IGM_CSP_REPORT_ONLY"):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP

# Logins: lockout after wrong passwords (django-axes), two-factor codes (django-otp), idle sessions.
# Everything about how people sign in is in this section.
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
# After authentication and messages; axes last, so it turns a locked-out attempt into its page.
MIDDLEWARE += [
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.IdleSessionMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked out after this many wrong passwords for one username (from anywhere), or from one address
# (whatever the usernames), for the cool-off that follows the last counted failure.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("IGM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("IGM_LOGIN_COOLOFF_MINUTES", "15")))
# Attempts during a lockout do not extend it, so the page can promise when it ends. A successful
# login does not erase earlier failures: that reset also clears its address's failures against other
# usernames, letting someone with one account keep guessing another's password.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"
# Reverse proxies in front of gunicorn that append the client's address to X-Forwarded-For (nginx
# with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`). Production assumes one, as
# SECURE_PROXY_SSL_HEADER does; 0 reads REMOTE_ADDR. Too many lets clients forge their address,
# too few locks out the proxy's address, that is everyone.
IGM_PROXY_COUNT = int(os.environ.get("IGM_PROXY_COUNT", "1" if PRODUCTION else "0"))
# Directors, planning leads and admin staff must verify a code from an authenticator app. Off by
# default in development so the demo users log in with their password alone.
IGM_REQUIRE_2FA = env_bool("IGM_REQUIRE_2FA", default=PRODUCTION)
# Separation of duties: whoever sent a month or a report for approval cannot approve it.
IGM_SEPARATION_OF_DUTIES = env_bool("IGM_SEPARATION_OF_DUTIES", default=True)
OTP_TOTP_ISSUER = "IGM Plan"
# A session unused this long ends; the login page says why. Sessions are written at most once a
# minute to record activity (IGM_SESSION_TOUCH_SECONDS), not on every request.
IGM_SESSION_IDLE_MINUTES = int(os.environ.get("IGM_SESSION_IDLE_MINUTES", "30"))
IGM_SESSION_TOUCH_SECONDS = 60
# The cookie outlives the idle limit so the server, not the browser, ends the session and can say so.
SESSION_COOKIE_AGE = max(IGM_SESSION_IDLE_MINUTES * 60 * 2, 12 * 60 * 60)

# Domain settings.
IGM_SIGNING_P12 = os.environ.get("IGM_SIGNING_P12", str(VAR_DIR / "signing" / "igm-demo.p12"))
IGM_SIGNING_P12_PASSWORD = os.environ.get("IGM_SIGNING_P12_PASSWORD", "igm-demo")
IGM_DEVIATION_LOW_PCT = os.environ.get("IGM_DEVIATION_LOW_PCT", "70")
IGM_DEVIATION_HIGH_PCT = os.environ.get("IGM_DEVIATION_HIGH_PCT", "110")
IGM_TRAFFIC_GREEN_PCT = os.environ.get("IGM_TRAFFIC_GREEN_PCT", "90")
IGM_TRAFFIC_YELLOW_PCT = os.environ.get("IGM_TRAFFIC_YELLOW_PCT", "70")
# Report jobs: one running longer than this without a heartbeat is re-queued by the reconciler,
# which Celery beat runs every five minutes (also `manage.py reconcile_report_jobs`).
IGM_REPORT_JOB_STALE_SECONDS = int(os.environ.get("IGM_REPORT_JOB_STALE_SECONDS", "900"))
# Processes that lay out the chunks of a long PDF at once (common.pdf.render_pdf_chunks).
IGM_PDF_PROCESSES = int(os.environ.get("IGM_PDF_PROCESSES", str(os.cpu_count() or 1)))
CELERY_BEAT_SCHEDULE = {
    "reconcile-report-jobs": {"task": "reporting.tasks.reconcile_report_jobs", "schedule": 300.0},
}
# Backups (`manage.py backup`/`restore`): Celery beat takes one daily at IGM_BACKUP_TIME (local time)
# into IGM_BACKUP_DIR and keeps the newest IGM_BACKUP_KEEP there; copying them off the machine is the
# operator's step (README, «Seguridad y respaldo»).
IGM_BACKUP_DIR = Path(os.environ.get("IGM_BACKUP_DIR", VAR_DIR / "backups"))
IGM_BACKUP_KEEP = int(os.environ.get("IGM_BACKUP_KEEP", "14"))
IGM_BACKUP_HOUR, IGM_BACKUP_MINUTE = os.environ.get("IGM_BACKUP_TIME", "02:30").split(":")
CELERY_BEAT_SCHEDULE["backup-daily"] = {
    "task": "backups.tasks.backup_daily",
    "schedule": crontab(hour=IGM_BACKUP_HOUR, minute=IGM_BACKUP_MINUTE),
}
# Reminders (`manage.py send_reminders`): Celery beat sends them daily at IGM_REMINDER_TIME (local
# time), IGM_REMINDER_DAYS_BEFORE days before a report's due date and on every late day.
IGM_REMINDER_DAYS_BEFORE = int(os.environ.get("IGM_REMINDER_DAYS_BEFORE", "5"))
IGM_REMINDER_HOUR, IGM_REMINDER_MINUTE = os.environ.get("IGM_REMINDER_TIME", "07:00").split(":")
CELERY_BEAT_SCHEDULE["reminders-daily"] = {
    "task": "notices.tasks.send_reminders_daily",
    "schedule": crontab(hour=IGM_REMINDER_HOUR, minute=IGM_REMINDER_MINUTE),
}
# Links in e-mails need the site's address.
IGM_SITE_URL = os.environ.get("IGM_SITE_URL", "http://localhost:8000")
# E-mail: printed to the console in development; SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IGM Plan <no-responder@igm.gob.gt>")
