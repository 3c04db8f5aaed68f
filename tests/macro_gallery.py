"""A test-only page that shows every form and navigation macro, so the macros are checked (axe,
the Nu Html Checker, unit tests) before the forms that will use them exist.

`register(app)` adds it at /_test/form-macros; `?errors=1` shows the form after a failed submit.
"""

from __future__ import annotations

from flask import Flask, flash, render_template_string, request
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    BooleanField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length

from forum.answers.models import Answer
from forum.database import db

PATH = "/_test/form-macros"


class GalleryForm(FlaskForm):
    display_name = StringField(
        "Display name",
        description="Shown with your answers instead of your real name.",
        validators=[DataRequired("Enter a display name.")],
    )
    perspective = RadioField(
        "Whose experience is this?",
        choices=[
            SelectChoice("patient", "My own"),
            SelectChoice("caregiver", "Someone I care for"),
        ],
        validators=[InputRequired("Choose whose experience this is.")],
    )
    treatments = SelectMultipleField(
        "Treatments you tried",
        description="Tick all that apply.",
        choices=[SelectChoice(name.lower(), name) for name in ("Baclofen", "Diazepam", "IVIG")],
        validators=[DataRequired("Tick at least one treatment.")],
    )
    outcome = SelectField(
        "How did it go?",
        choices=[
            SelectChoice("", "Choose one"),
            SelectChoice("helped", "Helped"),
            SelectChoice("no-change", "No change"),
        ],
        validators=[DataRequired("Choose how it went.")],
    )
    story = TextAreaField(
        "Your experience",
        validators=[DataRequired("Tell us what happened."), Length(min=20)],
    )
    anonymous = BooleanField(
        "Post anonymously",
        description="Other people see “A member with this condition” instead of your name.",
    )
    guidelines = BooleanField(
        "I have read the community guidelines",
        validators=[DataRequired("Please confirm you have read the guidelines.")],
    )


TEMPLATE = """{% extends "base.html" %}
{% from "forms.html" import field, submit, error_summary %}
{% from "macros.html" import breadcrumbs, pagination %}
{% block title %}Form building blocks · {{ site_name }}{% endblock %}
{% block meta %}<meta name="robots" content="noindex">{% endblock %}
{% block content %}
{{ breadcrumbs([('Home', url_for('conditions.home')), ('Form building blocks', request.path)]) }}
<h1>Form building blocks</h1>
{{ error_summary(form) }}
<form method="post" class="form" novalidate>
  {% for f in form %}{{ field(f) }}{% endfor %}
  {{ submit("Post your answer") }}
  {{ submit("Preview", name="action", value="preview", secondary=true) }}
</form>
<h2>Answers, five to a page</h2>
{{ pagination(pager, request.endpoint, 'Answer pages', 'answer',
               sort=request.args.get('sort', 'helpful')) }}
{% endblock %}
"""


def register(app: Flask) -> None:
    @app.route(PATH, methods=["GET", "POST"])
    def form_macros():
        form = GalleryForm(meta={"csrf": False})
        if request.method == "POST" or request.args.get("errors"):
            form.validate()
        for message, category in (
            ("Your answer was saved.", "success"),
            ("Something needs your attention.", "error"),
            ("Moderators read every first answer.", "info"),
        ):
            flash(message, category)
        pager = db.paginate(
            select(Answer).order_by(Answer.id),
            page=request.args.get("page", 2, type=int),
            per_page=5,
            error_out=False,
        )
        return render_template_string(TEMPLATE, form=form, pager=pager)
