"""Asking "still working?" once a check-in falls due: an hourly job, batch by batch.

A check-in is claimed by setting its sent_at in one compare-and-set statement before anyone is
told, so a run that is repeated, retried or running beside another tells nobody twice. One that
cannot be asked yet (its answer hidden by a moderator, say) stays unsent and goes out at the
first run after that changes; one whose author opted out is gone (schedule.follow_wish removed
it). When several check-ins of an answer are due at once (the worker was down, or the answer
was hidden for months), the member is asked once, about the latest: all of them are marked
sent, and one check-in answers them all.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from huey import crontab
from sqlalchemy import exists, select, update
from sqlalchemy.orm import joinedload, selectinload

from forum.accounts.models import User
from forum.accounts.standing import may_be_notified_sql
from forum.answers.models import Answer, AnswerStatus, TreatmentReport
from forum.core import events
from forum.database import db, utcnow
from forum.jobs.queue import after_commit, batch_size, every, job
from forum.outcomes.models import CheckIn

# The statuses in which an author may still edit their answer (permissions.can_edit_answer):
# a check-in about any other would lead to a page they may not use.
ASKABLE = (AnswerStatus.PUBLISHED, AnswerStatus.PENDING)
MESSAGE_MAX = 300
NAMED_TREATMENTS = 2  # more are counted, not named


@every(crontab(minute="30"))  # at half past: the digests start on the hour
def send_due_check_ins(now: datetime | None = None) -> None:
    """Every hour: ask about the check-ins that fell due by NOW (the present, unless a test
    travels in time)."""
    moment = now or utcnow()
    ask_next_batch.enqueue(moment.isoformat(), 0)


@job(retries=3, retry_delay=60, retry_backoff=2)
def ask_next_batch(now: str, after: int) -> None:
    """Ask the authors of the next batch of answers (ids above AFTER) with a check-in due by NOW
    (an ISO date and time); queue the batch after it."""
    moment = datetime.fromisoformat(now)
    answers = _answers_to_ask(moment, after)
    claimed = _claim_due_check_ins([answer.id for answer in answers], moment)
    for answer in answers:
        if answer.id in claimed:
            ask(answer, max(claimed[answer.id]))
    if len(answers) == batch_size():
        after_commit(ask_next_batch, now, answers[-1].id)
    db.session.commit()


def _answers_to_ask(now: datetime, after: int) -> list[Answer]:
    """The next batch of answers with a check-in due and unsent, whose author still wants it,
    still has an account to be told in, and has treatments to say something about."""
    due = (
        select(CheckIn.answer_id)
        .join(Answer, Answer.id == CheckIn.answer_id)
        .join(User, User.id == Answer.author_id)
        .where(
            CheckIn.sent_at.is_(None),
            CheckIn.due_at <= now,
            CheckIn.answer_id > after,
            Answer.wants_check_ins.is_(True),
            Answer.status.in_(ASKABLE),
            may_be_notified_sql(),
            exists().where(TreatmentReport.answer_id == Answer.id),
        )
        .group_by(CheckIn.answer_id)
        .order_by(CheckIn.answer_id)
        .limit(batch_size())
    )
    return list(
        db.session.scalars(
            select(Answer)
            .where(Answer.id.in_(due))
            .order_by(Answer.id)
            .options(
                joinedload(Answer.question),
                selectinload(Answer.treatment_reports).joinedload(TreatmentReport.treatment),
            )
        )
    )


def _claim_due_check_ins(answer_ids: list[int], now: datetime) -> dict[int, list[int]]:
    """Mark the answers' due check-ins sent, in one statement; the months claimed, by answer.
    A check-in another run claimed first is not among them."""
    if not answer_ids:
        return {}
    rows = db.session.execute(
        update(CheckIn)
        .where(
            CheckIn.answer_id.in_(answer_ids),
            CheckIn.sent_at.is_(None),
            CheckIn.due_at <= now,
        )
        .values(sent_at=now)
        .returning(CheckIn.answer_id, CheckIn.months)
        .execution_options(synchronize_session=False)
    )
    claimed: dict[int, list[int]] = defaultdict(list)
    for answer_id, months in rows:
        claimed[answer_id].append(months)
    return claimed


def ask(answer: Answer, months: int) -> None:
    """Tell the author, on the site and as they chose by mail, that a check-in waits."""
    events.check_in_due(answer, months)


def check_in_message(answer: Answer, months: int) -> str:
    """ "6 months on: is Baclofen still working for you? …", naming what they still take (or,
    when they said they stopped everything, what they tried)."""
    reports = answer.treatment_reports
    current = [report.name for report in reports if report.still_using is not False]
    names = current or [report.name for report in reports]
    question = f"“{answer.question.title}”"
    ask = f"{_is_or_are(names)} {_listed(names)} still working for you?"
    if not current:
        ask = f"how are things since you stopped {_listed(names)}?"
    message = f"{months} months on: {ask} Update your answer to {question} in a few taps."
    return message if len(message) <= MESSAGE_MAX else message[: MESSAGE_MAX - 1] + "…"


def _is_or_are(names: list[str]) -> str:
    return "is" if len(names) == 1 else "are"


def _listed(names: list[str]) -> str:
    """ "Baclofen", "Baclofen and Diazepam", "Baclofen, Diazepam and 2 others"."""
    if len(names) <= NAMED_TREATMENTS:
        return " and ".join(names)
    others = len(names) - NAMED_TREATMENTS
    rest = "1 other" if others == 1 else f"{others} others"
    return f"{', '.join(names[:NAMED_TREATMENTS])} and {rest}"
