"""Settings. FORUM_CONFIG (development, testing, production) picks a class;
DATABASE_URL overrides the database in every one of them.

Values that come from the environment are read when the settings object is made (in
create_app), so a test or a process can set them after this module was imported."""

from __future__ import annotations

import os
from urllib.parse import urlsplit


def database_url(default: str) -> str:
    """DATABASE_URL if set, spelled for the psycopg 3 driver we install."""
    url = os.environ.get("DATABASE_URL") or default
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


class Config:
    # Relative SQLite paths land in instance/ (Flask-SQLAlchemy resolves them there).
    DEFAULT_DATABASE = "sqlite:///forum.sqlite"
    DEFAULT_SECRET_KEY = ""
    # Where readers reach the forum (scheme and host): every absolute URL, in mail, feeds,
    # sitemaps and canonical links, starts with it, never with a request's Host header.
    DEFAULT_SITE_URL = ""
    # A forgotten setting must stop the app, never run it insecurely.
    REQUIRED_FROM_ENVIRONMENT: tuple[str, ...] = ()

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SITE_NAME = "Patient Experience Forum"

    # Accounts
    EMAIL_CONFIRMATION_MAX_AGE = 2 * 24 * 3600  # seconds a confirmation link stays valid
    PASSWORD_RESET_MAX_AGE = 3600
    DISPLAY_NAME_CHANGE_DAYS = 30  # a pseudonym can change once in this many days
    PASSWORD_HASH_METHOD = "scrypt:32768:8:1"  # werkzeug's; stored hashes are upgraded on sign-in

    # Page cache for signed-out readers (see forum/caching.py).
    CACHE_KEY_PREFIX = "forum:"
    PAGE_CACHE_SECONDS = 300
    # Pieces of pages that read the same for many readers (see forum/fragments.py).
    FRAGMENT_CACHE_ENABLED = True
    # Behind how many reverse proxies the app runs (X-Forwarded-* headers to trust).
    PROXY_COUNT = 0
    LOG_FORMAT = "text"
    LOG_REQUESTS = False

    # Medically reviewed summaries: how long a review holds, and when the dashboard warns.
    REVIEW_INTERVAL_DAYS = 365
    DUE_SOON_DAYS = 30
    # How many members' reports make a review task when they diverge from a summary
    # (forum/summaries/divergence.py); never fewer than SMALL_NUMBER_THRESHOLD.
    DIVERGENCE_MIN_REPORTS = 5

    # Jobs (forum/jobs) wait on a queue for `flask jobs worker`, unless this says to run them
    # at once, inside the request (the tests do).
    JOBS_IMMEDIATE = False
    # Outgoing mail: "outbox" writes .eml files to instance/outbox/, "smtp" sends them.
    MAIL_BACKEND = "outbox"
    MAIL_DEFAULT_SENDER = "Patient Experience Forum <no-reply@forum.invalid>"

    # Rate limits (Flask-Limiter syntax). Storage is in-process unless REDIS_URL is set.
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_SIGN_IN_PER_ADDRESS = "20 per minute; 100 per hour"
    RATELIMIT_SIGN_IN_PER_ACCOUNT = "5 per minute; 20 per hour"
    RATELIMIT_REGISTER_PER_ADDRESS = "5 per hour"
    RATELIMIT_EMAIL_REQUESTS = "3 per hour"  # reset and confirmation emails, per address asked for
    RATELIMIT_HELPFUL_VOTES = "30 per minute; 500 per day"  # per member, marks and unmarks alike

    # Reading answers: aggregates, pages of answers, comparing.
    # In a rare disease a count of one or two can point at a person: below this, say "fewer than".
    SMALL_NUMBER_THRESHOLD = 3
    QUESTION_ANSWERS_PER_PAGE = 30
    TREATMENT_ANSWERS_PER_PAGE = 30
    # Per member, counting only what went through (a preview or a refused form costs nothing).
    RATELIMIT_POSTING = "10 per hour"
    RATELIMIT_EDITING = "30 per hour"
    RATELIMIT_FLAGGING = "20 per hour"

    # Moderation
    PREMODERATE_FIRST_ANSWERS = 2  # a member's first N answers wait for a moderator
    FLAG_HIDE_THRESHOLD = 3  # reports from this many members hide an answer until a decision
    MODERATION_QUEUE_PAGE_SIZE = 20
    MODERATION_LOG_PAGE_SIZE = 50
    RATELIMIT_SEARCH = "60 per minute"  # search pages, per address

    # Search and discovery
    SEARCH_RESULTS_PER_PAGE = 10
    SEARCH_CANDIDATES = 1000  # newest matches ranked per group (questions and summaries; answers)
    SITEMAP_PAGE_SIZE = 10_000  # URLs in one sitemap file; more make a sitemap index
    FEED_ENTRIES = 30  # entries in an Atom feed

    def __init__(self) -> None:
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or self.DEFAULT_SECRET_KEY
        self.SITE_URL = (os.environ.get("SITE_URL") or self.DEFAULT_SITE_URL).rstrip("/")
        self.SQLALCHEMY_DATABASE_URI = database_url(self.DEFAULT_DATABASE)
        redis_url = os.environ.get("REDIS_URL")
        self.RATELIMIT_STORAGE_URI = redis_url or "memory://"
        # Rendered pages for signed-out readers: in-process here, shared Redis in production.
        self.CACHE_TYPE = "RedisCache" if redis_url else "SimpleCache"
        self.CACHE_REDIS_URL = redis_url or ""
        # The job queue (forum/jobs): Redis when there is one, else a SQLite file in instance/.
        self.JOBS_REDIS_URL = redis_url or ""
        self.JOBS_SQLITE_PATH = os.environ.get("JOBS_SQLITE_PATH", "")
        # Where development writes mail (instance/outbox/ when unset).
        self.MAIL_OUTBOX_DIR = os.environ.get("MAIL_OUTBOX_DIR", "")
        # Pre-moderation can be tuned (or, with 0, switched off) without a code change.
        self.PREMODERATE_FIRST_ANSWERS = int(
            os.environ.get("PREMODERATE_FIRST_ANSWERS", self.PREMODERATE_FIRST_ANSWERS)
        )
        # Small sites with one reviewer may let a writer publish (or verify) their own work.
        self.ALLOW_SELF_REVIEW = env_flag("ALLOW_SELF_REVIEW", False)

    def missing_settings(self) -> list[str]:
        """Names this configuration needs from the environment that are not set there."""
        return [name for name in self.REQUIRED_FROM_ENVIRONMENT if not os.environ.get(name)]


class DevelopmentConfig(Config):
    DEFAULT_SECRET_KEY = "dev-only-not-secret"
    DEFAULT_SITE_URL = "http://127.0.0.1:5000"  # `make run` sets SITE_URL from HOST and PORT


class TestingConfig(Config):
    TESTING = True
    DEFAULT_SECRET_KEY = "test-only-not-secret"
    DEFAULT_SITE_URL = "http://localhost"  # the test client's own host
    DEFAULT_DATABASE = "sqlite://"
    WTF_CSRF_ENABLED = False
    JOBS_IMMEDIATE = True  # each job runs at once, inside the request that queued it
    # Cheaper hashing keeps the suite fast; production parameters are tested on their own.
    PASSWORD_HASH_METHOD = "scrypt:16384:8:1"


class ProductionConfig(Config):
    REQUIRED_FROM_ENVIRONMENT = ("SECRET_KEY", "DATABASE_URL", "SITE_URL")
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    LOG_REQUESTS = True

    def __init__(self) -> None:
        super().__init__()
        env = os.environ
        self.MAIL_SERVER = env.get("MAIL_SERVER", "")
        self.MAIL_BACKEND = "smtp" if self.MAIL_SERVER else "outbox"
        self.MAIL_PORT = int(env.get("MAIL_PORT", "587"))
        self.MAIL_USERNAME = env.get("MAIL_USERNAME", "")
        self.MAIL_PASSWORD = env.get("MAIL_PASSWORD", "")
        self.MAIL_USE_TLS = env_flag("MAIL_USE_TLS", True)
        self.MAIL_USE_SSL = env_flag("MAIL_USE_SSL", False)
        self.MAIL_DEFAULT_SENDER = env.get("MAIL_DEFAULT_SENDER", Config.MAIL_DEFAULT_SENDER)
        self.PROXY_COUNT = int(env.get("PROXY_COUNT", "1"))
        # Requests for any other host are refused (400): the site's own, and any listed in
        # TRUSTED_HOSTS (comma-separated, e.g. the name a load balancer's health check uses).
        extra_hosts = [host.strip() for host in env.get("TRUSTED_HOSTS", "").split(",")]
        self.TRUSTED_HOSTS = [urlsplit(self.SITE_URL).hostname, *filter(None, extra_hosts)]
        self.LOG_FORMAT = env.get("LOG_FORMAT", "json")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name_or_class: str | type[Config]) -> Config:
    """The settings object for FORUM_CONFIG's value, or for a class given directly."""
    if not isinstance(name_or_class, str):
        return name_or_class()
    try:
        return CONFIGS[name_or_class]()
    except KeyError:
        choices = ", ".join(CONFIGS)
        raise RuntimeError(f"FORUM_CONFIG={name_or_class!r} is not one of: {choices}.") from None
