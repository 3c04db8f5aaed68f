"""Everything the question page shows, gathered in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from sqlalchemy import Select, and_, bindparam, case, func, select
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.accounts.standing import can_read_members_only
from forum.answers.models import Answer, AnswerStatus
from forum.answers.permissions import Refusal, answer_refusal
from forum.answers.queries import VIEWER_ID
from forum.comparing.aggregates import MembersReport, question_report
from forum.comparing.listing import AnswerFilters, AnswerPage, answer_page
from forum.conditions.models import Membership
from forum.database import db
from forum.notifications.models import Follow, FollowLevel
from forum.questions.models import Question
from forum.summaries.models import RevisionStatus, Summary, SummaryRevision
from forum.web.caching import content_version
from forum.web.fragments import fetch_many, fragment_key, kept, store_many


@dataclass(frozen=True)
class QuestionPage:
    question: Question
    listing: AnswerPage  # this page of answers, sorted and filtered as asked
    report: MembersReport  # what members report, and how many shared their experience
    own_answer: Answer | None  # the viewer's answer, in any state
    membership: Membership | None  # the viewer's membership of the question's community
    refusal: Refusal | None  # why the viewer can't answer, if they can't
    follow_level: FollowLevel  # how the viewer follows the question

    @property
    def answers(self) -> list[Answer]:
        return self.listing.answers

    @cached_property
    def summary(self) -> SummaryRevision | None:
        """The latest published revision, if any; loaded when asked for, as the page itself
        shows the kept panel (forum/questions/panels.py)."""
        return current_summary(self.question.id)


@cache
def _question_with_condition() -> Select[tuple[Question]]:
    # Built once, with a bound parameter: the question pages are the busiest.
    return (
        select(Question)
        .where(Question.id == bindparam("question_id"))
        .options(joinedload(Question.condition))
    )


def find_visible_question(question_id: int) -> Question | None:
    """The question with its condition, unless it does not exist or was taken down."""
    question = db.session.scalar(_question_with_condition(), {"question_id": question_id})
    if question is None or not question.is_visible:
        return None
    return question


def current_summary(question_id: int) -> SummaryRevision | None:
    """The most recently published revision of the question's summary: what readers see."""
    query = (
        select(SummaryRevision)
        .join(Summary)
        .where(
            Summary.question_id == question_id,
            SummaryRevision.status == RevisionStatus.PUBLISHED,
        )
        .options(
            joinedload(SummaryRevision.references),
            joinedload(SummaryRevision.reviewer_profile),
            joinedload(SummaryRevision.summary),
        )
        .order_by(SummaryRevision.published_at.desc(), SummaryRevision.number.desc())
        .limit(1)
    )
    return db.session.scalars(query).unique().first()


class ViewerStanding(NamedTuple):
    membership: Membership | None  # of the question's community
    own_answer_id: int | None  # in any state (one from before they left counts too)
    follow_level: FollowLevel  # how they follow the question itself
    # Their answer "most similar to me" compares with (forum/comparing/listing.py), if any.
    similar_to: int | None = None


@cache
def _viewer_standing(with_reference: bool) -> Select:
    question_id = bindparam("question_id")
    own_answer = select(Answer.id).where(
        Answer.question_id == question_id, Answer.author_id == VIEWER_ID
    )
    follow = select(Follow.level).where(
        Follow.question_id == question_id, Follow.user_id == VIEWER_ID
    )
    membership = and_(
        Membership.user_id == User.id, Membership.condition_id == bindparam("condition_id")
    )
    columns = [Membership, own_answer.scalar_subquery(), follow.scalar_subquery()]
    if with_reference:
        columns.append(_reference_answer().scalar_subquery())
    return (
        select(*columns)
        .select_from(User)
        .outerjoin(Membership, membership)
        .where(User.id == VIEWER_ID)
    )


def _reference_answer() -> Select:
    """The viewer's answer "most similar to me" compares the others with: one of their own, in
    the question's condition, that names a treatment (and that they did not delete). Their
    answer to this question if it is one, else the most recent."""
    on_this_question = case((Answer.question_id == bindparam("question_id"), 0), else_=1)
    return (
        select(Answer.id)
        .join(Question, Question.id == Answer.question_id)
        .where(
            Answer.author_id == VIEWER_ID,
            Question.condition_id == bindparam("condition_id"),
            Answer.status != AnswerStatus.DELETED,
            Answer.treatment_reports.any(),
        )
        .order_by(
            on_this_question,
            func.coalesce(Answer.published_at, Answer.created_at).desc(),
            Answer.id.desc(),
        )
        .limit(1)
    )


NO_REFERENCE = 0  # kept for a viewer without such an answer (the cache cannot keep None)


def viewer_standing(viewer: User, question: Question) -> ViewerStanding:
    """The viewer's membership, own answer, follow of the question and the answer "most similar
    to me" compares with, in one query.

    That answer is kept for the viewer (under their id) until content next changes, which every
    write to an answer or its treatment reports does: a page read again asks only for the rest,
    so it does not look through treatment reports at all."""
    if not viewer.is_authenticated:
        return ViewerStanding(None, None, FollowLevel.OFF)
    params = {
        "question_id": question.id,
        "viewer_id": viewer.id,
        "condition_id": question.condition_id,
    }
    key = question_fragment_key("similar-to", question.id, viewer.id)
    known = fetch_many({key: key}).get(key)
    row = db.session.execute(_viewer_standing(known is None), params).one()
    membership, own_id, level, *found = row
    if known is None:
        known = found[0] or NO_REFERENCE
        store_many({key: known})
    return ViewerStanding(membership, own_id, level or FollowLevel.OFF, known or None)


def question_fragment_key(kind: str, question_id: int, *parts: object) -> str:
    """A key for a piece of a question page kept until public content next changes."""
    version, _ = content_version()
    return fragment_key(kind, question_id, version, *parts)


def audience(viewer: User) -> str:
    """Who a kept figure or panel was made for: answers shared with members count for some."""
    return "members" if can_read_members_only(viewer) else "everyone"


def members_report(question_id: int, viewer: User, threshold: int) -> MembersReport:
    """What members report, kept: the figures are the same for every reader of one audience."""
    key = question_fragment_key("members-report", question_id, audience(viewer), threshold)
    return kept(key, lambda: question_report(question_id, viewer, threshold))


def question_page(
    question: Question,
    viewer: User,
    filters: AnswerFilters | None = None,
    *,
    per_page: int = 30,
    threshold: int = 3,
    standing: ViewerStanding | None = None,
) -> QuestionPage:
    """The question page in a fixed number of queries, however many answers it has: the page of
    answers (with the viewer's votes), their treatment reports, the summary, one grouped query
    for what members report, and the viewer's own answer and membership (STANDING, when the
    caller has looked it up already)."""
    listing = answer_page(question.id, viewer, filters or AnswerFilters(), per_page)
    answers = listing.answers
    if standing is None:
        standing = viewer_standing(viewer, question)
    membership, own_id, follow_level, _ = standing
    own = next((a for a in answers if a.id == own_id), None)
    if own is None and own_id is not None:
        own = db.session.get(Answer, own_id)  # e.g. one they deleted: not in the page
    refusal = answer_refusal(viewer, question, membership)
    return QuestionPage(
        membership=membership,
        question=question,
        listing=listing,
        report=members_report(question.id, viewer, threshold),
        own_answer=own,
        refusal=refusal,
        follow_level=follow_level,
    )
