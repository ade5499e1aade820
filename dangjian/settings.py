"""
Settings for dangjian, read from the environment.

Development reads a local `.env` (written by `make .env`, never committed); production sets real
environment variables (see README). Every value that differs between the two comes from here.
"""

import datetime
from pathlib import Path

import environ
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Real environment variables win over the file: read_env only sets what is missing.
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

# A development key is tolerated only while DEBUG is on; production must set SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="django-insecure-dev-only-key" if DEBUG else environ.Env.NOTSET)

# Earlier keys still accepted for signatures (sessions, backups made before a key change).
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_prose_editor",
    # Third-party apps under Chinese names (dangjian/apps.py).
    "dangjian.apps.AxesConfig",
    "django_otp",
    "dangjian.apps.TOTPConfig",
    "solo",
    "dangjian.apps.TasksDBConfig",
    "background",
    "accounts",
    "siteprofile",
    "townships",
    "articles",
    "letters",
    "reports",
    "workspace",
    "publishing",
    "inspection",
    "backups",
    "demo",
    # Redirects from the previous website's addresses (oldlinks/); the Site row follows SITE_URL.
    "django.contrib.sites",
    "django.contrib.redirects",
    "oldlinks",
    # Last: re-registers third-party admins and names permissions in Chinese after every migrate.
    "dangjian.apps.DangjianConfig",
]
SITE_ID = 1

MIDDLEWARE = [
    # First: a cache hit is answered with the headers the stack below gave the page when it was stored.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Acts on 404 responses only (after CommonMiddleware's slash redirect): old addresses, 最近的404.
    "oldlinks.middleware.OldLinksMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.twofactor.RequireVerifiedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out logins before any password check
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "dangjian.urls"

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
                "siteprofile.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "dangjian.wsgi.application"

# SQLite by default so a newcomer needs nothing installed; DATABASE_URL selects PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at the same time under gunicorn workers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Redis when REDIS_URL is set (shared by every server); a file cache on this machine otherwise.
if REDIS_URL := env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="dangjian"),
        }
    }
else:
    # Without Redis, a file cache on this machine: every process (web workers, the background
    # worker) must see the same page-cache invalidations, which per-process memory cannot give.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.CharacterClassValidator"},
]

# Five wrong passwords from one client address, or for one account from one address, lock that
# address (or that account there) for 30 minutes (django-axes); the account stays open elsewhere.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind nginx every request comes from 127.0.0.1; django-ipware takes the client's address from the
# X-Forwarded-For entry nginx appends. AXES_PROXY_COUNT counts further proxies in front of nginx (a
# load balancer that also appends). A header with any other number of entries (one a client made up)
# is not believed: the lockout then keys on the proxy's own address, never on an address claimed.
if env.bool("BEHIND_PROXY", default=False):
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)

# The name authenticator apps show for this site's two-factor entry.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="党建网")

# Staff sessions end after 8 hours or when the browser closes.
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content Security Policy (Django's own): nothing inline, nothing from elsewhere. The workspace and
# admin relax it for the rich-text editor (accounts/csp.py); public pages never do.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:index"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese for what Django 6.1 and the third-party apps do not translate yet (dangjian/apps.py).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# The article editor's own module (static/js/editor/clerk.js): Chinese toolbar and dialogs, no markdown input
# rules, Word/WPS paste cleaning. prose-editor loads it for fields that enable ClerkTools (articles/richtext.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {"js": [static_lazy("js/editor/clerk.js")], "extensions": {"ClerkTools": html_tags([])}},
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Let Django serve MEDIA_ROOT (development, tests, a single-process trial); nginx does it in production.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files so browsers may cache them for a year.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Several app servers share uploads through S3-compatible object storage (MinIO, OSS, COS …).
if S3_BUCKET := env("S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "access_key": env("S3_ACCESS_KEY", default=None),
            "secret_key": env("S3_SECRET_KEY", default=None),
            "region_name": env("S3_REGION", default=None),
            "custom_domain": env("S3_PUBLIC_DOMAIN", default=None),  # e.g. media.example.gov.cn via nginx
            "url_protocol": env("S3_PUBLIC_PROTOCOL", default="https:"),
            "querystring_auth": False,  # public images: plain, cacheable URLs
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }

# Uploaded covers and images are small; reject anything larger before it reaches Pillow.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Production hardening: on unless DEBUG, each switch overridable for a TLS-terminating proxy.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Mail goes to the console in development and to the local MTA in production, unless EMAIL_URL
# names a server, e.g. smtp+tls://user:pass@mail.example.cn:587
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"]}}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"],
        "password": _email["EMAIL_HOST_PASSWORD"],
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        # A mail server that does not answer must not hold a request: sending fails, the caller goes on.
        "timeout": env.int("EMAIL_TIMEOUT", default=10),
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")

# Errors are logged (journald via gunicorn's stderr); readers only ever see the Chinese error pages.
LOG_LEVEL = env("LOG_LEVEL", default="WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's default config gives the `django` loggers a console handler of their own when DEBUG is on, which
    # printed every worker and request line twice; they go through the root handler only.
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}

# The admin's address; counties may move it away from the well-known /admin/.
ADMIN_URL = env("ADMIN_URL", default="admin/")

# The public address, for links in e-mails (notifications, approval links). In development it follows
# PORT (`make run PORT=8001` exports it), so an e-mailed link opens the server that is running.
SITE_URL = env("SITE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}")

# Anonymous public pages are cached and invalidated by tags (core/pagecache.py).
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
# Buffered 浏览次数 are written to the database this often (articles/viewcounts.py).
VIEW_COUNT_FLUSH_SECONDS = env.int("VIEW_COUNT_FLUSH_SECONDS", default=30)
# When set, public pages are also written there as static HTML and kept current (publishing/static_export.py).
STATIC_EXPORT_DIR = env("STATIC_EXPORT_DIR", default="")

# Background work (exports, 错敏词 rescans, fingerprints, mail) is queued in the database and run by
# `manage.py run_worker` (background/). The immediate backend would run it inside the request; a system check
# warns if it is combined with STATIC_EXPORT_DIR.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# Periodic jobs, queued once per period by the worker, which remembers the last period (background/schedule.py).
# A daily job's day starts at "at" (Asia/Shanghai); a worker that was down runs a missed period once on start.
PERIODIC_TASKS = [
    {"task": "articles.tasks.publish_due_articles", "every": "minute"},
    {"task": "articles.tasks.end_due_articles", "every": "minute"},
    {"task": "articles.tasks.flush_view_counts", "every": "minute"},
    {"task": "reports.tasks.send_deadline_reminders", "every": "hour"},
    {"task": "letters.tasks.send_letter_reminders", "every": "hour"},
    {"task": "inspection.tasks.daily_inspection", "every": "day", "at": "02:00"},
    {"task": "articles.tasks.purge_expired_articles", "every": "day", "at": "03:00"},
    {"task": "background.tasks.prune_task_results", "every": "day", "at": "04:00"},
    {"task": "oldlinks.tasks.flush_not_found", "every": "minute"},
]
# Without Redis, a process writes its buffered 404 sightings at most this often (oldlinks/notfound.py).
NOT_FOUND_FLUSH_SECONDS = env.int("NOT_FOUND_FLUSH_SECONDS", default=60)

# 附件 (articles/attachments.py): the largest file an editor may attach, and, behind nginx, the internal location
# that sends attachment files once Django has checked the article is public (deploy/nginx/dangjian.conf).
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
ATTACHMENT_ACCEL_PREFIX = env("ATTACHMENT_ACCEL_PREFIX", default="")
