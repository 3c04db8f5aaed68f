"""Comparing two summary revisions part by part (short answer, body, key points, references)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from forum.core.textdiff import diff_html
from forum.summaries.models import SummaryRevision


@dataclass(frozen=True)
class FieldDiff:
    label: str
    html: Markup
    changed: bool


def compare_revisions(old: SummaryRevision | None, new: SummaryRevision) -> list[FieldDiff]:
    """Each part of a summary, old against new; `old` is None for a first version."""
    old_parts = _parts(old) if old is not None else dict.fromkeys(_parts(new), "")
    return [
        FieldDiff(label, diff_html(old_parts[label], text), old_parts[label] != text)
        for label, text in _parts(new).items()
    ]


def _parts(revision: SummaryRevision) -> dict[str, str]:
    return {
        "Short answer": revision.short_answer,
        "Body": revision.body,
        "Key points": revision.key_points,
        "References": "\n".join(_reference_line(reference) for reference in revision.references),
    }


def _reference_line(reference) -> str:
    details = ", ".join(part for part in (reference.publisher, str(reference.year or "")) if part)
    return " · ".join(part for part in (reference.title, details, reference.url) if part)
