"""The moderation log: append-only. This module only ever adds entries."""

from __future__ import annotations

from typing import Any

from forum.accounts.models import User
from forum.database import db
from forum.moderation.models import ModerationAction


def record_action(
    actor: User | None,
    action: str,
    target_type: str,
    target_id: int | None,
    *,
    reason: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    subject: User | None = None,
) -> ModerationAction:
    """Add one entry in the caller's transaction: who did what to which thing, why, and the change.

    `subject` is the member whose content or account the action concerns, so they can see it.
    """
    entry = ModerationAction(
        actor_id=actor.id if actor is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        subject_user_id=subject.id if subject is not None else None,
        reason=reason,
        before=before,
        after=after,
    )
    db.session.add(entry)
    return entry
