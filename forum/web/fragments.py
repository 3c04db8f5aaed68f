"""Pieces of pages that read the same for every reader, drawn once and kept in the shared cache.

A fragment's key names everything the fragment shows (an answer's id, version and helpful
count, say) and the templates that drew it. A change to any of those makes a new key, so a
stale fragment is never served: it just goes unused until it expires. Nothing has to remember
to delete it, and a deploy that changes a template starts afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

from flask import Flask, current_app

from forum.web.caching import cache, content_version

K = TypeVar("K")
T = TypeVar("T")
FRAGMENT_SECONDS = 6 * 3600  # long enough to matter, short enough to keep the cache small


def fragment_key(kind: str, *parts: Hashable) -> str:
    """A key for a fragment of KIND showing what PARTS name (hashed: a part may be a long URL)."""
    named = repr((templates_generation(current_app), *parts)).encode()
    return f"fragment:{kind}:{hashlib.sha256(named).hexdigest()[:40]}"


def content_fragment_key(kind: str, *parts: Hashable) -> str:
    """A key for a fragment of KIND showing what PARTS name, kept until public content next
    changes (the page cache's content version moves on every such commit)."""
    version, _ = content_version()
    return fragment_key(kind, version, *parts)


def templates_generation(app: Flask) -> str:
    """A short digest of every template's source, worked out once per process."""
    generation = app.extensions.get("fragments_generation")
    if generation is None:
        digest = hashlib.sha256()
        loader = app.jinja_env.loader
        for name in sorted(app.jinja_env.list_templates()):
            source, _, _ = loader.get_source(app.jinja_env, name)
            digest.update(name.encode() + b"\0" + source.encode())
        generation = app.extensions["fragments_generation"] = digest.hexdigest()[:12]
    return generation


def _enabled() -> bool:
    # The generation is worked out once per process, so with templates reloading on every edit
    # (debug mode) kept fragments would go on showing the old templates.
    return current_app.config.get("FRAGMENT_CACHE_ENABLED", True) and not current_app.debug


def fetch_many(keys: Mapping[K, str]) -> dict[K, object]:
    """The fragments found in the cache, by the caller's own names for them, in one round trip."""
    if not _enabled() or not keys:
        return {}
    names = list(keys)
    values = cache.get_many(*(keys[name] for name in names))
    return {name: value for name, value in zip(names, values, strict=True) if value is not None}


def store_many(values: Mapping[str, object]) -> None:
    if _enabled() and values:
        cache.set_many(dict(values), timeout=FRAGMENT_SECONDS)


def fingerprint(values: Iterable[object]) -> str:
    """A short digest of a few values, for keys that depend on them (a condition's treatments,
    what every card of a page shares)."""
    return hashlib.sha256(repr(tuple(values)).encode()).hexdigest()[:12]


def kept(key: str, draw: Callable[[], T]) -> T:
    """The value kept under KEY, or DRAW's, kept from now on."""
    enabled = _enabled()
    value = cache.get(key) if enabled else None
    if value is None:
        value = draw()
        if enabled:
            cache.set(key, value, timeout=FRAGMENT_SECONDS)
    return value
