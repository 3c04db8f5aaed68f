"""The question page: everything it shows, gathered in a fixed number of queries whatever the
number of answers, from the features that own each part: the question (questions), the pinned
summary (summaries), what members report and the page of answers (comparing), the answer cards
(answers), and the viewer's own standing: membership, own answer, follow, the answer "most
similar to me" compares with."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from markupsafe import Markup
from sqlalchemy import Select, and_, bindparam, case, func, select

from forum.accounts.models import User
from forum.answers.cards import CardControls, answer_cards
from forum.answers.models import Answer, AnswerStatus
from forum.answers.permissions import Refusal, answer_refusal
from forum.answers.queries import VIEWER_ID
from forum.comparing.aggregates import MembersReport
from forum.comparing.listing import AnswerFilters, AnswerPage, answer_page, filter_choices
from forum.comparing.panels import members_report, report_panel
from forum.conditions.models import Membership
from forum.conditions.services import TreatmentName
from forum.database import db
from forum.notifications.models import Follow, FollowLevel
from forum.questions.models import Question
from forum.summaries.models import SummaryRevision
from forum.summaries.panel import SummaryPanel, summary_panel
from forum.summaries.services import current_summary
from forum.web.fragments import content_fragment_key, fetch_many, store_many
from forum.web.urls import question_url

COMPARE_FORM_ID = "compare-form"


@dataclass(frozen=True)
class QuestionPage:
    question: Question
    listing: AnswerPage  # this page of answers, sorted and filtered as asked
    report: MembersReport  # what members report, and how many shared their experience
    own_answer: Answer | None  # the viewer's answer, in any state
    membership: Membership | None  # the viewer's membership of the question's community
    refusal: Refusal | None  # why the viewer can't answer, if they can't
    follow_level: FollowLevel  # how the viewer follows the question
    # What the page draws, each part by the feature that owns it:
    summary_panel: SummaryPanel  # the pinned summary (summaries)
    report_panel: Markup  # what members report (comparing)
    card_controls: CardControls  # what each card offers besides its links (comparing)
    cards: dict[int, Markup]  # each answer's card, by answer id (answers)
    filter_choices: dict[
        str, list[tuple[str, str]]
    ]  # the sort and filter form's options (comparing)

    @property
    def answers(self) -> list[Answer]:
        return self.listing.answers

    @cached_property
    def summary(self) -> SummaryRevision | None:
        """The latest published revision, if any; loaded when asked for, as the page itself
        shows the kept panel (forum/summaries/panel.py)."""
        return current_summary(self.question.id)


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
    key = content_fragment_key("similar-to", question.id, viewer.id)
    known = fetch_many({key: key}).get(key)
    row = db.session.execute(_viewer_standing(known is None), params).one()
    membership, own_id, level, *found = row
    if known is None:
        known = found[0] or NO_REFERENCE
        store_many({key: known})
    return ViewerStanding(membership, own_id, level or FollowLevel.OFF, known or None)


def question_page(
    question: Question,
    viewer: User,
    filters: AnswerFilters,
    standing: ViewerStanding,
    *,
    vocabulary: list[TreatmentName],
    per_page: int,
    threshold: int,
) -> QuestionPage:
    """The whole question page for VIEWER, in a fixed number of queries however many answers it
    has: the page of answers with the viewer's votes, their cards (kept ones reused), one grouped
    query for what members report, the kept summary panel, and the viewer's own answer and
    STANDING (looked up first: it decides which orders FILTERS may ask for). VOCABULARY is the
    condition's treatments, which the filters and the cards name."""
    listing = answer_page(question.id, viewer, filters, per_page)
    answers = listing.answers
    membership, own_id, follow_level, _ = standing
    own = next((a for a in answers if a.id == own_id), None)
    if own is None and own_id is not None:
        own = db.session.get(Answer, own_id)  # e.g. one they deleted: not in the page
    report = members_report(question.id, viewer, threshold)
    controls = CardControls(
        voted_ids=listing.voted_ids,
        compare_form=COMPARE_FORM_ID,
        back=question_url(question, **filters.query_args()),
    )
    return QuestionPage(
        membership=membership,
        question=question,
        listing=listing,
        report=report,
        own_answer=own,
        refusal=answer_refusal(viewer, question, membership),
        follow_level=follow_level,
        summary_panel=summary_panel(question, viewer),
        report_panel=report_panel(report, question.condition, question.id, viewer),
        card_controls=controls,
        cards=answer_cards(answers, question.condition, vocabulary, viewer, controls),
        filter_choices=filter_choices(vocabulary, similar=standing.similar_to is not None),
    )
