"""The note form as a reviewer's browser fills it in, and notes made through the services."""

from __future__ import annotations

from flask import g

from forum.database import db
from forum.reviewer_notes import services
from forum.reviewer_notes.services import NoteInput

NOTE = NoteInput(
    body="Doses like this are above the usual range; talk to your neurologist before changing.",
    source_title="Example Clinical Guideline on Spasticity, 2025",
    source_url="https://example.org/spasticity-guideline",
)
EDITED = NoteInput(
    body="Doses above 80 mg a day are unusual; talk to your neurologist before changing yours.",
    source_title="Example Clinical Guideline on Spasticity, 2026",
    source_url="https://example.org/spasticity-guideline-2026",
)


def note_form(content: NoteInput = NOTE, version: int = 0, **fields) -> dict[str, str]:
    return {
        "body": content.body,
        "source_title": content.source_title,
        "source_url": content.source_url,
        "version": str(version),
        **fields,
    }


def add_note(answer, reviewer, content: NoteInput = NOTE):
    """A note added through the service, committed."""
    services.save_note(answer, reviewer, content, expected_version=0)
    db.session.commit()
    return services.note_on(answer)


def client_as(app, user=None):
    """A client signed in as USER (signed out without one), for tests that switch people.

    Flask-Login caches the signed-in user on `g`, which Flask 3.1 keeps for the whole test
    (flask-login#704); dropping it makes the next request load this client's user."""
    g.pop("_login_user", None)
    return app.test_client(user=user) if user is not None else app.test_client()
