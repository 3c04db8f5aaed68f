"""Pages for signed-out readers: served from a shared cache, with ETag and Last-Modified.

Rendered pages are stored under a key that includes a content version. Any committed change to
what public pages show bumps the version (forum/public_changes.py tells when), so the next
reader gets a fresh page at once (an answer hidden by a moderator is gone immediately) and stale
entries simply expire. Signed-in pages are never stored, and are marked private so no shared
cache in between keeps them either.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterable, Mapping
from email.utils import formatdate

from flask import Flask, Response, current_app, g, request, session
from flask_caching import Cache
from flask_login import current_user

cache = Cache()

# Endpoints whose signed-out version is the same for every reader, with the query values each
# reads, as the app factory hands them over. A request with any other query value is drawn
# afresh and not kept: junk in a URL must neither store a copy of a page nor reach a page
# others are served.
PUBLIC_ENDPOINTS: dict[str, frozenset[str]] = {}
VERSION_KEY = "content-version"


def content_version() -> tuple[str, float]:
    """(version, when it last changed); both start when the cache is empty."""
    stored = cache.get(VERSION_KEY)
    if stored is None:
        cache.add(VERSION_KEY, _new_version(), timeout=0)
        stored = cache.get(VERSION_KEY) or _new_version()
    return stored


def bump_content_version() -> None:
    """End every kept page and panel: called after each commit that changes public content
    (forum/public_changes.py)."""
    cache.set(VERSION_KEY, _new_version(), timeout=0)


def _new_version() -> tuple[str, float]:
    # A fresh random value rather than number + 1: two writers committing at once never set
    # the same version, so the one left standing was set after both commits.
    return secrets.token_hex(8), time.time()


def _cacheable() -> bool:
    """Only GETs of public pages with the query values they read, by signed-out readers with
    no message waiting for them."""
    return (
        current_app.config.get("PAGE_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and request.endpoint in PUBLIC_ENDPOINTS
        and set(request.args) <= PUBLIC_ENDPOINTS[request.endpoint]
        and not current_user.is_authenticated
        and not session.get("_flashes")
    )


def _key(version: str) -> str:
    """The path and the query values, in one order: no header (Host above all) is part of it,
    and nothing in a stored page comes from one (absolute URLs start with SITE_URL)."""
    query = sorted(request.args.items(multi=True))
    digest = hashlib.sha256(repr((request.path, query)).encode()).hexdigest()[:32]
    return f"page:{version}:{digest}"


def serve_from_cache() -> Response | None:
    # Decided before the view runs: rendering a page consumes its flashed messages.
    g.page_cacheable = _cacheable()
    if not g.page_cacheable:
        return None
    # The version as the request starts: a page drawn while a write commits is stored under
    # the version it may predate, so it is never served after the change.
    g.page_version = version, changed_at = content_version()
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
    if session.modified or "csrf_token" in g:
        return response  # it holds something made for this reader alone (a CSRF token, say)
    version, changed_at = g.page_version
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


def init_app(app: Flask, public_pages: Mapping[str, Iterable[str]]) -> None:
    """Keep the signed-out versions of PUBLIC_PAGES (endpoint: the query values it reads)."""
    PUBLIC_ENDPOINTS.update({endpoint: frozenset(args) for endpoint, args in public_pages.items()})
    cache.init_app(app)
    app.before_request(serve_from_cache)
    app.after_request(store_and_mark)
