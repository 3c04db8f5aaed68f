"""`next` parameters only ever lead to a path on this site."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_next_path(target: str | None) -> str | None:
    """The target if it is a plain path on this site, otherwise None.

    Refuses absolute URLs, scheme-relative ones (//evil.example) and the backslash forms
    browsers read as scheme-relative (/\\evil.example), and anything with control characters.
    """
    if not target or len(target) > 2000:
        return None
    if any(ord(character) < 32 or character == "\\" for character in target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
