"""People and a question for the summary workflow tests."""

from __future__ import annotations

import pytest

from forum.accounts.models import Role


@pytest.fixture
def writer(make):
    return make.reviewer("Dr Wren Writer", specialty="neurology")


@pytest.fixture
def reviewer(make):
    return make.reviewer("Dr Rhea Checker", specialty="immunology")


@pytest.fixture
def admin(make):
    return make.user(role=Role.ADMIN)


@pytest.fixture
def question(make):
    return make.question(title="What are the primary treatments?")
