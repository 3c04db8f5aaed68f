"""What happened, and who should hear of it: the follow-ups create_app registers for the named
events of forum.core.events (the features below say what happened; this module decides who is
told). Each queues the job that finds the people, once the transaction that made it happen
commits.

The jobs write each notification for the member who gets it: an anonymous author is "a
member", and a members-only answer reaches only members who may read it.
"""

from __future__ import annotations

from sqlalchemy import exists, select, union
from sqlalchemy.orm import aliased

from forum.accounts.models import AccountStatus, Role, User
from forum.accounts.standing import may_be_notified_sql, reads_members_only_sql
from forum.answers.authors import author_label
from forum.answers.models import Answer
from forum.database import db, utcnow
from forum.flags.models import Flag, FlagStatus
from forum.jobs.queue import after_commit, batch_size, job
from forum.notifications.delivery import next_recipients, notify_users
from forum.notifications.models import (
    Follow,
    FollowLevel,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from forum.outcomes.sending import check_in_message
from forum.questions.models import Question
from forum.reviewer_notes.models import ReviewerNote
from forum.suggestions.models import SuggestionStatus, SummarySuggestion
from forum.summaries.models import RevisionStatus, SummaryRevision
from forum.web.urls import path_for

EVERY = FollowLevel.EVERY_ANSWER
MESSAGE_MAX = 300


# What services call.


def answer_published(answer: Answer) -> None:
    """An answer was published for the first time: tell those who follow its question."""
    after_commit(fan_out_new_answer, answer.id, 0)


def summary_published(revision: SummaryRevision) -> None:
    after_commit(fan_out_summary, revision.id, 0)


def summary_report_answered(flag: Flag) -> None:
    """A reviewer replied to a reader's report about a summary."""
    if flag.reporter_id is not None:
        after_commit(tell_reporter, flag.id)


def suggestion_decided(suggestion: SummarySuggestion) -> None:
    """A reviewer accepted or declined a reader's suggested correction: tell the reader."""
    if suggestion.proposer_id is not None:
        after_commit(tell_proposer, suggestion.id)


def answer_found_helpful(answer: Answer) -> None:
    """A member marked the answer helpful; its author hears of it in batches."""
    if answer.author_id is not None:
        after_commit(count_helpful_vote, answer.id)


def someone_at_risk(flag: Flag) -> None:
    """Someone may be at risk: alert the moderators on duty at once."""
    after_commit(alert_moderators, flag.id)


def check_in_due(answer: Answer, months: int) -> None:
    """A "still working?" check-in fell due: its author is asked, on the site and by mail."""
    notify_users(
        [answer.author_id],
        NotificationKind.CHECK_IN,
        check_in_message(answer, months),
        path_for("outcomes.check_in", answer_id=answer.id),
        topic=f"check-in:{answer.id}:{months}",
        answer_id=answer.id,
    )


def answer_decided(member: User, answer: Answer, message: str) -> None:
    """A moderator decided about the member's answer (the decision mails them itself)."""
    notify_users(
        [member.id],
        NotificationKind.ANSWER_DECISION,
        message,
        path_for("answers.permalink", answer_id=answer.id),
        topic=f"decision:{answer.id}",
        answer_id=answer.id,
        emailed=True,
    )


def reviewer_note_changed(note: ReviewerNote) -> None:
    """A reviewer added, changed or withdrew the note under a member's answer: its author is
    told, an anonymous one too (they are the author; nobody else learns who they are). A
    withdrawal is told as well: the member heard of the note, so they hear that it is gone."""
    answer = note.answer
    if answer.author is None or not answer.author.is_active:
        return
    title = answer.question.title
    notify_users(
        [answer.author_id],
        NotificationKind.REVIEWER_NOTE,
        _short(f"A medical reviewer {_what_became_of(note)} your answer to “{title}”."),
        path_for("answers.permalink", answer_id=answer.id),
        topic=f"reviewer-note:{note.id}:{note.version}",
        answer_id=answer.id,
    )


def _what_became_of(note: ReviewerNote) -> str:
    """What the reviewer did, read from the note's versions: "added a note to", "changed the
    note on" or "withdrew the note on"."""
    if not note.is_shown:
        return "withdrew the note on"
    *earlier, _ = note.revisions
    if earlier and not earlier[-1].withdrawn:
        return "changed the note on"
    return "added a note to"


# Who follows what.


def followers_of(question: Question):
    """SQL: ids of members who want every new answer to QUESTION. A member's choice on the
    question wins over their choice on its condition."""
    on_question = aliased(Follow)
    direct = select(Follow.user_id).where(Follow.question_id == question.id, Follow.level == EVERY)
    via_condition = select(Follow.user_id).where(
        Follow.condition_id == question.condition_id,
        Follow.level == EVERY,
        ~exists().where(
            on_question.user_id == Follow.user_id, on_question.question_id == question.id
        ),
    )
    ids = union(direct, via_condition).subquery()
    return select(User.id).join(ids, ids.c.user_id == User.id).where(may_be_notified_sql())


def _short(text: str) -> str:
    return text if len(text) <= MESSAGE_MAX else text[: MESSAGE_MAX - 1] + "…"


def _author(answer: Answer) -> str:
    # The notification names the question already; its condition would only repeat it.
    return "A member" if answer.is_anonymous else author_label(answer)


# The jobs.


@job(retries=3, retry_delay=30, retry_backoff=2)
def fan_out_new_answer(answer_id: int, after: int) -> None:
    """Tell the next batch of followers (ids above AFTER) about the answer; queue the rest."""
    answer = db.session.get(Answer, answer_id)
    if answer is None or not answer.is_published:
        return
    candidates = followers_of(answer.question)
    if answer.author_id is not None:
        candidates = candidates.where(User.id != answer.author_id)
    if answer.is_members_only:
        candidates = candidates.where(reads_members_only_sql())
    topic = f"answer:{answer.id}"
    ids = next_recipients(candidates, after, topic)
    message = f"{_author(answer)} shared their experience on “{answer.question.title}”."
    link = path_for("answers.permalink", answer_id=answer.id)
    notify_users(ids, NotificationKind.NEW_ANSWER, _short(message), link, topic=topic,
                 answer_id=answer.id)  # fmt: skip
    _then_the_rest(fan_out_new_answer, answer_id, ids)


@job(retries=3, retry_delay=30, retry_backoff=2)
def fan_out_summary(revision_id: int, after: int) -> None:
    revision = db.session.get(SummaryRevision, revision_id)
    if revision is None or revision.status is not RevisionStatus.PUBLISHED:
        return
    question = revision.summary.question
    topic = f"revision:{revision.id}"
    ids = next_recipients(followers_of(question), after, topic)
    message = f"The reviewed summary of “{question.title}” was updated: {revision.change_note}"
    link = path_for("pages.question", question_id=question.id, slug=question.slug)
    notify_users(ids, NotificationKind.SUMMARY_REVISED, _short(message), link, topic=topic)
    _then_the_rest(fan_out_summary, revision_id, ids)


def _then_the_rest(task, target_id: int, done: list[int]) -> None:
    if len(done) == batch_size():
        after_commit(task, target_id, done[-1])
    db.session.commit()


@job(retries=3, retry_delay=30, retry_backoff=2)
def tell_reporter(flag_id: int) -> None:
    flag = db.session.get(Flag, flag_id)
    if flag is None or flag.summary is None or flag.reporter_id is None:
        return
    title = flag.summary.question.title
    topic = f"report:{flag.id}"
    ids = next_recipients(select(User.id).where(User.id == flag.reporter_id,
                                                may_be_notified_sql()), 0, topic)  # fmt: skip
    message = f"A medical reviewer replied to your report about the summary of “{title}”."
    notify_users(ids, NotificationKind.REPORT_REPLY, _short(message),
                 path_for("summaries.my_reports"), topic=topic)  # fmt: skip
    db.session.commit()


# What became of a suggested correction, in the words its reader gets.
SUGGESTION_OUTCOMES = {
    SuggestionStatus.ACCEPTED: "A medical reviewer took your suggested correction to the summary "
    "of “{title}” into a new draft.",
    SuggestionStatus.DECLINED: "A medical reviewer read your suggested correction to the summary "
    "of “{title}” and did not take it up; their reason is on your suggestions page.",
}


@job(retries=3, retry_delay=30, retry_backoff=2)
def tell_proposer(suggestion_id: int) -> None:
    """Tell the reader what became of their suggestion, once, if they still have an account."""
    suggestion = db.session.get(SummarySuggestion, suggestion_id)
    if suggestion is None or suggestion.proposer_id is None:
        return
    outcome = SUGGESTION_OUTCOMES.get(suggestion.status)
    if outcome is None:  # still open: nothing to tell
        return
    topic = f"suggestion:{suggestion.id}"
    ids = next_recipients(select(User.id).where(User.id == suggestion.proposer_id,
                                                may_be_notified_sql()), 0, topic)  # fmt: skip
    message = outcome.format(title=suggestion.summary.question.title)
    link = f"{path_for('suggestions.mine')}#suggestion-{suggestion.id}"
    notify_users(ids, NotificationKind.SUGGESTION_DECIDED, _short(message), link, topic=topic)
    db.session.commit()


@job(retries=3, retry_delay=30, retry_backoff=2)
def count_helpful_vote(answer_id: int) -> None:
    """Add one to the author's unread "found helpful" notification, or start one: a vote
    never makes a notification (or a mail) of its own."""
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.author is None or not answer.author.is_active:
        return
    topic = f"helpful:{answer.id}"
    waiting = db.session.scalar(
        select(Notification)
        .where(
            Notification.user_id == answer.author_id,
            Notification.topic == topic,
            Notification.read_at.is_(None),
            Notification.emailed_at.is_(None),
        )
        .with_for_update()
    )
    title = answer.question.title
    if waiting is None:
        message = f"Someone found your answer to “{title}” helpful."
        notify_users([answer.author_id], NotificationKind.HELPFUL, _short(message),
                     path_for("answers.permalink", answer_id=answer.id), topic=topic,
                     answer_id=answer.id)  # fmt: skip
    else:
        waiting.count += 1
        waiting.message = _short(f"{waiting.count} people found your answer to “{title}” helpful.")
        waiting.created_at = utcnow()
    db.session.commit()


@job(retries=3, retry_delay=10, retry_backoff=2)
def alert_moderators(flag_id: int) -> None:
    """The moderators on duty (crisis alerts on); all moderators when none is."""
    flag = db.session.get(Flag, flag_id)
    if flag is None or flag.status is not FlagStatus.OPEN or flag.answer is None:
        return
    moderators = (
        select(User.id)
        .outerjoin(NotificationSettings, NotificationSettings.user_id == User.id)
        .where(User.role.in_([Role.MODERATOR, Role.ADMIN]), User.status == AccountStatus.ACTIVE)
    )
    on_duty = moderators.where(NotificationSettings.crisis_alerts.is_not(False))
    topic = f"at-risk:{flag.id}"
    ids = next_recipients(on_duty, 0, topic) or next_recipients(moderators, 0, topic)
    message = (
        f"Someone may be at risk: a member reported an answer to “{flag.answer.question.title}”."
        " Please look at it now."
    )
    link = path_for("moderation.answer", answer_id=flag.answer_id)
    notify_users(ids, NotificationKind.AT_RISK_REPORT, _short(message), link, topic=topic,
                 answer_id=flag.answer_id)  # fmt: skip
    db.session.commit()
