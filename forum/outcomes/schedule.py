"""When check-ins fall due: 3, 6 and 12 months after the answer was posted, if its author
asked for them. Called by the answer service on every post and edit."""

from __future__ import annotations

import calendar
from datetime import datetime

from sqlalchemy import delete, select

from forum.answers.models import Answer
from forum.database import db
from forum.outcomes.models import CHECK_IN_MONTHS, CheckIn


def follow_wish(answer: Answer) -> None:
    """Make the answer's check-ins match what its author asked for: all of them planned, or
    none still to be sent (those already sent stay, with their answers)."""
    if not answer.wants_check_ins:
        db.session.execute(
            delete(CheckIn)
            .where(CheckIn.answer_id == answer.id, CheckIn.sent_at.is_(None))
            .execution_options(synchronize_session=False)
        )
        return
    planned = set(db.session.scalars(select(CheckIn.months).where(CheckIn.answer_id == answer.id)))
    for months in CHECK_IN_MONTHS:
        if months not in planned:
            due_at = months_after(answer.created_at, months)
            db.session.add(CheckIn(answer_id=answer.id, months=months, due_at=due_at))


def months_after(moment: datetime, months: int) -> datetime:
    """The same day and time MONTHS later; the month's last day when it is shorter (31 Jan
    plus one month is 28 or 29 Feb)."""
    year, index = divmod(moment.month - 1 + months, 12)
    year += moment.year
    last_day = calendar.monthrange(year, index + 1)[1]
    return moment.replace(year=year, month=index + 1, day=min(moment.day, last_day))


def check_ins_by_answer(answer_ids: list[int]) -> dict[int, list[CheckIn]]:
    """Each answer's check-ins, soonest first, in one query (for the member's export)."""
    found: dict[int, list[CheckIn]] = {answer_id: [] for answer_id in answer_ids}
    query = select(CheckIn).where(CheckIn.answer_id.in_(answer_ids)).order_by(CheckIn.due_at)
    for check_in in db.session.scalars(query):
        found[check_in.answer_id].append(check_in)
    return found
