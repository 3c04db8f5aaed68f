"""The one signal that what readers may see has changed.

A moderator hides an answer, a reviewer publishes a summary, a member's vote moves a count: the
pages kept for signed-out readers and the panels kept for everyone must end at the very next
request. Every such write ends in `mark_changed(session)`, by one of two roads:

- session hooks, registered by create_app, see each write to a public table, whether it goes
  through the unit of work or is a bulk UPDATE, DELETE or INSERT statement (moderation decisions
  are compare-and-set statements that the unit of work never sees);
- a service whose write the hooks cannot see (raw SQL, say) calls `mark_changed` by name.

When the transaction commits, the app's `then` callbacks run (the page cache moves to a new
content version); a rollback forgets the mark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import inspect
from sqlalchemy.orm import ORMExecuteState, Session

from forum.database import columns_set_by, listen_on_every_session

MARK = "public_content_changed"
EXTENSION = "public_changes"
EVERY_COLUMN = None
# The tables public pages read, with the columns that show (EVERY_COLUMN: any of them), as the
# app factory hands them over (forum.models.SHOWN_TO_READERS).
PUBLIC_COLUMNS: dict[type, frozenset[str] | None] = {}


def mark_changed(session: Session) -> None:
    """Say that this transaction changes what readers may see; takes effect when it commits."""
    session.info[MARK] = True


def init_app(
    app: Flask,
    watching: Mapping[type, frozenset[str] | None],
    then: Iterable[Callable[[], None]],
) -> None:
    """Run THEN after every commit that changed public content, for this app: a row of a model
    WATCHING names, or one of the columns it names for that model (EVERY_COLUMN: any)."""
    PUBLIC_COLUMNS.update(watching)
    app.extensions[EXTENSION] = tuple(then)
    listen_on_every_session(_LISTENERS)


def _notes_unit_of_work(session: Session, _flush_context, _instances) -> None:
    touched = (*session.new, *session.dirty, *session.deleted)
    if any(_row_shows(row, session) for row in touched):
        mark_changed(session)


def _row_shows(row: Any, session: Session) -> bool:
    model = type(row)
    if model not in PUBLIC_COLUMNS:
        return False
    shown = PUBLIC_COLUMNS[model]
    if shown is EVERY_COLUMN or row in session.deleted:
        return True
    if row in session.new:
        return False
    attributes = inspect(row).attrs
    return any(attributes[name].history.has_changes() for name in shown)


def _notes_bulk_statements(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    if state.bind_mapper is None or state.bind_mapper.class_ not in PUBLIC_COLUMNS:
        return
    shown = PUBLIC_COLUMNS[state.bind_mapper.class_]
    if shown is not EVERY_COLUMN and state.is_update:
        changed = columns_set_by(state)
        if changed is not None and not changed & shown:
            return
    if shown is not EVERY_COLUMN and state.is_insert:
        return  # a new member shows nowhere yet
    mark_changed(state.session)


def _after_commit(session: Session) -> None:
    # Without an app context (a script using the models directly) there is nothing to update.
    if session.info.pop(MARK, False) and has_app_context():
        for callback in current_app.extensions.get(EXTENSION, ()):
            callback()


def _after_rollback(session: Session) -> None:
    session.info.pop(MARK, None)


_LISTENERS = (
    ("before_flush", _notes_unit_of_work),
    ("do_orm_execute", _notes_bulk_statements),
    ("after_commit", _after_commit),
    ("after_rollback", _after_rollback),
)
