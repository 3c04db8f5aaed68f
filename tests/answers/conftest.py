"""These tests are about answers themselves, so their authors post as established members would:
pre-moderation of new members has its own tests in tests/moderation."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def established_members(app):
    app.config["PREMODERATE_FIRST_ANSWERS"] = 0
