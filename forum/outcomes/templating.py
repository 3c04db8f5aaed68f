"""What templates ask of outcomes: the line a check-in adds to a treatment report."""

from __future__ import annotations

from flask import Flask

from forum.outcomes.phrases import check_in_note


def init_app(app: Flask) -> None:
    app.add_template_filter(check_in_note)
