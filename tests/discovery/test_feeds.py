"""Atom feeds of a condition and of a question parse as XML and carry public content only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from forum.answers.models import AnswerStatus, Visibility
from forum.database import db
from forum.questions.models import QuestionStatus

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def feed_of(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200
    assert response.content_type == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.data)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:id", "a:title", "a:updated"):
        assert root.findtext(required, namespaces=ATOM)
    return root


def entries(root: ET.Element) -> list[dict]:
    return [
        {
            "title": entry.findtext("a:title", namespaces=ATOM),
            "link": entry.find("a:link", ATOM).get("href"),
            "author": entry.findtext("a:author/a:name", namespaces=ATOM),
            "content": entry.findtext("a:content", namespaces=ATOM) or "",
        }
        for entry in root.findall("a:entry", ATOM)
    ]


@pytest.fixture
def question(make):
    condition = make.condition("Lupus", slug="lupus")
    return make.question(condition, title="What helps with joint pain?", slug="joint-pain")


@pytest.fixture
def answers(make, question):
    public = make.answer(question, make.user(display_name="Sunfern"), body="Warm baths help.")
    anonymous = make.answer(
        question, make.user(display_name="Secret Name"), body="Pacing my day.", is_anonymous=True
    )
    make.answer(question, body="Members-only words.", visibility=Visibility.MEMBERS)
    for status in (AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.REJECTED,
                   AnswerStatus.DELETED):  # fmt: skip
        make.answer(question, body=f"A {status.value} answer.", status=status)
    return public, anonymous


def test_a_question_feed_holds_its_public_answers_only(client, question, answers):
    public, anonymous = answers
    root = feed_of(client, f"/questions/{question.id}/joint-pain/feed.xml")
    found = entries(root)
    assert {entry["link"] for entry in found} == {
        f"http://localhost/answers/{public.id}",
        f"http://localhost/answers/{anonymous.id}",
    }
    assert {entry["author"] for entry in found} == {"Sunfern", "A member with Lupus"}
    text = ET.tostring(root, encoding="unicode")
    assert "Secret Name" not in text and "Members-only" not in text
    assert "pending answer" not in text and "deleted answer" not in text
    assert "<p>Warm baths help.</p>" in {entry["content"].strip() for entry in found}


def test_a_condition_feed_holds_new_questions_and_public_answers(client, make, question, answers):
    make.question(question.condition, title="A hidden question", status=QuestionStatus.HIDDEN)
    root = feed_of(client, f"/conditions/{question.condition.id}/lupus/feed.xml")
    titles = [entry["title"] for entry in entries(root)]
    assert "New question: What helps with joint pain?" in titles
    assert "Sunfern answered “What helps with joint pain?”" in titles
    assert len(titles) == 3
    assert "hidden question" not in ET.tostring(root, encoding="unicode")


def test_answers_on_a_hidden_question_leave_the_condition_feed(client, make, question, answers):
    question.status = QuestionStatus.HIDDEN
    db.session.commit()
    root = feed_of(client, f"/conditions/{question.condition.id}/lupus/feed.xml")
    assert entries(root) == []
    assert client.get(f"/questions/{question.id}/joint-pain/feed.xml").status_code == 404


def test_markup_in_titles_and_content_stays_text(client, make):
    question = make.question(title="Does <b>heat</b> & cold help?", slug="heat")
    make.answer(question, body="<script>alert(1)</script> **Heat** helped.")
    root = feed_of(client, f"/questions/{question.id}/heat/feed.xml")
    (entry,) = entries(root)
    assert entry["title"].endswith("answered “Does <b>heat</b> & cold help?”")
    assert "<script>" not in entry["content"] and "&lt;script&gt;" in entry["content"]


def test_feeds_have_canonical_addresses_and_are_linked_from_their_pages(client, question):
    condition = question.condition
    wrong = client.get(f"/questions/{question.id}/old-slug/feed.xml")
    assert wrong.status_code == 301
    assert wrong.headers["Location"].endswith(f"/questions/{question.id}/joint-pain/feed.xml")
    assert client.get(f"/conditions/{condition.id}/old/feed.xml").status_code == 301
    assert client.get("/conditions/999/x/feed.xml").status_code == 404

    page = client.get(f"/questions/{question.id}/joint-pain").get_data(as_text=True)
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="New answers to this question" '
        f'href="/questions/{question.id}/joint-pain/feed.xml">'
    ) in page
    page = client.get(f"/conditions/{condition.id}/lupus").get_data(as_text=True)
    assert 'type="application/atom+xml" title="Lupus: new questions and answers" ' in page


def test_a_feed_costs_a_fixed_number_of_queries(client, make, question, count_queries):
    path = f"/conditions/{question.condition.id}/lupus/feed.xml"
    make.answer(question, body="The first answer.")
    with count_queries() as few:
        client.get(path)
    for n in range(12):
        make.answer(make.question(question.condition), body=f"Answer {n}.")
    with count_queries() as many:
        client.get(path)
    assert many.count == few.count <= 5
