import pytest


@pytest.fixture(autouse=True)
def publish_at_once(app):
    """These tests follow answers into the index; pre-moderation is tested on its own."""
    app.config["PREMODERATE_FIRST_ANSWERS"] = 0
