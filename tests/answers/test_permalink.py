from __future__ import annotations

from forum.answers.models import AnswerStatus, Visibility


def test_the_permalink_shows_one_answer_in_its_context(client, make):
    condition = make.condition("Stiff Person Syndrome")
    question = make.question(condition, title="How do you manage flares?")
    answer = make.answer(question, make.user(display_name="CalmRiver"), body="Heat packs help me.")
    response = client.get(f"/answers/{answer.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "An answer to “How do you manage flares?”" in html
    assert "CalmRiver" in html and "Heat packs help me." in html
    assert f'href="/questions/{question.id}/{question.slug}#answer-{answer.id}"' in html
    assert f'<link rel="canonical" href="http://localhost/answers/{answer.id}">' in html


def test_answers_that_are_not_published_have_no_permalink(client, make):
    question = make.question()
    for status in (AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.REJECTED,
                   AnswerStatus.DELETED):  # fmt: skip
        answer = make.answer(question, status=status)
        assert client.get(f"/answers/{answer.id}").status_code == 404
    assert client.get("/answers/987654").status_code == 404


def test_a_members_only_permalink_hides_the_text_and_stays_out_of_search(client, make):
    answer = make.answer(make.question(), body="Only for members to read.",
                         visibility=Visibility.MEMBERS)  # fmt: skip
    html = client.get(f"/answers/{answer.id}").get_data(as_text=True)
    assert "Only for members to read." not in html
    assert '<meta name="robots" content="noindex">' in html


def test_an_anonymous_permalink_hides_the_author(client, make):
    condition = make.condition("POTS")
    answer = make.answer(make.question(condition), make.user(display_name="HiddenFern"),
                         is_anonymous=True)  # fmt: skip
    html = client.get(f"/answers/{answer.id}").get_data(as_text=True)
    assert "HiddenFern" not in html
    assert "A member with POTS" in html
