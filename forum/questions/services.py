"""Finding questions: one by id for its pages, and a condition's questions in order. And
adding one, by the same rules whoever adds it (an admin, or a moderator publishing a member's
proposal): a slug from the title, unique in the condition; the last place in its list; the
condition's count moved in the same transaction."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import joinedload

from forum.conditions.models import Condition
from forum.core.errors import ForumError
from forum.core.slugs import slugify
from forum.database import db
from forum.questions.models import Question, QuestionStatus


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


def visible_questions(condition: Condition) -> list[Question]:
    """The condition's questions readers may see, in the editors' order."""
    query = (
        select(Question)
        .where(Question.condition_id == condition.id, Question.status != QuestionStatus.HIDDEN)
        .order_by(Question.position, Question.id)
    )
    return list(db.session.scalars(query))


def add_question(
    condition: Condition, title: str, slug: str = "", status: QuestionStatus = QuestionStatus.OPEN
) -> Question:
    """A new question at the end of the condition's list, its slug made from the title unless
    one is given; counted at once if readers can see it."""
    title = tidy_title(title)
    question = Question(
        condition=condition,
        title=title,
        slug=free_question_slug(condition, slug or title),
        status=status,
        position=_next_position(condition),
    )
    db.session.add(question)
    if question.is_visible:
        count_question(condition, +1)
    return question


def tidy_title(text: str) -> str:
    """The title with its spaces tidied; refused when nothing is left."""
    title = " ".join(text.split())
    if not title:
        raise ForumError("The question needs a title.")
    return title


def free_question_slug(condition: Condition, wanted: str, question: Question | None = None) -> str:
    """WANTED as a slug, refused when another question of the condition has it (QUESTION is the
    one being changed, None for a new one)."""
    slug = slugify(wanted)
    if not slug:
        raise ForumError("The address needs at least one letter or digit.")
    query = select(Question.id).where(Question.condition_id == condition.id, Question.slug == slug)
    if question is not None:
        query = query.where(Question.id != question.id)
    if db.session.scalar(query) is not None:
        raise ForumError(f"Another question about {condition.name} already uses “{slug}”.")
    return slug


def count_question(condition: Condition, change: int) -> None:
    """Counted in SQL, so two people adding questions at once cannot lose one."""
    condition.question_count = Condition.question_count + change


def _next_position(condition: Condition) -> int:
    last = db.session.scalar(
        select(func.max(Question.position)).where(Question.condition_id == condition.id)
    )
    return 0 if last is None else last + 1
