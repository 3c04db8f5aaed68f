"""A community with a published answer, the member who wrote it and two verified reviewers."""

from __future__ import annotations

import pytest


@pytest.fixture
def author(make):
    return make.user(display_name="WrenHollow")


@pytest.fixture
def answer(make, author):
    condition = make.condition("Stiff Person Syndrome", slug="stiff-person-syndrome")
    question = make.question(condition, title="What eased your spasms?", slug="spasms")
    make.membership(author, condition)
    return make.answer(
        question, author, body="I took 120 mg of baclofen a day; the spasms eased within weeks."
    )


@pytest.fixture
def reviewer(make):
    return make.reviewer("Dr Rae Example", credentials="MD", specialty="neurology")


@pytest.fixture
def second_reviewer(make):
    return make.reviewer("Dr Sam Second", credentials="PharmD", specialty="pharmacy")
