"""What a display name (a member's public pseudonym) may be."""

from __future__ import annotations

import re

from forum.accounts.models import display_name_key

MIN_LENGTH = 3
MAX_LENGTH = 30
ALLOWED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]*[A-Za-z0-9]$")
# Names that would pass for staff, for the forum itself, or for the labels we show in place
# of a name.
RESERVED = frozenset(
    display_name_key(name)
    for name in (
        "admin", "administrator", "moderator", "mod", "reviewer", "medical reviewer", "editor",
        "staff", "support", "help", "team", "forum", "official", "system", "root", "owner",
        "doctor", "nurse", "anonymous", "a member", "former member", "deleted", "unknown",
        "null", "none", "everyone", "patient experience forum",
    )
)  # fmt: skip


def display_name_problem(name: str) -> str | None:
    """Why this display name can't be used, in words for the member, or None."""
    name = name.strip()
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        return f"Please use between {MIN_LENGTH} and {MAX_LENGTH} characters."
    if not ALLOWED.match(name) or "  " in name:
        return (
            "Use letters, numbers, spaces, dots, dashes or underscores, "
            "starting and ending with a letter or number."
        )
    if display_name_key(name) in RESERVED:
        return "That name is reserved. Please choose another."
    return None
