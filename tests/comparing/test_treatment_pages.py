"""A condition's treatments page, and one page per treatment with the answers that name it."""

from __future__ import annotations

import re

import pytest

from forum.answers.models import Outcome
from tests.comparing.conftest import table_rows


def treatments_path(condition) -> str:
    return f"/conditions/{condition.id}/{condition.slug}/treatments"


def treatment_path(treatment) -> str:
    return f"/conditions/{treatment.condition_id}/treatments/{treatment.id}-{treatment.slug}"


def mentioned(html: str) -> list[str]:
    """Which answers the treatment page lists, by their permalinks, in order."""
    return re.findall(r'<a href="/answers/(\d+)">Read this answer', html)


def test_the_condition_page_leads_to_its_treatments(client, community):
    condition = community.condition
    html = client.get(f"/conditions/{condition.id}/{condition.slug}").get_data(as_text=True)
    assert f'href="{treatments_path(condition)}"' in html


def test_the_treatments_page_counts_across_every_visible_question(client, community):
    response = client.get(treatments_path(community.condition))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>Treatments for Rare Thing: what members report</h1>" in html
    rows = table_rows(html, "condition-report-table")
    assert rows[0][:2] == ["Treatment", "Answers that name it"]
    # a1-a4 and a10 (q2); not a5 (members-only, signed out), a6-a9 or a11 (hidden question).
    # Withheld beside "fewer than 3" (5 - 4 = 1) and beside question q's 4 (5 - 4 = q2's one),
    # so Alpha comes last.
    assert rows[3] == ["Alpha", "not shown", "not shown", "fewer than 3", "0", "0"]
    for treatment in (community.alpha, community.beta, community.gamma):
        assert f'href="{treatment_path(treatment)}"' in html  # the whole vocabulary


def test_a_wrong_slug_redirects_and_an_unknown_condition_is_404(client, community):
    condition = community.condition
    response = client.get(f"/conditions/{condition.id}/old-name/treatments")
    assert response.status_code == 301
    assert response.headers["Location"] == treatments_path(condition)
    assert client.get("/conditions/999999/anything/treatments").status_code == 404


def test_a_treatment_page_lists_the_answers_that_name_it_with_their_outcome(client, community):
    alpha = community.alpha
    response = client.get(treatment_path(alpha))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>Alpha for Rare Thing</h1>" in html
    answers = community.answers
    # Newest first: a1 is a day old, a10 ten days; a5 is for members, a6, a7 and a11 unpublished
    # or on a hidden question.
    expected = [answers[name].id for name in ("a1", "a2", "a3", "a4", "a10")]
    assert mentioned(html) == [str(answer_id) for answer_id in expected]
    assert html.count('<span class="badge badge--helped-a-lot">Helped a lot</span>') == 4
    assert html.count('<span class="badge badge--helped-somewhat">Helped somewhat</span>') == 1
    assert "Side effects: Nausea" in html
    assert "Showing 1–5 of 5 answers, newest first." in html
    # The condition page's row: see test_the_treatments_page_counts_across_every_visible_question.
    assert table_rows(html, "treatment-report-table")[1] == [
        "Alpha", "not shown", "not shown", "fewer than 3", "0", "0",
    ]  # fmt: skip


def test_signed_in_readers_also_see_members_only_answers_there(app, make, community):
    html = app.test_client(user=make.user()).get(treatment_path(community.alpha))
    assert str(community.answers["a5"].id) in mentioned(html.get_data(as_text=True))


def test_treatment_pages_come_in_pages(app, client, community):
    app.config["TREATMENT_ANSWERS_PER_PAGE"] = 2
    path = treatment_path(community.alpha)
    first = client.get(path).get_data(as_text=True)
    assert len(mentioned(first)) == 2
    assert "Showing 1–2 of 5 answers" in first
    assert "noindex" not in first
    third = client.get(path + "?page=3").get_data(as_text=True)
    assert mentioned(third) == [str(community.answers["a10"].id)]
    assert '<meta name="robots" content="noindex">' in third
    assert client.get(path + "?page=x").status_code == 200  # said, and the first page shown


def test_treatment_addresses(client, make, community):
    alpha = community.alpha
    for path in (
        f"/conditions/{alpha.condition_id}/treatments/{alpha.id}",
        f"/conditions/{alpha.condition_id}/treatments/{alpha.id}-old-name",
    ):
        response = client.get(path)
        assert response.status_code == 301
        assert response.headers["Location"] == treatment_path(alpha)
    other_condition = make.condition()
    assert client.get(f"/conditions/{other_condition.id}/treatments/{alpha.id}").status_code == 404
    assert client.get(f"/conditions/{alpha.condition_id}/treatments/999999").status_code == 404


def test_treatment_names_on_answer_cards_lead_to_their_page(client, community):
    question = community.question
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert (
        f'<span class="treatment-report__name"><a href="{treatment_path(community.alpha)}">' in html
    )


@pytest.mark.parametrize("page", ["", "?page=2"])
def test_a_treatment_page_costs_the_same_for_few_and_many_answers(
    app, client, make, count_queries, page
):
    app.config["TREATMENT_ANSWERS_PER_PAGE"] = 5
    counts = []
    for answer_count in (6, 40):
        condition = make.condition()
        treatment = make.treatment(condition)
        for _ in range(3):
            question = make.question(condition)
            for _answer in range(answer_count // 3):
                make.answer(question, treatments=[(treatment, Outcome.HELPED_SOMEWHAT)])
        path = treatment_path(treatment) + page
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1] <= 5, counts


def test_the_treatments_page_costs_the_same_for_few_and_many_answers(client, make, count_queries):
    counts = []
    for answer_count in (3, 60):
        condition = make.condition()
        treatments = [make.treatment(condition) for _ in range(12)]
        question = make.question(condition)
        for n in range(answer_count):
            chosen = treatments[n % 12 : n % 12 + 3]
            make.answer(question, treatments=[(t, Outcome.NO_CHANGE) for t in chosen])
        path = treatments_path(condition)
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1] <= 3, counts
