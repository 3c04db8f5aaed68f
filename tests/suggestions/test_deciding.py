"""Reviewers take a suggestion into a new draft or decline it, once; each decision is logged
and its reader told."""

from __future__ import annotations

import html
import json

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.audit.models import ModerationAction
from forum.core.errors import ForumError
from forum.core.textdiff import diff_html
from forum.database import db
from forum.notifications.models import Notification, NotificationKind
from forum.questions.models import QuestionStatus
from forum.suggestions.models import SuggestionStatus
from forum.suggestions.services import accept_suggestion, decline_suggestion
from forum.summaries import services as summary_services
from forum.summaries.models import RevisionStatus
from forum.summaries.services import current_summary
from tests.notifications.helpers import notifications_of
from tests.suggestions.conftest import PROPOSAL, PUBLISHED_BODY, PUBLISHED_SHORT_ANSWER, suggest
from tests.summaries.helpers import CONTENT, write_draft


@pytest.fixture
def suggestion(question, published, reader):
    return suggest(question, reader)


def review_path(suggestion, action: str = "") -> str:
    return f"/review/suggestions/{suggestion.id}" + (f"/{action}" if action else "")


def log_entries() -> list[ModerationAction]:
    return list(db.session.scalars(select(ModerationAction).order_by(ModerationAction.id)))


# Accepting


def test_accepting_makes_a_draft_with_the_suggested_words_source_and_credit(
    question, published, suggestion, reviewer
):
    draft = accept_suggestion(suggestion, reviewer, "Thank you, this was missing.")
    db.session.commit()
    assert draft.status is RevisionStatus.DRAFT and draft.number == 2
    assert draft.writer_id == reviewer.id
    assert (draft.short_answer, draft.body) == (PROPOSAL.short_answer, PROPOSAL.body)
    assert "physiotherapy" in draft.body_html  # rendered on save, as every draft is
    assert [(ref.title, ref.url) for ref in draft.references] == [
        (ref.title, ref.url) for ref in published.references
    ] + [(PROPOSAL.source_title, PROPOSAL.source_url)]
    assert "a reader's suggestion" in draft.change_note
    assert PROPOSAL.source_title in draft.change_note
    assert PROPOSAL.reason not in draft.change_note  # the reader's own words stay private
    assert suggestion.status is SuggestionStatus.ACCEPTED
    assert suggestion.decided_by_id == reviewer.id and suggestion.decided_at is not None
    assert suggestion.draft_revision_id == draft.id
    assert suggestion.decision_note == "Thank you, this was missing."
    # Readers keep the published summary until the draft has been through review.
    assert current_summary(question.id).short_answer == PUBLISHED_SHORT_ANSWER


def test_accepting_through_the_page_leads_to_the_new_draft(app, suggestion, reviewer):
    response = app.test_client(user=reviewer).post(review_path(suggestion, "accept"), data={})
    assert response.status_code == 302
    db.session.refresh(suggestion)
    assert suggestion.status is SuggestionStatus.ACCEPTED
    assert response.headers["Location"] == f"/review/revisions/{suggestion.draft_revision_id}"


def test_the_draft_then_goes_through_the_four_eyes_review(
    make, question, suggestion, reviewer, reader
):
    draft = accept_suggestion(suggestion, reviewer)
    summary_services.submit_for_review(draft, reviewer)
    db.session.commit()
    with pytest.raises(ForumError, match="another reviewer needs to publish it"):
        summary_services.publish_revision(draft, reviewer, "Added physiotherapy.")
    summary_services.publish_revision(draft, make.reviewer(), "Added physiotherapy.")
    db.session.commit()
    assert current_summary(question.id).short_answer == PROPOSAL.short_answer


def test_a_source_already_cited_is_not_added_twice(question, published, reader, reviewer):
    cited = published.references[0]
    suggestion = suggest(question, reader, source_title=cited.title.upper(), source_url="")
    draft = accept_suggestion(suggestion, reviewer)
    assert [ref.title for ref in draft.references] == [cited.title]


def test_accepting_is_refused_while_a_draft_is_open(app, make, question, suggestion, reviewer):
    draft = write_draft(question, make.reviewer(), CONTENT)
    with pytest.raises(ForumError, match=r"already has a draft in progress \(version 2\)"):
        accept_suggestion(suggestion, reviewer)
    db.session.rollback()
    client = app.test_client(user=reviewer)
    page = client.get(review_path(suggestion)).get_data(as_text=True)
    assert f'href="/review/revisions/{draft.id}">Open draft version 2</a>' in page
    assert review_path(suggestion, "accept") not in page  # no button that can only fail
    response = client.post(review_path(suggestion, "accept"), data={})
    assert response.status_code == 409
    assert "already has a draft in progress" in response.get_data(as_text=True)
    db.session.refresh(suggestion)
    assert suggestion.status is SuggestionStatus.OPEN and not log_entries()


# Declining


def test_declining_needs_a_reason(app, suggestion, reviewer):
    with pytest.raises(ForumError, match="why their suggestion is not taken up"):
        decline_suggestion(suggestion, reviewer, "   ")
    response = app.test_client(user=reviewer).post(
        review_path(suggestion, "decline"), data={"decline-note": ""}
    )
    assert response.status_code == 400
    assert "Please tell the reader why their suggestion is not taken up." in response.get_data(
        as_text=True
    )
    db.session.refresh(suggestion)
    assert suggestion.status is SuggestionStatus.OPEN


def test_declining_through_the_page_keeps_the_reason_for_the_reader(app, suggestion, reviewer):
    response = app.test_client(user=reviewer).post(
        review_path(suggestion, "decline"), data={"decline-note": "The guideline says otherwise."}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/review/"
    db.session.refresh(suggestion)
    assert suggestion.status is SuggestionStatus.DECLINED
    assert suggestion.decision_note == "The guideline says otherwise."
    assert suggestion.decided_by_id == reviewer.id and suggestion.draft_revision_id is None


# Once only, and only by reviewers


@pytest.mark.parametrize("first", ["accept", "decline"])
@pytest.mark.parametrize("second", ["accept", "decline"])
def test_a_decided_suggestion_cannot_be_decided_again(
    app, make, suggestion, reviewer, first, second
):
    decide = {
        "accept": lambda who: accept_suggestion(suggestion, who),
        "decline": lambda who: decline_suggestion(suggestion, who, "Not supported."),
    }
    decide[first](reviewer)
    db.session.commit()
    outcome = suggestion.status
    other = make.reviewer()
    with pytest.raises(ForumError, match="already decided about this suggestion"):
        decide[second](other)
    db.session.rollback()
    response = app.test_client(user=other).post(
        review_path(suggestion, second), data={f"{second}-note": "A second opinion."}
    )
    assert response.status_code == 409
    assert "already decided about this suggestion" in response.get_data(as_text=True)
    db.session.refresh(suggestion)
    assert suggestion.status is outcome and suggestion.decided_by_id == reviewer.id
    assert len(log_entries()) == 1


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_only_reviewers_decide(app, make, suggestion, role):
    someone = make.user(role=role)
    with pytest.raises(ForumError, match="Only medical reviewers"):
        accept_suggestion(suggestion, someone)
    with pytest.raises(ForumError, match="Only medical reviewers"):
        decline_suggestion(suggestion, someone, "No.")
    client = app.test_client(user=someone)
    assert client.get(review_path(suggestion)).status_code == 403
    assert client.post(review_path(suggestion, "accept"), data={}).status_code == 403
    decline = client.post(review_path(suggestion, "decline"), data={"decline-note": "No."})
    assert decline.status_code == 403
    db.session.refresh(suggestion)
    assert suggestion.status is SuggestionStatus.OPEN


def test_signed_out_visitors_are_sent_to_sign_in(client, suggestion):
    response = client.post(review_path(suggestion, "accept"), data={})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/sign-in")


def test_admins_decide_too(make, suggestion):
    decline_suggestion(suggestion, make.user(role=Role.ADMIN), "Out of scope.")
    assert suggestion.status is SuggestionStatus.DECLINED


def test_unknown_suggestions_and_those_on_hidden_questions_are_404(
    app, question, suggestion, reviewer
):
    client = app.test_client(user=reviewer)
    assert client.get("/review/suggestions/424242").status_code == 404
    question.status = QuestionStatus.HIDDEN
    db.session.commit()
    assert client.get(review_path(suggestion)).status_code == 404
    assert client.post(review_path(suggestion, "accept"), data={}).status_code == 404


# The log and the reader


def test_each_decision_is_logged_with_the_proposer_as_its_subject(
    make, question, published, reader, reviewer
):
    accepted = suggest(question, reader)
    draft = accept_suggestion(accepted, reviewer)
    db.session.commit()
    declined = suggest(question, reader, reason="Another point about the same summary.")
    decline_suggestion(declined, reviewer, "Not what the guideline says.")
    db.session.commit()
    first, second = log_entries()
    assert (first.action, first.target_type, first.target_id) == (
        "suggestion_accepted",
        "summary_suggestion",
        accepted.id,
    )
    assert first.actor_id == reviewer.id and first.subject_user_id == reader.id
    assert first.before["status"] == "open" and first.after["status"] == "accepted"
    assert first.before["draft_revision_id"] is None
    assert first.after["draft_revision_id"] == draft.id
    assert (second.action, second.target_id) == ("suggestion_declined", declined.id)
    assert second.reason == "Not what the guideline says."
    assert second.after["status"] == "declined"
    # The log outlives the reader's account: none of their words are in it.
    logged = json.dumps([entry.before for entry in (first, second)] + [first.after, second.after])
    for words in (PROPOSAL.reason, PROPOSAL.body, "Another point", reader.display_name):
        assert words not in logged


@pytest.mark.parametrize(
    ("action", "data", "words"),
    [
        ("accept", {}, "took your suggested correction"),
        ("decline", {"decline-note": "Not supported."}, "did not take it up"),
    ],
)
def test_the_reader_is_told_what_became_of_their_suggestion(
    app, make, question, suggestion, reader, reviewer, action, data, words
):
    bystander = make.user()
    response = app.test_client(user=reviewer).post(review_path(suggestion, action), data=data)
    assert response.status_code == 302
    [notification] = notifications_of(reader)
    assert notification.kind is NotificationKind.SUGGESTION_DECIDED
    assert words in notification.message and question.title in notification.message
    assert notification.link == f"/account/suggestions#suggestion-{suggestion.id}"
    assert notifications_of(bystander) == [] and notifications_of(reviewer) == []


def test_a_reader_who_left_is_not_told(app, suggestion, reader, reviewer):
    db.session.delete(reader)
    db.session.commit()
    response = app.test_client(user=reviewer).post(
        review_path(suggestion, "decline"), data={"decline-note": "Not supported."}
    )
    assert response.status_code == 302
    assert db.session.scalars(select(Notification)).all() == []


# What the reviewer reads


def test_the_review_page_shows_the_reason_the_source_and_the_changes(app, suggestion, reviewer):
    response = app.test_client(user=reviewer).get(review_path(suggestion))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert html.escape(PROPOSAL.reason) in page
    assert PROPOSAL.source_title in page
    assert f'<a href="{PROPOSAL.source_url}" rel="nofollow noopener ugc">' in page
    assert "CarefulReader" in page
    assert "Changes from published version 1, which the reader read" in page
    assert str(diff_html(PUBLISHED_SHORT_ANSWER, PROPOSAL.short_answer)) in page
    assert str(diff_html(PUBLISHED_BODY, PROPOSAL.body)) in page
    assert "published again since" not in page
    assert page.count("<h1") == 1 and '<meta name="robots" content="noindex">' in page


def test_the_review_page_says_when_the_summary_was_published_since(
    app, make, question, suggestion, reviewer
):
    make.published_summary(question, short_answer="A newer short answer.", body=PUBLISHED_BODY)
    page = app.test_client(user=reviewer).get(review_path(suggestion)).get_data(as_text=True)
    assert "The summary has been published again since the reader wrote this" in page
    assert "Changes from published version 1, which the reader read" in page
    assert "Changes from the current version 2" in page
    assert str(diff_html("A newer short answer.", PROPOSAL.short_answer)) in page
    assert str(diff_html(PUBLISHED_SHORT_ANSWER, PROPOSAL.short_answer)) in page
    # Two comparisons on one page: their headings keep ids of their own.
    assert 'id="base-diff-1"' in page and 'id="current-diff-1"' in page


def test_a_decided_suggestion_shows_the_decision_and_no_forms(app, suggestion, reviewer):
    draft = accept_suggestion(suggestion, reviewer, "Taken up, thank you.")
    db.session.commit()
    page = app.test_client(user=reviewer).get(review_path(suggestion)).get_data(as_text=True)
    assert "Taken into a new draft" in page and "Taken up, thank you." in page
    assert f'href="/review/revisions/{draft.id}">The draft made from it</a>' in page
    assert review_path(suggestion, "accept") not in page
    assert review_path(suggestion, "decline") not in page
