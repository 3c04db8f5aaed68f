"""Everything the question page shows, gathered in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from sqlalchemy import Select, and_, bindparam, select
from sqlalchemy.orm import joinedload

from forum.accounts.models import User
from forum.answers.models import Answer
from forum.answers.queries import VIEWER_ID
from forum.caching import content_version
from forum.conditions.models import Membership
from forum.database import db
from forum.fragments import fragment_key, kept
from forum.insights.aggregates import MembersReport, question_report
from forum.insights.listing import AnswerFilters, AnswerPage, answer_page
from forum.notifications.models import Follow, FollowLevel
from forum.permissions import Refusal, answer_refusal, can_read_members_only
from forum.questions.models import Question
from forum.summaries.models import RevisionStatus, Summary, SummaryRevision


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


@cache
def _viewer_standing() -> Select:
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
    return (
        select(Membership, own_answer.scalar_subquery(), follow.scalar_subquery())
        .select_from(User)
        .outerjoin(Membership, membership)
        .where(User.id == VIEWER_ID)
    )


def viewer_standing(viewer: User, question: Question) -> ViewerStanding:
    """The viewer's membership, own answer and follow of the question, in one query."""
    if not viewer.is_authenticated:
        return ViewerStanding(None, None, FollowLevel.OFF)
    params = {
        "question_id": question.id,
        "viewer_id": viewer.id,
        "condition_id": question.condition_id,
    }
    membership, own_id, level = db.session.execute(_viewer_standing(), params).one()
    return ViewerStanding(membership, own_id, level or FollowLevel.OFF)


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
) -> QuestionPage:
    """The question page in a fixed number of queries, however many answers it has: the page of
    answers (with the viewer's votes), their treatment reports, the summary, one grouped query
    for what members report, and the viewer's own answer and membership."""
    listing = answer_page(question.id, viewer, filters or AnswerFilters(), per_page)
    answers = listing.answers
    membership, own_id, follow_level = viewer_standing(viewer, question)
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
