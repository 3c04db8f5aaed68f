"""A question with a published summary, a reader who suggests, and the reviewers who decide."""

from __future__ import annotations

from dataclasses import replace

import pytest

from forum.database import db
from forum.suggestions import services
from forum.suggestions.services import SuggestionInput

PUBLISHED_SHORT_ANSWER = "Several treatments can ease symptoms."
PUBLISHED_BODY = "Treatment usually combines **medicine** and therapy."

PROPOSAL = SuggestionInput(
    short_answer="Several treatments can ease symptoms, and most people need more than one.",
    body="Treatment usually combines **medicine**, physiotherapy and talking therapy.",
    reason="Physiotherapy is missing, and the 2025 guideline recommends it for everyone.",
    source_title="Stiff person syndrome: a guideline for clinicians",
    source_url="https://example.org/guideline-2025",
)


@pytest.fixture
def question(make):
    return make.question(title="What treatments help with stiffness?")


@pytest.fixture
def published(make, question):
    """The summary readers see: these words, and the factory's one reference."""
    return make.published_summary(
        question, short_answer=PUBLISHED_SHORT_ANSWER, body=PUBLISHED_BODY
    )


@pytest.fixture
def reader(make):
    return make.user(display_name="CarefulReader")


@pytest.fixture
def reviewer(make):
    return make.reviewer("Dr Rhea Checker", specialty="immunology")


def suggest(question, proposer, **changes):
    """A suggestion filed through the service and committed."""
    suggestion = services.suggest_correction(question, proposer, replace(PROPOSAL, **changes))
    db.session.commit()
    return suggestion


def form_data(**changes) -> dict[str, str]:
    """What the suggestion form sends, as a browser sends it (line breaks as CR LF)."""
    fields = {
        "short_answer": PROPOSAL.short_answer,
        "body": PROPOSAL.body,
        "reason": PROPOSAL.reason,
        "source_title": PROPOSAL.source_title,
        "source_url": PROPOSAL.source_url,
    }
    return {**fields, **changes}
