"""Helpers moderation templates call: labels, the log's targets and changes, and the notices a
member sees on their account page and beside their own answer."""

from __future__ import annotations

import json

from flask import Flask, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from forum.accounts.models import User
from forum.answers.models import Answer
from forum.answers.permissions import is_author
from forum.audit import notices
from forum.audit.actions import label_of
from forum.audit.models import MemberNotice, NoticeKind
from forum.database import db
from forum.moderation import flags, queries
from forum.summaries.reports import PROBLEM_REASONS

REASON_LABELS = {**flags.ANSWER_REASONS, **PROBLEM_REASONS}


def report_reason_label(flag) -> str:
    return REASON_LABELS.get(flag.reason, flag.reason.value)


def account_notices() -> list[MemberNotice]:
    return notices.notices_for(current_user) if current_user.is_authenticated else []


def support_notice(answer: Answer) -> MemberNotice | None:
    """The support resources for the author of a reported answer, while they are unread."""
    if not is_author(current_user, answer):
        return None
    return db.session.scalar(
        select(MemberNotice).where(
            MemberNotice.user_id == current_user.id,
            MemberNotice.answer_id == answer.id,
            MemberNotice.kind == NoticeKind.SUPPORT,
            MemberNotice.read_at.is_(None),
        )
    )


def account_age_days(member: User) -> int:
    return queries.account_age_days(member)


TARGET_PAGES = {
    "answer": ("moderation.answer", "answer_id", "Answer"),
    "user": ("moderation.member", "user_id", "Member"),
    "question_proposal": ("proposals.proposal", "proposal_id", "Proposed question"),
}


def log_target(entry) -> Markup | str:
    """What an entry is about, linked when moderators have a page for it."""
    name = entry.target_type.replace("_", " ").capitalize()
    if entry.target_id is None:
        return name
    if entry.target_type not in TARGET_PAGES:
        return f"{name} {entry.target_id}"
    endpoint, parameter, label = TARGET_PAGES[entry.target_type]
    href = url_for(endpoint, **{parameter: entry.target_id})
    return Markup('<a href="{}">{} {}</a>').format(href, label, entry.target_id)


def log_changes(before: dict | None, after: dict | None) -> list[tuple[str, str, str]]:
    """The snapshot keys whose values differ, as text: (key, before, after)."""
    before, after = before or {}, after or {}
    keys = list(dict.fromkeys([*before, *after]))
    return [
        (key, _as_text(before.get(key)), _as_text(after.get(key)))
        for key in keys
        if before.get(key) != after.get(key)
    ]


def _as_text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def init_app(app: Flask) -> None:
    app.add_template_global(label_of, "action_label")
    for helper in (
        report_reason_label,
        account_notices,
        support_notice,
        account_age_days,
        log_target,
        log_changes,
    ):
        app.add_template_global(helper)
