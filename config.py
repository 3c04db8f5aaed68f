"""Settings. FORUM_CONFIG (development, testing, production) picks a class;
DATABASE_URL overrides the database in every one of them.

Values that come from the environment are properties, read when the app is created,
so a test or a process can set them after this module was imported."""

from __future__ import annotations

import os


def database_url(default: str) -> str:
    """DATABASE_URL if set, spelled for the psycopg 3 driver we install."""
    url = os.environ.get("DATABASE_URL") or default
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


class Config:
    # Relative SQLite paths land in instance/ (Flask-SQLAlchemy resolves them there).
    DEFAULT_DATABASE = "sqlite:///forum.sqlite"
    DEFAULT_SECRET_KEY = ""
    # A forgotten setting must stop the app, never run it insecurely.
    REQUIRED_FROM_ENVIRONMENT: tuple[str, ...] = ()

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SITE_NAME = "Patient Experience Forum"

    # Medically reviewed summaries: how long a review holds, and when the dashboard warns.
    REVIEW_INTERVAL_DAYS = 365
    DUE_SOON_DAYS = 30

    @property
    def ALLOW_SELF_REVIEW(self) -> bool:  # noqa: N802
        """Small sites with one reviewer may let a writer publish (or verify) their own work."""
        return os.environ.get("ALLOW_SELF_REVIEW", "").lower() in {"1", "true", "yes"}

    @property
    def SECRET_KEY(self) -> str:  # noqa: N802 - Flask reads upper-case names only
        return os.environ.get("SECRET_KEY") or self.DEFAULT_SECRET_KEY

    @property
    def SQLALCHEMY_DATABASE_URI(self) -> str:  # noqa: N802
        return database_url(self.DEFAULT_DATABASE)

    def missing_settings(self) -> list[str]:
        """Names this configuration needs from the environment that are not set there."""
        return [name for name in self.REQUIRED_FROM_ENVIRONMENT if not os.environ.get(name)]


class DevelopmentConfig(Config):
    DEFAULT_SECRET_KEY = "dev-only-not-secret"


class TestingConfig(Config):
    TESTING = True
    DEFAULT_SECRET_KEY = "test-only-not-secret"
    DEFAULT_DATABASE = "sqlite://"
    WTF_CSRF_ENABLED = False


class ProductionConfig(Config):
    REQUIRED_FROM_ENVIRONMENT = ("SECRET_KEY", "DATABASE_URL")
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"


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
