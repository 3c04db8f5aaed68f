from __future__ import annotations

from forum.questions.models import QuestionStatus


def test_home_lists_conditions_with_member_and_question_counts(client, make):
    condition = make.condition("Stiff Person Syndrome")
    make.membership(make.user(), condition)
    make.membership(make.user(), condition)
    make.question(condition)
    html = client.get("/").get_data(as_text=True)
    assert "Stiff Person Syndrome" in html
    assert "2 members" in html and "1 question" in html
    assert f'href="/conditions/{condition.id}/{condition.slug}"' in html


def test_condition_page_shows_community_size_and_questions(client, make):
    condition = make.condition("Myasthenia Gravis", slug="myasthenia-gravis")
    make.membership(make.user(), condition)
    question = make.question(condition, title="How was it diagnosed?")
    make.answer(question)
    make.answer(question)
    make.question(condition, title="A question taken down", status=QuestionStatus.HIDDEN)

    html = client.get(f"/conditions/{condition.id}/myasthenia-gravis").get_data(as_text=True)

    assert "1 member in the Myasthenia Gravis community" in html.replace("<strong>", "").replace(
        "</strong>", ""
    )
    assert "How was it diagnosed?" in html and "2 people shared" in html
    assert "A question taken down" not in html


def test_condition_urls_redirect_to_the_canonical_one(client, make):
    condition = make.condition(slug="pots")
    for path in (f"/conditions/{condition.id}", f"/conditions/{condition.id}/wrong",
                 "/conditions/pots"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 301, path
        assert response.headers["Location"] == f"/conditions/{condition.id}/pots"


def test_unknown_conditions_are_404_with_a_friendly_page(client):
    for path in ("/conditions/424242", "/conditions/424242/x", "/conditions/no-such-condition"):
        response = client.get(path)
        assert response.status_code == 404
        assert "find that page" in response.get_data(as_text=True)
