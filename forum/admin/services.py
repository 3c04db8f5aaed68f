"""Admins shape the site: conditions, their questions and their treatment vocabularies.

Every change is logged with what it was before and after. Slugs are unique per condition for
questions and treatments, and site-wide for conditions; URLs carry ids, so a new slug never
breaks an old link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from forum.accounts.models import User
from forum.accounts.standing import is_admin
from forum.answers.models import Answer, ReportedSideEffect, TreatmentReport
from forum.audit.actions import Action
from forum.audit.log import record_action
from forum.conditions.models import Condition, SideEffect, Treatment, TreatmentKind
from forum.core.errors import ForumError
from forum.core.slugs import slugify
from forum.database import db
from forum.questions.models import Question, QuestionStatus
from forum.questions.services import add_question, count_question, free_question_slug, tidy_title

UP, DOWN = "up", "down"
SYNONYM_SEPARATORS = re.compile(r"[,\n;]")


@dataclass(frozen=True)
class ConditionInput:
    name: str
    slug: str = ""
    description: str = ""


@dataclass(frozen=True)
class QuestionInput:
    title: str
    slug: str = ""
    status: QuestionStatus = QuestionStatus.OPEN


@dataclass(frozen=True)
class TreatmentInput:
    name: str
    slug: str = ""
    kind: TreatmentKind = TreatmentKind.MEDICATION
    synonyms: str = ""


# ---------------------------------------------------------------------------------------------
# Conditions
# ---------------------------------------------------------------------------------------------


def create_condition(admin: User, details: ConditionInput) -> Condition:
    """Add a condition at the end of the list."""
    _require_admin(admin)
    fields = _condition_fields(details, None)
    condition = Condition(position=_next_position(Condition.position), **fields)
    db.session.add(condition)
    _log(admin, Action.CONDITION_CREATED, condition, None)
    return condition


def update_condition(admin: User, condition: Condition, details: ConditionInput) -> None:
    """Change a condition's name, slug or description."""
    _require_admin(admin)
    _update(admin, Action.CONDITION_UPDATED, condition, _condition_fields(details, condition))


def _condition_fields(details: ConditionInput, condition: Condition | None) -> dict[str, Any]:
    name = _required(details.name, "The condition needs a name.")
    refusal = "Another condition already uses the address “{slug}”."
    slug = _free_slug(Condition, details.slug or name, condition, refusal)
    return {"name": name, "slug": slug, "description": details.description.strip()}


def move_condition(admin: User, condition: Condition, direction: str) -> None:
    """Swap a condition with its neighbour in the list readers see."""
    _require_admin(admin)
    siblings = list(
        db.session.scalars(select(Condition).order_by(Condition.position, Condition.name))
    )
    _move(admin, Action.CONDITION_MOVED, siblings, condition, direction)


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------


def create_question(admin: User, condition: Condition, details: QuestionInput) -> Question:
    """Add a question at the end of the condition's list, and count it if readers can see it."""
    _require_admin(admin)
    question = add_question(condition, details.title, details.slug, details.status)
    _log(admin, Action.QUESTION_CREATED, question, None)
    return question


def update_question(admin: User, question: Question, details: QuestionInput) -> None:
    """Change a question's title, slug or status; hiding or showing it moves the count."""
    _require_admin(admin)
    fields = _question_fields(details, question.condition, question)
    was_visible = question.is_visible
    _update(admin, Action.QUESTION_UPDATED, question, fields)
    if was_visible != question.is_visible:
        count_question(question.condition, +1 if question.is_visible else -1)


def _question_fields(
    details: QuestionInput, condition: Condition, question: Question
) -> dict[str, Any]:
    title = tidy_title(details.title)
    slug = free_question_slug(condition, details.slug or title, question)
    return {"title": title, "slug": slug, "status": details.status}


def move_question(admin: User, question: Question, direction: str) -> None:
    _require_admin(admin)
    _move(admin, Action.QUESTION_MOVED, _siblings(Question, question), question, direction)


# ---------------------------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------------------------


def create_treatment(admin: User, condition: Condition, details: TreatmentInput) -> Treatment:
    """Add a treatment to the end of the condition's vocabulary."""
    _require_admin(admin)
    treatment = _append(Treatment, condition, _treatment_fields(details, condition, None))
    _log(admin, Action.TREATMENT_CREATED, treatment, None)
    return treatment


def update_treatment(admin: User, treatment: Treatment, details: TreatmentInput) -> None:
    """Change a treatment's name, slug, kind or other names."""
    _require_admin(admin)
    fields = _treatment_fields(details, treatment.condition, treatment)
    _update(admin, Action.TREATMENT_UPDATED, treatment, fields)


def _treatment_fields(
    details: TreatmentInput, condition: Condition, treatment: Treatment | None
) -> dict[str, Any]:
    name = _required(details.name, "The treatment needs a name.")
    refusal = f"{condition.name} already has a treatment at “{{slug}}”."
    in_condition = Treatment.condition_id == condition.id
    slug = _free_slug(Treatment, details.slug or name, treatment, refusal, in_condition)
    synonyms = ", ".join(_synonyms(details.synonyms, name))
    return {"name": name, "slug": slug, "kind": details.kind, "synonyms": synonyms}


def _synonyms(text: str, name: str) -> list[str]:
    """Trimmed, each once (ignoring case), and never the treatment's own name."""
    seen = {name.casefold()}
    words = []
    for word in (" ".join(part.split()) for part in SYNONYM_SEPARATORS.split(text)):
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return words


# ---------------------------------------------------------------------------------------------
# Side effects
# ---------------------------------------------------------------------------------------------


def create_side_effect(admin: User, condition: Condition, name: str, slug: str = "") -> SideEffect:
    """Add a side effect members can pick, at the end of the condition's list."""
    _require_admin(admin)
    side_effect = _append(SideEffect, condition, _side_effect_fields(name, slug, condition, None))
    _log(admin, Action.SIDE_EFFECT_CREATED, side_effect, None)
    return side_effect


def rename_side_effect(admin: User, side_effect: SideEffect, name: str, slug: str = "") -> None:
    """Change a side effect's name. Answer cards naming it are kept by answer version, so every
    answer whose report names it gets a new version and is drawn again with the new name."""
    _require_admin(admin)
    fields = _side_effect_fields(name, slug, side_effect.condition, side_effect)
    _update(admin, Action.SIDE_EFFECT_UPDATED, side_effect, fields)
    naming = (
        select(TreatmentReport.answer_id)
        .join(ReportedSideEffect, ReportedSideEffect.report_id == TreatmentReport.id)
        .where(ReportedSideEffect.side_effect_id == side_effect.id)
    )
    db.session.execute(
        update(Answer)
        .where(Answer.id.in_(naming))
        .values(version=Answer.version + 1)
        .execution_options(synchronize_session=False)
    )


def _side_effect_fields(
    name: str, slug: str, condition: Condition, side_effect: SideEffect | None
) -> dict[str, Any]:
    name = _required(name, "The side effect needs a name.")
    refusal = f"{condition.name} already has a side effect at “{{slug}}”."
    in_condition = SideEffect.condition_id == condition.id
    return {
        "name": name,
        "slug": _free_slug(SideEffect, slug or name, side_effect, refusal, in_condition),
    }


def move_treatment(admin: User, treatment: Treatment, direction: str) -> None:
    _require_admin(admin)
    _move(admin, Action.TREATMENT_MOVED, _siblings(Treatment, treatment), treatment, direction)


# ---------------------------------------------------------------------------------------------
# Shared steps
# ---------------------------------------------------------------------------------------------


def _require_admin(user: User) -> None:
    if not is_admin(user):
        raise ForumError("Only admins can change conditions, questions and treatments.")


def _required(text: str, message: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ForumError(message)
    return cleaned


def _free_slug(model, wanted: str, item, refusal: str, *scope) -> str:
    """`wanted` as a slug, unless another row in scope has it; then `refusal`, where "{slug}"
    names the clash. `item` is None for a row still to be made.
    """
    slug = slugify(wanted)
    if not slug:
        raise ForumError("The address needs at least one letter or digit.")
    query = select(model.id).where(model.slug == slug, *scope)
    if item is not None:
        query = query.where(model.id != item.id)
    if db.session.scalar(query) is not None:
        raise ForumError(refusal.replace("{slug}", slug))
    return slug


def _next_position(column, *where) -> int:
    last = db.session.scalar(select(func.max(column)).where(*where))
    return 0 if last is None else last + 1


def _update(admin: User, action: Action, item, fields: dict[str, Any]) -> None:
    before = _snapshot(item)
    for name, value in fields.items():
        setattr(item, name, value)
    _log(admin, action, item, before)


def _append(model, condition: Condition, fields: dict[str, Any]):
    """A new treatment or side effect at the end of its condition's list."""
    position = _next_position(model.position, model.condition_id == condition.id)
    item = model(condition=condition, position=position, **fields)
    db.session.add(item)
    return item


def _siblings(model, item) -> list:
    """The condition's questions or treatments in the order readers see them."""
    query = (
        select(model)
        .where(model.condition_id == item.condition_id)
        .order_by(model.position, model.id)
    )
    return list(db.session.scalars(query))


def _move(admin: User, action: Action, siblings: list, item, direction: str) -> None:
    """Swap `item` with its neighbour and number the whole list 0, 1, 2… again."""
    if direction not in (UP, DOWN):
        raise ForumError("Items move up or down.")
    index = siblings.index(item)
    other = index - 1 if direction == UP else index + 1
    if not 0 <= other < len(siblings):
        raise ForumError(f"It is already at the {'top' if direction == UP else 'bottom'}.")
    before = _snapshot(item)
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    _log(admin, action, item, before)


def _snapshot(item) -> dict[str, Any]:
    fields = {
        Condition: ("name", "slug", "description", "position"),
        Question: ("condition_id", "title", "slug", "status", "position"),
        Treatment: ("condition_id", "name", "slug", "kind", "synonyms", "position"),
        SideEffect: ("condition_id", "name", "slug", "position"),
    }[type(item)]
    values = {name: getattr(item, name) for name in fields}
    return {name: getattr(value, "value", value) for name, value in values.items()}


def _log(admin: User, action: Action, item, before: dict | None) -> None:
    db.session.flush()  # a new row needs its id for the log
    target_type = action.value.rsplit("_", 1)[0]  # "side_effect_created": a side_effect
    record_action(admin, action, target_type, item.id, before=before, after=_snapshot(item))
