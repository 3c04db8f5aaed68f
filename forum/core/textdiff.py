"""A readable, word-level difference between two texts, as escaped HTML.

Added words are wrapped in <ins>, removed words in <del>. Each also carries visually hidden
"added"/"removed" words, so screen readers and people who cannot tell the colours apart get
the same information as everyone else. All text is escaped here; nothing is trusted.
Used for answer histories and summary revisions alike.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

# Words and the whitespace between them, kept apart so a changed word does not drag its
# neighbours into the diff, and so line breaks survive.
TOKENS = re.compile(r"\s+|\S+")

INSERTED = Markup(
    '<ins><span class="visually-hidden">[added: </span>{}'
    '<span class="visually-hidden">]</span></ins>'
)
DELETED = Markup(
    '<del><span class="visually-hidden">[removed: </span>{}'
    '<span class="visually-hidden">]</span></del>'
)


def diff_html(old: str, new: str) -> Markup:
    """Mark up what changed from `old` to `new`, word by word."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    parts: list[Markup] = []
    for changed, start1, end1, start2, end2 in _runs(before, after):
        if not changed:
            parts.append(escape("".join(before[start1:end1])))
            continue
        if end1 > start1:
            parts.append(DELETED.format("".join(before[start1:end1])))
        if end2 > start2:
            parts.append(INSERTED.format("".join(after[start2:end2])))
    return Markup("").join(parts)


def _runs(before: list[str], after: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """Unchanged and changed runs. Changes only a space apart become one, so a rewritten
    sentence reads as "removed: the old words, added: the new words", not word against word.
    """
    opcodes = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    runs: list[tuple[bool, int, int, int, int]] = []
    for index, (operation, start1, end1, start2, end2) in enumerate(opcodes):
        between_changes = 0 < index < len(opcodes) - 1
        blank = not "".join(before[start1:end1]).strip()
        changed = operation != "equal" or (between_changes and blank)
        if changed and runs and runs[-1][0]:
            _, first1, _, first2, _ = runs[-1]
            runs[-1] = (True, first1, end1, first2, end2)
        else:
            runs.append((changed, start1, end1, start2, end2))
    return runs
