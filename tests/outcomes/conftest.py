"""Check-ins follow answers that are already published: pre-moderation of new members has its
own tests in tests/moderation."""

from __future__ import annotations

import pytest

from tests.outcomes.helpers import Scene


@pytest.fixture(autouse=True)
def established_members(app):
    app.config["PREMODERATE_FIRST_ANSWERS"] = 0


@pytest.fixture
def scene(app, make) -> Scene:
    return Scene(app, make)
