"""Two to four answers side by side, rows aligned by treatment."""

from __future__ import annotations

import html as entities

import pytest

from forum.accounts.models import Role
from forum.answers.models import (
    AnswerStatus,
    Outcome,
    TimeSinceDiagnosis,
    TreatmentReport,
    Visibility,
)
from forum.conditions.models import Perspective
from forum.database import db
from tests.comparing.conftest import table_rows


@pytest.fixture
def trio(make):
    condition = make.condition("Rare Thing")
    question = make.question(condition)
    alpha, beta, gamma = (make.treatment(condition, name) for name in ("Alpha", "Beta", "Gamma"))
    first = make.answer(
        question,
        make.user(display_name="Willow"),
        body="Alpha settled things within a month.",
        time_since_diagnosis=TimeSinceDiagnosis.YEARS_3_TO_5,
        treatments=[(gamma, Outcome.NO_CHANGE), (alpha, Outcome.HELPED_A_LOT)],
        helpful_count=4,
    )
    first.treatment_reports[1].side_effects = "drowsiness"
    first.treatment_reports[1].still_using = True
    second = make.answer(
        question,
        make.user(display_name="Secret"),
        body="Beta was rough on me, Alpha less so.",
        perspective=Perspective.CAREGIVER,
        is_anonymous=True,
        treatments=[(alpha, Outcome.HELPED_SOMEWHAT), (beta, Outcome.MADE_IT_WORSE)],
    )
    third = make.answer(
        question,
        make.user(display_name="Oak"),
        body="Private words for members only, please.",
        visibility=Visibility.MEMBERS,
    )
    db.session.commit()
    return question, first, second, third


def compare_path(question, *answers) -> str:
    return f"/questions/{question.id}/compare?" + "&".join(f"a={a.id}" for a in answers)


def test_two_answers_side_by_side_aligned_by_treatment(client, trio):
    question, first, second, _ = trio
    response = client.get(compare_path(question, first, second))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>Comparing 2 answers</h1>" in html
    rows = table_rows(html.replace("<table class=\"compare-table\">",
                                   '<table id="compare">'), "compare")  # fmt: skip
    header, *body = rows
    assert header[1].startswith("Willow Shared")
    assert header[2].startswith("A member with Rare Thing")  # anonymous stays anonymous
    assert "Secret" not in html
    assert body == [
        # Named by both answers first, then in the vocabulary's order.
        ["Alpha", "Helped a lot still using", "Helped somewhat"],
        ["Beta", "Not mentioned", "Made it worse"],
        ["Gamma", "No change", "Not mentioned"],
        ["Perspective", "Patient", "Caregiver"],
        ["Time since diagnosis", "Diagnosed 3 to 5 years ago", "Not said"],
        ["Side effects", "Alpha: drowsiness", "None mentioned"],
        ["Found helpful by", "4 people", "0 people"],
        ["In their words",
         "Alpha settled things within a month. Open this answer on its own page",
         "Beta was rough on me, Alpha less so. Open this answer on its own page"],
    ]  # fmt: skip
    assert '<th scope="col"' in html and '<th scope="row">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_columns_follow_the_order_of_the_link(app, make, trio):
    question, first, second, third = trio
    member = app.test_client(user=make.user())  # the third is shared with members only
    html = member.get(compare_path(question, third, first, second, first)).get_data(as_text=True)
    assert "<h1>Comparing 3 answers</h1>" in html  # the repeated id counts once
    assert html.index("Oak") < html.index("Willow") < html.index("A member with Rare Thing")


def test_members_only_answers_stay_with_confirmed_members(app, make, trio):
    """Not their text, and not their author, treatments or outcomes either."""
    question, first, _, third = trio
    third.treatment_reports.append(
        TreatmentReport(other_name="Secret tonic", outcome=Outcome.MADE_IT_WORSE, position=0)
    )
    db.session.commit()
    path = compare_path(question, first, third)
    unconfirmed = make.user(email_verified_at=None)
    for client in (app.test_client(), app.test_client(user=unconfirmed)):
        response = client.get(path)
        page = response.get_data(as_text=True)
        assert response.status_code == 403
        assert "signed-in members only" in page
        for private in ("Private words", "Oak", "Secret tonic", "Made it worse"):
            assert private not in page
    signed_in = app.test_client(user=make.user()).get(path).get_data(as_text=True)
    assert "Private words for members only" in signed_in and "Secret tonic" in signed_in


@pytest.mark.parametrize(
    "query, status, message",
    [
        ("", 400, "Please tick “Compare” on at least 2 answers"),
        ("a={first}", 400, "at least 2 answers"),
        ("a={first}&a={first}", 400, "at least 2 answers"),
        ("a={first}&a=x", 400, "That link to a comparison is damaged"),
        ("a={first}&a=1{first}{first}{first}{first}{first}{first}{first}{first}{first}{first}"
         "{first}{first}", 400, "damaged"),
        ("a=1&a=2&a=3&a=4&a=5", 400, "You can compare up to 4 answers at a time; you picked 5."),
        ("a={first}&a=999999", 404, "no longer available"),
    ],
)  # fmt: skip
def test_wrong_selections_get_a_page_that_explains(client, trio, query, status, message):
    question, first, *_ = trio
    response = client.get(f"/questions/{question.id}/compare?" + query.format(first=first.id))
    assert response.status_code == status
    html = entities.unescape(response.get_data(as_text=True))
    assert "<h1>These answers can't be compared</h1>" in html
    assert message in html
    assert "Choose answers to compare" in html


def test_answers_of_another_question_cannot_be_compared_here(client, make, trio):
    question, first, *_ = trio
    elsewhere = make.answer(make.question(question.condition))
    assert client.get(compare_path(question, first, elsewhere)).status_code == 404


@pytest.mark.parametrize("status", [AnswerStatus.HIDDEN, AnswerStatus.PENDING,
                                    AnswerStatus.DELETED])  # fmt: skip
def test_answers_the_reader_may_not_see_are_not_shown(app, make, trio, status):
    question, first, *_ = trio
    unseen = make.answer(question, body="Not for every reader to see, this one.", status=status)
    response = app.test_client().get(compare_path(question, first, unseen))
    assert response.status_code == 404
    assert "Not for every reader" not in response.get_data(as_text=True)
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    assert moderator.get(compare_path(question, first, unseen)).status_code == 200
    author = app.test_client(user=unseen.author)  # authors see their own, as on its own page
    assert author.get(compare_path(question, first, unseen)).status_code == 200


def test_unknown_or_hidden_questions_are_404(client, make, trio):
    from forum.questions.models import QuestionStatus

    _, first, second, _ = trio
    hidden = make.question(status=QuestionStatus.HIDDEN)
    assert client.get(f"/questions/999999/compare?a={first.id}&a={second.id}").status_code == 404
    assert client.get(compare_path(hidden, first, second)).status_code == 404


def test_the_question_page_offers_a_get_form_and_a_tick_on_each_answer(client, trio):
    question, first, second, _ = trio
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert (
        f'<form id="compare-form" class="compare-bar" method="get" '
        f'action="/questions/{question.id}/compare">'
    ) in html
    for answer in (first, second):
        assert (
            f'<input type="checkbox" id="compare-{answer.id}" name="a" value="{answer.id}" '
            'form="compare-form">'
        ) in html
    assert 'Compare<span class="visually-hidden"> the answer by Willow</span>' in html
    assert "the answer by a member with Rare Thing" in html
    assert html.count("Compare selected answers") == 2


def test_the_compare_page_costs_the_same_for_two_and_four_answers(client, make, count_queries):
    condition = make.condition()
    treatments = [make.treatment(condition) for _ in range(8)]
    question = make.question(condition)
    answers = [
        make.answer(question, treatments=[(t, Outcome.NO_CHANGE) for t in treatments[n:]])
        for n in range(4)
    ]
    counts = []
    for chosen in (answers[:2], answers):
        path = compare_path(question, *chosen)
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1] <= 4, counts
