"""An answer's edit history as a reader sees it: each version, and what changed since the last."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from forum.answers.models import Answer
from forum.answers.services import details_of
from forum.core.textdiff import diff_html


@dataclass(frozen=True)
class Version:
    number: int
    saved_at: datetime | None
    body: str
    details: dict
    text_changes: Markup | None  # against the version before; None for the first
    detail_changes: list[str]
    reason: str = ""


def answer_history(answer: Answer) -> list[Version]:
    """Newest first: the current answer, then each earlier version it replaced."""
    # A revision keeps the answer as it stood before an edit, made at the time of that edit,
    # with its reason: the time and the reason belong to the version the edit made, the next.
    revisions = answer.revisions
    reasons = ["", *(r.reason for r in revisions)]
    saved = [answer.created_at, *(r.created_at for r in revisions)]
    states = [
        (r.number, saved[index], r.body, r.details, reasons[index])
        for index, r in enumerate(revisions)
    ]
    current = (len(revisions) + 1, saved[-1], answer.body, details_of(answer), reasons[-1])
    states.append(current)
    versions = []
    previous = None
    for number, saved_at, body, details, reason in states:
        versions.append(
            Version(
                number=number,
                saved_at=saved_at,
                body=body,
                details=details,
                text_changes=diff_html(previous[2], body) if previous else None,
                detail_changes=_detail_changes(previous[3], details) if previous else [],
                reason=reason,
            )
        )
        previous = (number, saved_at, body, details)
    return list(reversed(versions))


def _detail_changes(before: dict, after: dict) -> list[str]:
    """Plain sentences for the structured fields that changed."""
    changes = []
    for key, label in (
        ("perspective", "Perspective"),
        ("time_since_diagnosis", "Time since diagnosis"),
        ("visibility", "Who can read it"),
        ("anonymous", "Posted anonymously"),
        ("check_ins", "Asked to be checked in with"),
    ):
        if before.get(key) != after.get(key):
            changes.append(f"{label}: {_show(before.get(key))} → {_show(after.get(key))}")
    old = {t["name"]: t for t in before.get("treatments", [])}
    new = {t["name"]: t for t in after.get("treatments", [])}
    for name in new.keys() - old.keys():
        changes.append(f"Added {name} ({_show(new[name]['outcome'])})")
    for name in old.keys() - new.keys():
        changes.append(f"Removed {name}")
    for name in old.keys() & new.keys():
        if old[name] != new[name]:
            changes.append(f"Changed {name}: {_report_changes(old[name], new[name])}")
    return sorted(changes)


# A treatment report's fields as the history names them (the outcome needs no name).
_REPORT_FIELDS = (
    ("outcome", ""),
    ("still_using", "still using"),
    ("started", "started"),
    ("stopped", "stopped"),
    ("stop_reason", "why stopped"),
    ("time_to_help", "time until it helped"),
    ("access", "how hard to get"),
    ("dose", "dose"),
    ("side_effects", "side effects"),
    ("side_effect_severities", "side effects picked"),
    ("checked_after_months", "confirmed at the check-in after"),
)


def _report_changes(before: dict, after: dict) -> str:
    """What changed in one treatment report, field by field; revisions written before a field
    existed simply do not have it."""
    parts = []
    for key, label in _REPORT_FIELDS:
        old, new = before.get(key), after.get(key)
        if key == "checked_after_months":
            old, new = (f"{value} months" if value else value for value in (old, new))
        if _show(old) != _show(new):
            change = f"{_show(old)} → {_show(new)}"
            parts.append(f"{label} {change}" if label else change)
    return "; ".join(parts)


def _show(value) -> str:
    if value is None or value == "" or value == {}:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):  # side effects picked, with their severity
        return ", ".join(f"{name} ({severity})" for name, severity in value.items())
    return str(value).replace("_", " ")
