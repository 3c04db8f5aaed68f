"""A reader's suggestions are theirs: in their data export, kept without their name when they
leave, and never shown to other readers."""

from __future__ import annotations

import json

from sqlalchemy import select

from forum.audit.models import ModerationAction
from forum.database import db
from forum.suggestions.models import SummarySuggestion
from forum.suggestions.services import accept_suggestion, decline_suggestion
from tests.factories import PASSWORD
from tests.suggestions.conftest import PROPOSAL, suggest


def test_the_export_holds_the_readers_suggestions_and_their_outcome(
    app, make, question, published, reader, reviewer
):
    suggestion = suggest(question, reader)
    decline_suggestion(suggestion, reviewer, "Not what the guideline says.")
    db.session.commit()
    suggest(question, make.user(), reason="Someone else's suggestion.")
    response = app.test_client(user=reader).post("/account/export")
    assert response.status_code == 200
    data = json.loads(response.get_data(as_text=True))
    assert data["summary_suggestions"] == [
        {
            "question": question.title,
            "short_answer": PROPOSAL.short_answer,
            "body": PROPOSAL.body,
            "reason": PROPOSAL.reason,
            "source_title": PROPOSAL.source_title,
            "source_url": PROPOSAL.source_url,
            "status": "declined",
            "decision_note": "Not what the guideline says.",
            "created_at": suggestion.created_at.isoformat(),
            "decided_at": suggestion.decided_at.isoformat(),
        }
    ]
    assert reviewer.display_name not in json.dumps(data["summary_suggestions"])


def test_deleting_the_account_keeps_the_suggestions_with_nobody_named(
    app, question, published, reader, reviewer
):
    name = reader.display_name
    accepted = suggest(question, reader)
    accept_suggestion(accepted, reviewer)
    db.session.commit()
    waiting = suggest(question, reader, reason="A second point, still waiting.")
    response = app.test_client(user=reader).post(
        "/account/delete", data={"password": PASSWORD, "answers": "delete"}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    db.session.expire_all()
    kept = db.session.scalars(select(SummarySuggestion).order_by(SummarySuggestion.id)).all()
    assert [suggestion.id for suggestion in kept] == [accepted.id, waiting.id]
    assert [suggestion.proposer_id for suggestion in kept] == [None, None]
    entry = db.session.scalar(
        select(ModerationAction).where(ModerationAction.action == "suggestion_accepted")
    )
    assert entry.subject_user_id is None
    page = app.test_client(user=reviewer).get(f"/review/suggestions/{waiting.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "A former member" in html and name not in html


def test_other_readers_never_see_who_suggested_what(app, make, question, published, reader):
    suggestion = suggest(question, reader)
    for client in (app.test_client(), app.test_client(user=make.user())):
        page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
        assert reader.display_name not in page and PROPOSAL.reason not in page
        assert client.get(f"/review/suggestions/{suggestion.id}").status_code in (302, 403)
