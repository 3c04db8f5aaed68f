"""The page that matters most: anatomy, canonical URLs and a bounded query count."""

from __future__ import annotations

import pytest

from forum.accounts.models import Role
from forum.answers.models import (
    AnswerStatus,
    HelpfulVote,
    Month,
    Outcome,
    ReportedSideEffect,
    Severity,
    StopReason,
    TimeSinceDiagnosis,
    TreatmentReport,
    Visibility,
)
from forum.conditions.models import Perspective
from forum.database import db


def assert_in_order(html: str, *fragments: str) -> None:
    """Each fragment appears after the one before it."""
    at = 0
    for fragment in fragments:
        found = html.find(fragment, at)
        assert found != -1, f"{fragment!r} is missing, or comes too early"
        at = found + len(fragment)


def test_question_page_shows_its_anatomy_in_order(client, make):
    condition = make.condition("Stiff Person Syndrome", slug="stiff-person-syndrome")
    question = make.question(condition, title="What are the primary treatments?", slug="treatments")
    make.published_summary(
        question,
        reviewer=make.reviewer("Dr Ada Quill", credentials="MD", specialty="neurology"),
        short_answer="Muscle relaxants and immune therapies are the usual mainstays.",
    )
    baclofen = make.treatment(condition, "Baclofen")
    make.answer(
        question,
        make.user(display_name="QuietOak"),
        body="Baclofen took the edge off the **spasms** within weeks.",
        perspective=Perspective.CAREGIVER,
        time_since_diagnosis=TimeSinceDiagnosis.YEARS_3_TO_5,
        treatments=[(baclofen, Outcome.HELPED_SOMEWHAT)],
    )

    html = client.get(f"/questions/{question.id}/treatments").get_data(as_text=True)

    assert_in_order(
        html,
        'aria-label="Breadcrumb"', ">Home<", ">Stiff Person Syndrome<",
        "<h1>What are the primary treatments?</h1>",
        "Short answer", "Muscle relaxants and immune therapies are the usual mainstays.",
        "Medically reviewed summary", "<strong>medicine</strong>",
        "An overview for patients",
        "Medically reviewed by", "Dr Ada Quill, MD, neurology", "Last updated",
        "Revision history", "Report a problem with this summary",
        "Educational only, not medical advice",
        "1 person with Stiff Person Syndrome", "has shared their first-person experience",
        "QuietOak", "Caregiver", "Diagnosed 3 to 5 years ago",
        "Baclofen", "Helped somewhat", "<strong>spasms</strong>",
        "found this helpful", "Link to this answer",
    )  # fmt: skip


def test_last_updated_is_the_latest_published_revision(client, make):
    question = make.question()
    make.published_summary(question, short_answer="The first version.")
    make.published_summary(question, short_answer="The second version.")
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "The second version." in html
    assert "The first version." not in html


def test_a_question_without_a_published_summary_says_so_and_stays_out_of_search(client, make):
    question = make.question()
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "is being prepared" in html
    assert '<meta name="robots" content="noindex">' in html


def test_only_published_answers_are_shown(client, make):
    question = make.question()
    make.answer(question, body="This one is published and readable by all.")
    for status in (AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.REJECTED,
                   AnswerStatus.DELETED):  # fmt: skip
        make.answer(
            question, body=f"This answer is {status.value} and must not show.", status=status
        )
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "published and readable by all" in html
    assert "must not show" not in html


def test_anonymous_answers_hide_their_author(client, make):
    condition = make.condition("Myasthenia Gravis")
    question = make.question(condition)
    make.answer(question, make.user(display_name="SecretWillow"), is_anonymous=True)
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "A member with Myasthenia Gravis" in html
    assert "SecretWillow" not in html


def test_members_only_text_is_not_sent_to_signed_out_readers(client, make):
    question = make.question()
    make.answer(question, body="Private words for members only, please.",
                visibility=Visibility.MEMBERS)  # fmt: skip
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "Private words" not in html
    assert "signed-in members only" in html


def test_members_only_text_reaches_signed_in_members(app, make):
    question = make.question()
    make.answer(question, body="Private words for members only, please.",
                visibility=Visibility.MEMBERS)  # fmt: skip
    client = app.test_client(user=make.user())
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "Private words" in html


def test_a_wrong_or_missing_slug_redirects_to_the_canonical_url(client, make):
    question = make.question(slug="what-helps")
    for path in (f"/questions/{question.id}", f"/questions/{question.id}/old-title"):
        response = client.get(path)
        assert response.status_code == 301
        assert response.headers["Location"] == f"/questions/{question.id}/what-helps"


def test_the_page_names_its_canonical_url(client, make):
    question = make.question(slug="what-helps")
    html = client.get(f"/questions/{question.id}/what-helps").get_data(as_text=True)
    assert (
        f'<link rel="canonical" href="http://localhost/questions/{question.id}/what-helps">' in html
    )


def test_unknown_and_hidden_questions_are_404(client, make):
    from forum.questions.models import QuestionStatus

    hidden = make.question(status=QuestionStatus.HIDDEN)
    assert client.get("/questions/999999/anything").status_code == 404
    assert client.get(f"/questions/{hidden.id}/{hidden.slug}").status_code == 404


@pytest.fixture
def question_sizes(make):
    """Two questions of one condition with 30 treatments: 3 answers, and 200 answers that name
    five treatments each (some typed as "other", some with side effects), with a few states a
    moderator sees, helpful votes spread over them and a reviewer's note under every fourth."""
    condition = make.condition()
    reviewers = [make.reviewer("Dr Ada Example"), make.reviewer("Dr Ben Example")]
    treatments = [make.treatment(condition) for _ in range(30)]
    side_effects = [make.side_effect(condition) for _ in range(4)]
    outcomes = list(Outcome)
    voter = make.user()
    make.membership(voter, condition)

    def question_with(answer_count: int):
        question = make.question(condition)
        make.published_summary(question)
        for n in range(answer_count):
            chosen = [treatments[(n + i * 7) % 30] for i in range(4)]
            answer = make.answer(
                question,
                is_anonymous=n % 7 == 0,
                status=AnswerStatus.HIDDEN if n % 50 == 49 else AnswerStatus.PUBLISHED,
                time_since_diagnosis=list(TimeSinceDiagnosis)[n % 6],
                treatments=[(t, outcomes[(n + i) % 4]) for i, t in enumerate(chosen)],
            )
            answer.treatment_reports.append(
                TreatmentReport(other_name=f"Remedy {n % 3}", outcome=outcomes[n % 4],
                                side_effects="a dry mouth" if n % 2 else "", position=9,
                                started_in=Month(2024, 1 + n % 12).number,
                                stop_reason=StopReason.SIDE_EFFECTS if n % 2 else None,
                                side_effect_reports=[
                                    ReportedSideEffect(side_effect=effect, severity=Severity.MILD)
                                    for effect in side_effects[: n % 4]
                                ])
            )  # fmt: skip
            if n % 3 == 0:
                db.session.add(HelpfulVote(user_id=voter.id, answer_id=answer.id))
            db.session.commit()
            if n % 4 == 1:
                make.reviewer_note(answer, reviewers[n % 2])
        return question

    return voter, question_with(3), question_with(200)


VIEWS = [
    "",
    "?sort=newest&outcome=helped_a_lot",
    "?sort=oldest&treatment=other&perspective=patient",
]


def test_query_count_does_not_grow_with_answers(app, make, count_queries, question_sizes):
    """The plain page, a sorted and filtered one, and the last of seven pages each cost the same
    for 3 answers as for 200 with 30 treatments and 50 reviewer notes, for a signed-out reader,
    a member, a moderator and a reviewer (one community built for the four)."""
    voter, small, large = question_sizes
    # The worst case: nothing kept from an earlier page (see the test below for kept parts).
    app.config["FRAGMENT_CACHE_ENABLED"] = False
    viewers = {
        "reader": app.test_client(),
        "member": app.test_client(user=voter),
        "moderator": app.test_client(user=make.user(role=Role.MODERATOR)),
        "reviewer": app.test_client(user=make.reviewer("Dr Cy Example")),
    }
    for viewer, client in viewers.items():
        for view in VIEWS:
            paths = [
                f"/questions/{question.id}/{question.slug}{view}" for question in (small, large)
            ]
            paths.append(paths[1] + ("&" if view else "?") + "page=7")
            counts = []
            for path in paths:
                with count_queries() as counter:
                    response = client.get(path)
                assert response.status_code == 200
                counts.append(counter.count)
            assert counts[0] == counts[1] == counts[2], (viewer, view, counts)
            assert counts[1] <= 10, (viewer, view, counts)
        html = client.get(paths[1].split("?")[0]).get_data(as_text=True)
        assert html.count('<article class="answer ') == 30, viewer
        assert "Medical reviewer's note" in html, viewer  # the notes were loaded, and drawn
        total = 200 if viewer == "moderator" else 196  # four of the 200 are hidden
        assert f"Showing 1–30 of {total} answers" in html, viewer
