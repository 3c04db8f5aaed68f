"""Reading conditions for the home and condition pages."""

from __future__ import annotations

import functools
from typing import NamedTuple

from sqlalchemy import Select, bindparam, select, update
from sqlalchemy.orm import contains_eager

from forum.accounts.models import User
from forum.conditions.models import Condition, Membership, Perspective, Treatment
from forum.core.errors import ForumError
from forum.database import db, utcnow


def find_condition(condition_id: int) -> Condition | None:
    return db.session.get(Condition, condition_id)


def find_condition_by_slug(slug: str) -> Condition | None:
    return db.session.scalar(select(Condition).where(Condition.slug == slug))


class TreatmentName(NamedTuple):
    """A treatment of a condition's vocabulary, as much as a page needs to name it and filter by
    it."""

    id: int
    slug: str
    name: str


@functools.cache
def _vocabulary() -> Select:
    return (
        select(Treatment.id, Treatment.slug, Treatment.name)
        .where(Treatment.condition_id == bindparam("condition_id"))
        .order_by(Treatment.position, Treatment.id)
    )


def treatment_names(condition_id: int) -> list[TreatmentName]:
    """The condition's treatments in the editors' order, as plain values: a quarter of the cost
    of loading them as models, on the busiest page."""
    rows = db.session.execute(_vocabulary(), {"condition_id": condition_id})
    return [TreatmentName(*row) for row in rows]


def list_conditions() -> list[Condition]:
    return list(db.session.scalars(select(Condition).order_by(Condition.position, Condition.name)))


def membership_of(user: User, condition: Condition) -> Membership | None:
    if not user.is_authenticated:
        return None
    return db.session.scalar(
        select(Membership).where(
            Membership.user_id == user.id, Membership.condition_id == condition.id
        )
    )


def memberships_of(user: User) -> list[Membership]:
    query = (
        select(Membership)
        .join(Condition)
        .where(Membership.user_id == user.id)
        .options(contains_eager(Membership.condition))
        .order_by(Condition.position, Condition.name)
    )
    return list(db.session.scalars(query))


def join_community(
    user: User, condition: Condition, relation: Perspective, diagnosed_year: int | None
) -> Membership:
    """Join, or update how one belongs; the member count moves in the same transaction."""
    check_diagnosed_year(diagnosed_year)
    membership = membership_of(user, condition)
    if membership is None:
        membership = Membership(user=user, condition=condition)
        db.session.add(membership)
        _move_member_count(condition, +1)
    membership.relation = relation
    membership.diagnosed_year = diagnosed_year
    return membership


def leave_community(user: User, condition: Condition) -> None:
    membership = membership_of(user, condition)
    if membership is None:
        raise ForumError(f"You are not a member of the {condition.name} community.")
    db.session.delete(membership)
    _move_member_count(condition, -1)


def check_diagnosed_year(year: int | None) -> None:
    if year is not None and not 1900 <= year <= utcnow().year:
        raise ForumError(
            f"Please enter a year between 1900 and {utcnow().year}, or leave it empty.",
            field="diagnosed_year",
        )


def _move_member_count(condition: Condition, change: int) -> None:
    """Update in SQL, not in Python, so two members joining at once both count."""
    db.session.execute(
        update(Condition)
        .where(Condition.id == condition.id)
        .values(member_count=Condition.member_count + change)
    )
    db.session.expire(condition, ["member_count"])
