"""The moderation log: append-only. This module only ever adds entries, and refuses any change.

Two guards make "append-only" a property of the code, not a promise: a flush that would update
or delete a loaded entry fails, and so does an ORM UPDATE or DELETE statement aimed at the
table. (Account deletion sets actor and subject to NULL through the database's own ON DELETE
rule; that is the database keeping its references valid, not a code path editing the log.)

Entries hold no member's words: snapshots of an answer keep its status and digests of its text
and treatments (digest_of), so "what changed" is still told, and a deleted story is gone.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import ORMExecuteState, Session

from forum.audit.actions import Action
from forum.audit.models import ModerationAction
from forum.database import db, listen_on_every_session

if TYPE_CHECKING:
    from forum.accounts.models import User


def digest_of(value: Any) -> str:
    """A short digest that tells whether a member's words changed, without keeping them: log
    entries outlive the answers they are about (an author may delete theirs, and their account)."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class AppendOnlyError(RuntimeError):
    """Something tried to change or remove an entry of the moderation log."""


def record_action(
    actor: User | None,
    action: Action | str,
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
    An `actor` of None means the forum itself (a rule, or an operator at the command line).
    ACTION must be one of audit.actions.Action (ValueError otherwise): one name per kind.
    """
    entry = ModerationAction(
        actor_id=actor.id if actor is not None else None,
        action=Action(action).value,
        target_type=target_type,
        target_id=target_id,
        subject_user_id=subject.id if subject is not None else None,
        reason=reason,
        before=before,
        after=after,
    )
    db.session.add(entry)
    return entry


def init_app() -> None:
    """Guard the log on every session: registered by create_app, once however often asked."""
    listen_on_every_session(
        (("before_flush", _refuse_edits_to_entries), ("do_orm_execute", _refuse_bulk_edits))
    )


def _refuse_edits_to_entries(session: Session, _context, _instances) -> None:
    for entry in session.deleted:
        if isinstance(entry, ModerationAction):
            raise AppendOnlyError("Moderation log entries are never deleted.")
    for entry in session.dirty:
        if isinstance(entry, ModerationAction) and session.is_modified(entry):
            raise AppendOnlyError("Moderation log entries are never changed.")


def _refuse_bulk_edits(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    if any(mapper.class_ is ModerationAction for mapper in state.all_mappers):
        raise AppendOnlyError("Moderation log entries are never changed or deleted.")
