"""A readable word-level difference between two texts, as escaped HTML with <ins> and <del>.

The words added and removed are also labelled in text, so the difference does not depend on
colour or on a screen reader announcing ins and del.
"""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

TOKENS = re.compile(r"\s+|[^\s]+")


def diff_html(old: str, new: str) -> Markup:
    """The change from `old` to `new`: unchanged text, <del> for removed, <ins> for added."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    parts: list[str] = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed = "".join(before[a_start:a_end])
        added = "".join(after[b_start:b_end])
        if operation == "equal":
            parts.append(str(escape(added)))
            continue
        if removed:
            parts.append(_mark("del", "removed", removed))
        if added:
            parts.append(_mark("ins", "added", added))
    return Markup("".join(parts))


def _mark(tag: str, label: str, text: str) -> str:
    return (
        f'<{tag}><span class="visually-hidden">[{label}: </span>{escape(text)}'
        f'<span class="visually-hidden">]</span></{tag}>'
    )
