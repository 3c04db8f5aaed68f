"""The editing and decision pages: who reaches them, what they do, and how errors look."""

from __future__ import annotations

import pytest

from forum.accounts.models import Role
from forum.database import db
from forum.summaries import services
from forum.summaries.models import ReviewerProfile, RevisionStatus, SummaryRevision
from tests.summaries.helpers import client_as, published, submitted, write_draft

NOINDEX = '<meta name="robots" content="noindex">'


def form_data(**overrides) -> dict:
    data = {
        "short_answer": "Baclofen and diazepam are the usual first treatments.",
        "body": "Most people start with **baclofen**.",
        "key_points": "Start low\nGo slow",
        "change_note": "First draft.",
        "references-0-title": "A guide for patients",
        "references-0-url": "https://example.org/guide",
        "references-0-publisher": "Example Clinic",
        "references-0-year": "2025",
        "references-1-title": "",
        "references-1-url": "",
        "references-1-publisher": "",
        "references-1-year": "",
    }
    return data | overrides


def test_signed_out_visitors_must_sign_in_to_edit(client, question):
    assert (
        client.get(f"/review/questions/{question.id}/summary")
        .headers["Location"]
        .startswith("/auth/sign-in")
    )


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_cannot_edit_summaries(app, make, question, role):
    client = app.test_client(user=make.user(role=role))
    url = f"/review/questions/{question.id}/summary"
    assert client.get(url).status_code == 403
    assert client.post(url, data=form_data()).status_code == 403


def test_the_edit_page_has_labelled_fields_and_is_kept_out_of_search(app, question, writer):
    html = (
        app.test_client(user=writer)
        .get(f"/review/questions/{question.id}/summary")
        .get_data(as_text=True)
    )
    assert NOINDEX in html
    assert html.count("<h1>") == 1
    for field_id in ("short_answer", "body", "key_points", "references-0-title",
                     "references-1-url", "change_note"):  # fmt: skip
        assert f'<label for="{field_id}">' in html, field_id
    assert "<legend>Reference 1</legend>" in html


def test_saving_the_form_makes_a_draft_and_the_question_page_is_unchanged(
    app, make, question, writer
):
    make.published_summary(question, short_answer="The published short answer.")
    client = app.test_client(user=writer)
    response = client.post(f"/review/questions/{question.id}/summary", data=form_data())
    assert response.status_code in (302, 303)
    draft = question.summary.revisions[-1]
    db.session.refresh(draft)
    assert response.headers["Location"] == f"/review/revisions/{draft.id}"
    assert draft.status is RevisionStatus.DRAFT
    assert [(r.title, r.year) for r in draft.references] == [("A guide for patients", 2025)]
    page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "The published short answer." in page
    assert "Baclofen and diazepam" not in page


def test_form_errors_show_the_form_again_with_what_was_typed(app, question, writer):
    client = app.test_client(user=writer)
    response = client.post(
        f"/review/questions/{question.id}/summary",
        data=form_data(**{"references-0-year": "last year", "body": "My **typed** body."}),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Not a valid integer value." in html
    assert "My **typed** body.</textarea>" in html
    assert 'value="last year"' in html
    assert question.summary is None


def test_a_rule_the_service_enforces_is_flashed_over_the_typed_form(app, question, writer):
    client = app.test_client(user=writer)
    three = "One sentence. Another sentence. A third sentence."
    response = client.post(
        f"/review/questions/{question.id}/summary",
        data=form_data(short_answer=three, **{"references-0-url": "javascript:alert(1)"}),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "one or two sentences" in html
    assert f"{three}</textarea>" in html


def test_another_reviewers_draft_is_shown_not_edited(app, make, question, writer):
    draft = write_draft(question, writer)
    response = client_as(app, make.reviewer()).get(f"/review/questions/{question.id}/summary")
    assert response.headers["Location"] == f"/review/revisions/{draft.id}"


def test_the_writer_submits_and_another_reviewer_publishes_over_http(
    app, make, question, writer, reviewer
):
    draft = write_draft(question, writer)
    writer_client = client_as(app, writer)
    page = writer_client.get(f"/review/revisions/{draft.id}").get_data(as_text=True)
    assert "Submit for review" in page and "Sign off and publish" not in page
    assert NOINDEX in page
    response = writer_client.post(f"/review/revisions/{draft.id}/submit")
    assert response.status_code in (302, 303)

    reviewer_client = client_as(app, reviewer)
    page = reviewer_client.get(f"/review/revisions/{draft.id}").get_data(as_text=True)
    assert "Sign off and publish" in page and "Return with comments" in page
    assert "[added: </span>" in page  # a first version: everything is new
    response = reviewer_client.post(
        f"/review/revisions/{draft.id}/publish",
        data={"publish-change_note": "First reviewed version.", "publish-next_review_due": ""},
    )
    assert response.headers["Location"] == f"/questions/{question.id}/{question.slug}"
    db.session.refresh(draft)
    assert draft.status is RevisionStatus.PUBLISHED and draft.reviewer_id == reviewer.id


def test_the_writer_is_told_why_they_cannot_publish_their_own_draft(app, question, writer):
    draft = submitted(question, writer)
    response = app.test_client(user=writer).post(
        f"/review/revisions/{draft.id}/publish",
        data={"publish-change_note": "I checked it myself."},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "another reviewer needs to publish it" in html
    assert "I checked it myself.</textarea>" not in html  # the form is only for other reviewers
    db.session.refresh(draft)
    assert draft.status is RevisionStatus.IN_REVIEW


def test_a_reviewer_returns_a_draft_over_http(app, question, writer, reviewer):
    draft = submitted(question, writer)
    client = app.test_client(user=reviewer)
    response = client.post(f"/review/revisions/{draft.id}/return", data={"return-comments": ""})
    assert response.status_code == 200
    assert "Please tell the writer what to change." in response.get_data(as_text=True)
    response = client.post(
        f"/review/revisions/{draft.id}/return", data={"return-comments": "Add the dose range."}
    )
    assert response.status_code in (302, 303)
    db.session.refresh(draft)
    assert draft.status is RevisionStatus.RETURNED
    assert draft.review_comments == "Add the dose range."


def test_the_writer_sees_the_comments_when_editing_a_returned_draft(app, question, writer):
    draft = submitted(question, writer)
    draft.status = RevisionStatus.RETURNED
    draft.review_comments = "Add the dose range."
    db.session.commit()
    html = (
        app.test_client(user=writer)
        .get(f"/review/questions/{question.id}/summary")
        .get_data(as_text=True)
    )
    assert "The reviewer's comments" in html
    assert "Add the dose range." in html
    assert services.working_revision(question).id == draft.id


def test_a_draft_can_be_discarded_by_its_writer(app, question, writer):
    draft_id = write_draft(question, writer).id
    response = app.test_client(user=writer).post(f"/review/revisions/{draft_id}/discard")
    assert response.headers["Location"] == "/review/"
    db.session.expire_all()
    assert db.session.get(SummaryRevision, draft_id) is None


def test_unknown_revisions_are_404(app, make):
    client = app.test_client(user=make.reviewer())
    assert client.get("/review/revisions/424242").status_code == 404
    assert client.post("/review/revisions/424242/publish").status_code == 404


def test_a_published_revision_page_offers_no_actions(app, make, question, writer, reviewer):
    revision = published(question, writer, reviewer)
    html = (
        client_as(app, make.reviewer())
        .get(f"/review/revisions/{revision.id}")
        .get_data(as_text=True)
    )
    assert "What you can do" not in html
    assert "Published" in html


@pytest.mark.parametrize(("role", "shown"), [(Role.MEMBER, False), (Role.REVIEWER, True)])
def test_the_site_nav_links_reviewers_to_their_dashboard(app, make, role, shown):
    html = app.test_client(user=make.user(role=role)).get("/").get_data(as_text=True)
    assert ('href="/review/">Review dashboard</a>' in html) is shown


def test_a_reviewer_without_a_verified_profile_is_not_offered_the_publish_form(
    app, make, question, writer, reviewer
):
    draft = submitted(question, writer)
    unverified = make.user(role=Role.REVIEWER)
    db.session.add(ReviewerProfile(user=unverified, full_name="Dr New", credentials="MD"))
    db.session.commit()
    page = client_as(app, unverified).get(f"/review/revisions/{draft.id}").get_data(as_text=True)
    assert "Sign off and publish" not in page and "Return with comments" in page
    assert "waiting for an admin to verify it" in page
    assert "It can be published by" in page
