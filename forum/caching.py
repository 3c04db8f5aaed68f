"""Pages for signed-out readers: served from a shared cache, with ETag and Last-Modified.

Rendered pages are stored under a key that includes a content version. Any committed change to
what public pages show bumps the version, so the next reader gets a fresh page at once (an
approved answer appears immediately) and stale entries simply expire. Signed-in pages are never
stored, and are marked private so no shared cache in between keeps them either.
"""

from __future__ import annotations

import hashlib
import time
from email.utils import formatdate

from flask import Flask, Response, current_app, g, has_app_context, request, session
from flask_caching import Cache
from flask_login import current_user
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

cache = Cache()

# Endpoints whose signed-out version is the same for every reader.
PUBLIC_ENDPOINTS = frozenset(
    {
        "conditions.home",
        "conditions.detail",
        "questions.detail",
        "answers.permalink",
        "summaries.history",
        "pages.about",
        "pages.guidelines",
        "pages.medical_review",
    }
)
VERSION_KEY = "content-version"
# Models whose changes can alter a public page.
CONTENT_MODELS = frozenset(
    {
        "Answer",
        "TreatmentReport",
        "HelpfulVote",
        "Question",
        "Condition",
        "Treatment",
        "Membership",
        "Summary",
        "SummaryRevision",
        "SummaryReference",
        "ReviewerProfile",
    }
)
# A member's row holds much that no public page shows (password, email, session token, counts);
# only these fields of it can change one. A new member shows nowhere until they join or post.
PUBLIC_USER_FIELDS = ("display_name", "status", "role")


def content_version() -> tuple[int, float]:
    """(version number, when it last changed); both start when the cache is empty."""
    stored = cache.get(VERSION_KEY)
    if stored is None:
        stored = (1, time.time())
        cache.add(VERSION_KEY, stored, timeout=0)
    return stored


def bump_content_version() -> None:
    number, _ = content_version()
    cache.set(VERSION_KEY, (number + 1, time.time()), timeout=0)


def _cacheable() -> bool:
    """Only GETs of public pages, by signed-out readers with no message waiting for them."""
    return (
        current_app.config.get("PAGE_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and request.endpoint in PUBLIC_ENDPOINTS
        and not current_user.is_authenticated
        and not session.get("_flashes")
    )


def _key(version: int) -> str:
    digest = hashlib.sha256(request.full_path.encode()).hexdigest()[:32]
    return f"page:{version}:{digest}"


def serve_from_cache() -> Response | None:
    # Decided before the view runs: rendering a page consumes its flashed messages.
    g.page_cacheable = _cacheable()
    if not g.page_cacheable:
        return None
    version, changed_at = content_version()
    stored = cache.get(_key(version))
    if stored is None:
        return None
    body, mimetype, etag = stored
    response = Response(body, mimetype=mimetype)
    response.set_etag(etag)  # hashed once, when stored
    response.headers["X-Page-Cache"] = "hit"
    return _conditional(response, changed_at)


def store_and_mark(response: Response) -> Response:
    """After a request: keep a fresh public page, and tell caches what they may do with it."""
    if current_user.is_authenticated:
        response.headers["Cache-Control"] = "private, no-store"
        response.vary.add("Cookie")
        return response
    if response.headers.get("X-Page-Cache") == "hit" or not g.get("page_cacheable"):
        return response
    if response.status_code != 200 or response.direct_passthrough:
        return response
    version, changed_at = content_version()
    response.add_etag()
    etag, _ = response.get_etag()
    timeout = current_app.config.get("PAGE_CACHE_SECONDS", 300)
    cache.set(_key(version), (response.get_data(), response.mimetype, etag), timeout=timeout)
    response.headers["X-Page-Cache"] = "miss"
    return _conditional(response, changed_at)


def _conditional(response: Response, changed_at: float) -> Response:
    response.headers["Cache-Control"] = "public, max-age=0, must-revalidate"
    response.vary.add("Cookie")
    response.headers["Last-Modified"] = formatdate(changed_at, usegmt=True)
    return response.make_conditional(request)


def _note_content_changes(session: Session, _flush_context, _instances) -> None:
    touched = (*session.new, *session.dirty, *session.deleted)
    if any(_changes_public_content(row, session) for row in touched):
        session.info["public_content_changed"] = True


def _changes_public_content(row: object, session: Session) -> bool:
    kind = type(row).__name__
    if kind != "User":
        return kind in CONTENT_MODELS
    if row in session.new:
        return False
    if row in session.deleted:
        return True
    attributes = inspect(row).attrs
    return any(attributes[field].history.has_changes() for field in PUBLIC_USER_FIELDS)


def _after_commit(session: Session) -> None:
    # Without an app context (a script using the models directly) there is no cache to update.
    if session.info.pop("public_content_changed", False) and has_app_context():
        bump_content_version()


def _after_rollback(session: Session) -> None:
    session.info.pop("public_content_changed", None)


def init_app(app: Flask) -> None:
    cache.init_app(app)
    app.before_request(serve_from_cache)
    app.after_request(store_and_mark)


event.listen(Session, "before_flush", _note_content_changes)
event.listen(Session, "after_commit", _after_commit)
event.listen(Session, "after_rollback", _after_rollback)
