"""A gentle check before posting: does the text look like it holds identifying details?

Only a warning the member can act on or ignore; never a refusal, and nothing is stored.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Nine or more digits with the usual separators: long enough to skip years and doses.
PHONE = re.compile(r"(?<![\w/])\+?\d(?:[\s().-]{0,2}\d){8,}(?![\w/])")
FULL_NAME = re.compile(r"\b[A-Z][a-z]{1,20}(?:[ -][A-Z][a-z]{1,20})+\b")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
DATE = re.compile(
    rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)? {MONTH} (?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
BIRTH_WORDS = re.compile(r"\b(born|birthday|date of birth|d\.?o\.?b\.?)\b", re.IGNORECASE)


def privacy_warnings(text: str) -> list[str]:
    """What looks identifying in the text, each as a sentence for the member."""
    warnings = []
    if EMAIL.search(text):
        warnings.append("It contains what looks like an email address.")
    if PHONE.search(text):
        warnings.append("It contains what looks like a phone number.")
    if _name_with_birth_date(text):
        warnings.append("It seems to name someone together with a date of birth.")
    return warnings


def _name_with_birth_date(text: str) -> bool:
    names = [match.group(0) for match in FULL_NAME.finditer(text)]
    # Two capitalised words at the start of a sentence are usually not a name.
    names = [name for name in names if not _starts_sentence(text, name)]
    return bool(names) and bool(DATE.search(text) or BIRTH_WORDS.search(text))


def _starts_sentence(text: str, fragment: str) -> bool:
    start = text.find(fragment)
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"
