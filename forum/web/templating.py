"""Small helpers every template may use: dates, plurals, the site name."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask, current_app

from forum.database import utcnow
from forum.web.urls import absolute_url


def long_date(value: date | datetime | None) -> str:
    """'3 March 2026' — unambiguous wherever the reader lives."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def iso_date(value: date | datetime | None) -> str:
    """For <time datetime>: HTML allows at most three digits of a second, so whole seconds."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def pluralize(count: int, singular: str, plural: str | None = None) -> str:
    """'1 person', '3 people'."""
    word = singular if count == 1 else (plural or singular + "s")
    return f"{count:,} {word}"


def time_since(moment: datetime) -> str:
    """How long ago MOMENT was, in words a moderator reads at a glance: "3 hours 20 minutes"."""
    minutes = int((utcnow() - moment).total_seconds() // 60)
    if minutes < 1:
        return "less than a minute"
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        return " ".join([pluralize(days, "day")] + ([pluralize(hours, "hour")] if hours else []))
    if hours:
        return " ".join(
            [pluralize(hours, "hour")] + ([pluralize(minutes, "minute")] if minutes else [])
        )
    return pluralize(minutes, "minute")


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.add_template_filter(long_date)
    app.add_template_filter(iso_date)
    app.add_template_filter(time_since)
    app.add_template_global(pluralize)
    app.add_template_global(absolute_url)

    @app.context_processor
    def site_globals() -> dict:
        return {"site_name": current_app.config["SITE_NAME"]}
