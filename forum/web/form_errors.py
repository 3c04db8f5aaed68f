"""Putting a service's refusal next to the form field it is about."""

from __future__ import annotations

from flask import flash
from flask_wtf import FlaskForm

from forum.core.errors import ForumError


def show_error(form: FlaskForm, error: ForumError) -> None:
    """Attach the message to its field when the form has it, otherwise flash it."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, str(error)]
    else:
        flash(str(error), "error")
