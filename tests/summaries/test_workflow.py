"""Draft -> in review -> published, or returned: each transition and who may make it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.audit.models import ModerationAction
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.summaries import services
from forum.summaries.models import RevisionStatus, SummaryRevision
from forum.summaries.services import current_summary
from tests.summaries.helpers import CONTENT, published, submitted, write_draft


def log_entries(action: str) -> list[ModerationAction]:
    query = select(ModerationAction).where(ModerationAction.action == action)
    return list(db.session.scalars(query))


# Drafting -------------------------------------------------------------------------------------


def test_saving_makes_a_draft_and_readers_keep_the_published_revision(
    make, question, writer, reviewer
):
    live = make.published_summary(question, short_answer="The published answer.")
    draft = write_draft(question, writer)
    assert draft.status is RevisionStatus.DRAFT
    assert draft.writer_id == writer.id
    assert draft.number == live.number + 1
    assert draft.body_html.startswith("<p>Most people start with <strong>baclofen</strong>")
    assert [reference.title for reference in draft.references] == ["A guide for patients"]
    assert current_summary(question.id).id == live.id


def test_saving_again_changes_the_same_draft(question, writer):
    first = write_draft(question, writer)
    second = write_draft(question, writer, replace(CONTENT, body="A shorter body.", references=()))
    assert second.id == first.id
    assert second.body == "A shorter body."
    assert second.references == []
    assert db.session.scalar(select(db.func.count(SummaryRevision.id))) == 1


def test_a_new_draft_starts_from_the_published_text(make, question, writer):
    make.published_summary(question, short_answer="What readers see now.")
    start = services.starting_content(question, services.working_revision(question))
    assert start.short_answer == "What readers see now."
    assert start.change_note == ""


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_only_reviewers_and_admins_write_summaries(make, question, role):
    with pytest.raises(ForumError, match="Only medical reviewers"):
        services.save_draft(question, make.user(role=role), CONTENT)
    services.save_draft(question, make.user(role=Role.ADMIN), CONTENT)


def test_only_the_writer_edits_their_draft(question, writer, reviewer):
    write_draft(question, writer)
    with pytest.raises(ForumError, match="already writing a draft"):
        services.save_draft(question, reviewer, CONTENT)


def test_a_draft_waiting_for_review_is_locked(question, writer):
    submitted(question, writer)
    with pytest.raises(ForumError, match="waiting for review"):
        services.save_draft(question, writer, CONTENT)


@pytest.mark.parametrize(
    ("short_answer", "allowed"),
    [
        ("Rest helps.", True),
        ("Rest helps. So does pacing, e.g. short walks.", True),
        ("Rest helps. Pacing helps. So does sleep.", False),
    ],
)
def test_the_short_answer_is_one_or_two_sentences(question, writer, short_answer, allowed):
    content = replace(CONTENT, short_answer=short_answer)
    if allowed:
        services.save_draft(question, writer, content)
    else:
        with pytest.raises(ForumError, match="one or two sentences"):
            services.save_draft(question, writer, content)


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (services.ReferenceInput("Bad link", "javascript:alert(1)"), "must start with https://"),
        (services.ReferenceInput("", "https://example.org"), "needs a title"),
        (services.ReferenceInput("Far future", year=3000), "year of reference 1"),
    ],
)
def test_references_are_checked(question, writer, reference, message):
    with pytest.raises(ForumError, match=message):
        services.save_draft(question, writer, replace(CONTENT, references=(reference,)))


def test_markdown_is_sanitised_on_save(question, writer):
    draft = write_draft(question, writer, replace(CONTENT, body="Hi <script>alert(1)</script>"))
    assert "<script>" not in draft.body_html
    assert "&lt;script&gt;" in draft.body_html


# Decisions ------------------------------------------------------------------------------------


def test_only_the_writer_submits_their_draft(question, writer, reviewer):
    draft = write_draft(question, writer)
    with pytest.raises(ForumError, match="Only the writer"):
        services.submit_for_review(draft, reviewer)
    services.submit_for_review(draft, writer)
    assert draft.status is RevisionStatus.IN_REVIEW
    with pytest.raises(ForumError, match="only once"):
        services.submit_for_review(draft, writer)


def test_a_reviewer_returns_a_draft_with_comments_and_the_writer_revises_it(
    question, writer, reviewer
):
    draft = submitted(question, writer)
    with pytest.raises(ForumError, match="what to change"):
        services.return_to_writer(draft, reviewer, "   ")
    services.return_to_writer(draft, reviewer, "Please cite the 2025 guideline.")
    db.session.commit()
    assert draft.status is RevisionStatus.RETURNED
    assert draft.review_comments == "Please cite the 2025 guideline."

    revised = write_draft(question, writer, replace(CONTENT, body="Now with the guideline."))
    assert revised.id == draft.id
    services.submit_for_review(revised, writer)
    assert revised.status is RevisionStatus.IN_REVIEW


def test_the_writer_cannot_publish_or_return_their_own_draft(question, writer):
    draft = submitted(question, writer)
    with pytest.raises(ForumError, match="another reviewer needs to publish"):
        services.publish_revision(draft, writer, "Reviewed.")
    with pytest.raises(ForumError, match="another reviewer needs to return"):
        services.return_to_writer(draft, writer, "Looks fine to me.")
    assert draft.status is RevisionStatus.IN_REVIEW


def test_the_self_review_setting_lets_a_small_site_publish_its_own_drafts(app, question, writer):
    app.config["ALLOW_SELF_REVIEW"] = True
    draft = submitted(question, writer)
    services.publish_revision(draft, writer, "Reviewed by the only reviewer.")
    assert draft.is_published


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_cannot_review(make, question, writer, role):
    draft = submitted(question, writer)
    with pytest.raises(ForumError, match="Only medical reviewers"):
        services.publish_revision(draft, make.user(role=role), "Reviewed.")


def test_publishing_needs_a_verified_reviewer_profile(make, question, writer):
    draft = submitted(question, writer)
    with pytest.raises(ForumError, match="verified by an admin"):
        services.publish_revision(draft, make.user(role=Role.REVIEWER), "Reviewed.")


def test_only_a_submitted_draft_can_be_published(question, writer, reviewer):
    draft = write_draft(question, writer)
    with pytest.raises(ForumError, match="this one is draft"):
        services.publish_revision(draft, reviewer, "Reviewed.")


def test_publishing_sets_reviewer_dates_and_makes_it_what_readers_see(
    make, question, writer, reviewer
):
    old = make.published_summary(question)
    draft = submitted(question, writer)
    services.publish_revision(draft, reviewer, "Added the 2025 guideline.")
    db.session.commit()
    assert draft.status is RevisionStatus.PUBLISHED
    assert draft.reviewer_id == reviewer.id
    assert draft.change_note == "Added the 2025 guideline."
    assert utcnow() - draft.published_at < timedelta(minutes=1)
    assert draft.reviewed_at == draft.published_at
    assert current_summary(question.id).id == draft.id
    assert old.is_published  # history keeps the previous version


def test_a_second_decision_on_the_same_draft_is_refused(make, question, writer, reviewer):
    draft = published(question, writer, reviewer)
    with pytest.raises(ForumError, match="this one is published"):
        services.publish_revision(draft, make.reviewer(), "Again.")
    with pytest.raises(ForumError, match="this one is published"):
        services.return_to_writer(draft, make.reviewer(), "Too late.")


def test_editing_after_publication_starts_a_new_draft(question, writer, reviewer):
    first = published(question, writer, reviewer)
    second = write_draft(question, writer, replace(CONTENT, body="Updated body."))
    assert second.id != first.id
    assert second.number == first.number + 1
    db.session.refresh(first)
    assert first.body == CONTENT.body


def test_the_writer_or_an_admin_discards_a_draft(question, writer, reviewer, admin):
    draft = write_draft(question, writer)
    with pytest.raises(ForumError, match="writer or an admin"):
        services.discard_draft(draft, reviewer)
    services.discard_draft(draft, admin)
    db.session.commit()
    assert services.working_revision(question) is None
    assert log_entries("summary_discarded")[0].before["status"] == "draft"


def test_drafts_in_review_and_published_revisions_cannot_be_discarded(question, writer, reviewer):
    draft = submitted(question, writer)
    with pytest.raises(ForumError):
        services.discard_draft(draft, writer)
    services.publish_revision(draft, reviewer, "Reviewed.")
    with pytest.raises(ForumError):
        services.discard_draft(draft, writer)


def test_every_decision_is_logged_with_before_and_after(question, writer, reviewer):
    draft = submitted(question, writer)
    services.return_to_writer(draft, reviewer, "Shorten the lead.")
    db.session.commit()
    services.submit_for_review(draft, writer)
    services.publish_revision(draft, reviewer, "Shortened the lead.")
    db.session.commit()

    submit, resubmit = log_entries("summary_submitted")
    assert (submit.before["status"], submit.after["status"]) == ("draft", "in_review")
    assert (resubmit.before["status"], resubmit.after["status"]) == ("returned", "in_review")
    (returned,) = log_entries("summary_returned")
    assert returned.actor_id == reviewer.id and returned.reason == "Shorten the lead."
    assert returned.subject_user_id == writer.id
    (publish,) = log_entries("summary_published")
    assert publish.before["status"] == "in_review"
    assert publish.after["status"] == "published"
    assert publish.after["reviewer_id"] == reviewer.id
    assert publish.target_type == "summary_revision" and publish.target_id == draft.id
