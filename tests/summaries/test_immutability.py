"""A published revision stays exactly as it was reviewed, whatever code path tries to change it."""

from __future__ import annotations

import pytest

from forum.admin.content_cli import content_cli
from forum.database import db
from forum.summaries.models import (
    PublishedRevisionError,
    RevisionStatus,
    SummaryReference,
    SummaryRevision,
)
from tests.summaries.helpers import published, submitted


@pytest.fixture
def revision(make) -> SummaryRevision:
    return make.published_summary(make.question(), change_note="First version.")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("short_answer", "Something else entirely."),
        ("body", "A quietly rewritten body."),
        ("key_points", "A new point"),
        ("change_note", "A different note."),
        ("status", RevisionStatus.DRAFT),
        ("reviewer_id", None),
        ("published_at", None),
    ],
)
def test_no_column_of_a_published_revision_can_change(revision, column, value):
    setattr(revision, column, value)
    with pytest.raises(PublishedRevisionError, match="published and cannot change"):
        db.session.flush()
    db.session.rollback()
    db.session.refresh(revision)
    assert revision.status is RevisionStatus.PUBLISHED
    assert revision.short_answer == "Several treatments can ease symptoms."


def test_a_published_revision_cannot_be_deleted(revision):
    db.session.delete(revision)
    with pytest.raises(PublishedRevisionError, match="deleted"):
        db.session.flush()


def test_references_of_a_published_revision_are_fixed(revision):
    revision.references[0].title = "A changed title"
    with pytest.raises(PublishedRevisionError, match="references"):
        db.session.flush()
    db.session.rollback()

    revision.references.append(SummaryReference(title="A late addition"))
    with pytest.raises(PublishedRevisionError, match="references"):
        db.session.flush()
    db.session.rollback()

    db.session.delete(revision.references[0])
    with pytest.raises(PublishedRevisionError, match="references"):
        db.session.flush()


def test_the_guard_holds_after_the_session_forgot_the_old_values(revision):
    revision_id = revision.id
    db.session.expunge_all()
    fresh = db.session.get(SummaryRevision, revision_id)
    fresh.status = RevisionStatus.IN_REVIEW
    with pytest.raises(PublishedRevisionError):
        db.session.commit()


def test_stored_html_may_be_rebuilt_when_the_sanitising_policy_changes(revision, runner):
    revision.body_html = "<p>stale html from an older policy</p>"
    db.session.commit()
    result = runner.invoke(content_cli, ["rerender"])
    assert result.exit_code == 0, result.output
    db.session.refresh(revision)
    assert revision.body_html.startswith("<p>Treatment usually combines <strong>medicine")


def test_publishing_itself_is_allowed(make):
    question = make.question()
    writer, reviewer = make.reviewer(), make.reviewer()
    revision = published(question, writer, reviewer)
    db.session.refresh(revision)
    assert revision.is_published


def test_drafts_and_drafts_in_review_can_still_change(make):
    revision = submitted(make.question(), make.reviewer())
    revision.review_comments = "A reviewer's working note."
    db.session.commit()
    assert revision.review_comments == "A reviewer's working note."
