"""Drafts at each step of the workflow, made through the real services."""

from __future__ import annotations

from flask import g

from forum.database import db
from forum.summaries import services
from forum.summaries.services import ReferenceInput, SummaryInput

CONTENT = SummaryInput(
    short_answer="Muscle relaxants and immune therapies are the usual first steps.",
    body="Most people start with **baclofen** or diazepam.\n\nSome also need immune therapy.",
    key_points="Start low and go slow\nReview every year",
    change_note="First draft.",
    references=(
        ReferenceInput("A guide for patients", "https://example.org/guide", "Example Clinic", 2025),
    ),
)


def write_draft(question, writer, content: SummaryInput = CONTENT):
    revision = services.save_draft(question, writer, content)
    db.session.commit()
    return revision


def submitted(question, writer, content: SummaryInput = CONTENT):
    revision = write_draft(question, writer, content)
    services.submit_for_review(revision, writer)
    db.session.commit()
    return revision


def published(question, writer, reviewer, content: SummaryInput = CONTENT, note="Reviewed."):
    revision = submitted(question, writer, content)
    services.publish_revision(revision, reviewer, note)
    db.session.commit()
    return revision


def client_as(app, user):
    """A client signed in as `user`, for tests that switch people half-way through.

    Flask-Login caches the signed-in user on `g`, which Flask 3.1 keeps for the whole test
    (flask-login#704); dropping it makes the next request load this client's user.
    """
    g.pop("_login_user", None)
    return app.test_client(user=user)
