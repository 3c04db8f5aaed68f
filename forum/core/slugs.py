"""Slugs: the readable part of a URL, made from a title or a name."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG_LENGTH = 80

# Dropped before splitting into words, so "Parkinson's" becomes "parkinsons", not "parkinson-s".
APOSTROPHES = re.compile(r"['’]")
WORDS = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """'Sjögren's Syndrome (SS)' -> 'sjogrens-syndrome-ss': lowercase ASCII words and hyphens."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    words = WORDS.findall(APOSTROPHES.sub("", ascii_text.lower()))
    slug = "-".join(words)
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    # Cut at a word boundary when there is one, so the slug never ends mid-word.
    if "-" in cut and slug[max_length] != "-":
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")
