"""Structural checks on rendered pages: one h1, headings in order, every input labelled."""

from __future__ import annotations

import itertools
from html.parser import HTMLParser

LABELLED_INPUTS = {"input", "select", "textarea"}
UNLABELLED_TYPES = {"hidden", "submit", "button"}


class _PageOutline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.label_targets: set[str] = set()
        self.input_ids: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        elif tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])
        elif tag in LABELLED_INPUTS and attributes.get("type") not in UNLABELLED_TYPES:
            self.input_ids.append(attributes.get("id"))


def assert_well_structured(html: str) -> None:
    """One h1 first, no heading skips a level on the way down, and each field has a label."""
    outline = _PageOutline()
    outline.feed(html)
    levels = outline.headings
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading h{after} follows h{before}: {levels}"
    unlabelled = [i for i in outline.input_ids if i is None or i not in outline.label_targets]
    assert not unlabelled, f"inputs without a label: {unlabelled}"


def hidden_value(html: str, name: str) -> str:
    """The value of the first hidden field called `name`, such as a CSRF token."""
    for marker in (f'name="{name}" type="hidden" value="', f'name="{name}" value="'):
        if marker in html:
            start = html.index(marker) + len(marker)
            return html[start : html.index('"', start)]
    raise AssertionError(f"no hidden field {name!r} on the page")
