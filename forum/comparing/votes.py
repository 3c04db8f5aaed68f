"""Helpful votes: one per member per answer, counted in the same transaction.

The form says which state the member wants (`vote=on` or `vote=off`), never "toggle": two
identical requests, such as a double click, leave the same result as one. The unique constraint
on (user, answer) settles races: an insert that finds the vote already there inserts nothing
(INSERT ... ON CONFLICT DO NOTHING RETURNING id, on PostgreSQL and SQLite alike), and a delete
that finds it gone deletes nothing; the count only moves when a row really went in or out. On
PostgreSQL a second insert racing the first waits for it to commit, then inserts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from forum.accounts.models import User
from forum.answers.models import Answer, HelpfulVote
from forum.answers.permissions import helpful_vote_refusal
from forum.core import events
from forum.core.errors import ForumError
from forum.database import db, utcnow


@dataclass(frozen=True)
class VoteResult:
    voted: bool  # whether the member's vote is now there
    helpful_count: int
    changed: bool  # False when the vote already was as asked (a second click, another tab)

    @property
    def message(self) -> str:
        if self.voted:
            return "You marked this answer as helpful."
        return "You took back your helpful mark."


def set_helpful_vote(answer: Answer, voter: User, wanted: bool) -> VoteResult:
    """Make the voter's helpful mark on the answer be there (WANTED) or not. Flushes, never
    commits: the caller commits, so the vote and the count land together."""
    if (refusal := helpful_vote_refusal(voter, answer)) is not None:
        raise ForumError(refusal)
    changed = _add_vote(voter.id, answer.id) if wanted else _remove_vote(voter.id, answer.id)
    if changed:
        db.session.execute(
            update(Answer)
            .where(Answer.id == answer.id)
            .values(helpful_count=Answer.helpful_count + (1 if wanted else -1))
            .execution_options(synchronize_session=False)
        )
        if wanted:
            events.answer_found_helpful(answer)
    count = db.session.scalar(select(Answer.helpful_count).where(Answer.id == answer.id))
    db.session.expire(answer, ["helpful_count"])
    return VoteResult(voted=wanted, helpful_count=count or 0, changed=changed)


def _add_vote(user_id: int, answer_id: int) -> bool:
    """Insert the vote unless it is there already; True when a row went in."""
    values = {"user_id": user_id, "answer_id": answer_id, "created_at": utcnow()}
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[db.session.get_bind().dialect.name]
    statement = (
        dialect.insert(HelpfulVote)
        .values(values)
        .on_conflict_do_nothing(index_elements=["user_id", "answer_id"])
        .returning(HelpfulVote.id)  # a row back means it went in (rowcount is not reliable)
    )
    return db.session.execute(statement).first() is not None


def _remove_vote(user_id: int, answer_id: int) -> bool:
    mine = (HelpfulVote.user_id == user_id, HelpfulVote.answer_id == answer_id)
    statement = delete(HelpfulVote).where(*mine).returning(HelpfulVote.id)
    gone = db.session.execute(statement, execution_options={"synchronize_session": False})
    return gone.first() is not None
