"""Question pages describe themselves in JSON-LD that parses, names the reviewer and the date of
the last review, and holds only answers every reader may see."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from forum.accounts.models import Role
from forum.answers.models import AnswerStatus, Outcome, TreatmentReport, Visibility
from forum.conditions.models import TreatmentKind
from forum.database import db
from forum.discovery.structured_data import json_ld

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def structured_data(html: str) -> dict:
    (block,) = SCRIPT.findall(html)
    return json.loads(block)


@pytest.fixture
def question(make):
    condition = make.condition("Stiff Person Syndrome")
    return make.question(condition, title="What are the primary treatments?", slug="treatments")


def page_of(client, question) -> str:
    return client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)


def test_a_question_page_is_a_reviewed_medical_web_page(client, make, question):
    reviewer = make.reviewer("Dr Ada Quill", credentials="MD", specialty="neurology")
    published = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    make.published_summary(
        question,
        reviewer=reviewer,
        published_at=published,
        short_answer="Muscle relaxants and immune therapies are the usual mainstays.",
    )
    data = structured_data(page_of(client, question))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["url"] == f"http://localhost/questions/{question.id}/treatments"
    assert data["lastReviewed"] == "2026-03-02"
    assert data["reviewedBy"]["@type"] == "Person"
    assert data["reviewedBy"]["name"] == "Dr Ada Quill"
    assert data["reviewedBy"]["honorificSuffix"] == "MD"
    assert data["about"] == {
        "@type": "MedicalCondition",
        "name": "Stiff Person Syndrome",
        "url": f"http://localhost/conditions/{question.condition.id}/{question.condition.slug}",
    }
    assert data["abstract"] == "Muscle relaxants and immune therapies are the usual mainstays."
    assert "medicine and therapy" in data["text"]  # the summary body, as plain text
    assert data["mainEntity"]["@type"] == "Question"
    assert data["mainEntity"]["name"] == "What are the primary treatments?"


def test_answers_are_suggested_answers_with_public_authors_only(client, make, question):
    make.published_summary(question)
    named = make.answer(question, make.user(display_name="QuietOak"), body="Baclofen helped.")
    named.helpful_count = 4
    make.answer(question, make.user(display_name="Hidden Name"), body="Diazepam, at night.",
                is_anonymous=True)  # fmt: skip
    make.answer(question, body="Only for members to read.", visibility=Visibility.MEMBERS)
    for status in (AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.REJECTED,
                   AnswerStatus.DELETED):  # fmt: skip
        make.answer(question, body=f"A {status.value} answer.", status=status)
    moderator = make.user(role=Role.MODERATOR)

    html = page_of(client, question)
    entity = structured_data(html)["mainEntity"]
    answers = entity["suggestedAnswer"]
    assert entity["answerCount"] == 2
    assert {answer["text"] for answer in answers} == {"Baclofen helped.", "Diazepam, at night."}
    authors = {answer["author"]["name"] for answer in answers}
    assert authors == {"QuietOak", "A member with Stiff Person Syndrome"}
    assert all(answer["@type"] == "Answer" for answer in answers)
    assert {answer["upvoteCount"] for answer in answers} == {4, 0}
    block = SCRIPT.search(html).group(1)
    assert "Hidden Name" not in block and "Only for members" not in block

    # Search engines read pages signed out: signed-in pages, which show more, carry no data.
    staff_page = page_of(client.application.test_client(user=moderator), question)
    assert "A pending answer." in staff_page and "Hidden Name" in staff_page
    assert SCRIPT.search(staff_page) is None


def test_without_a_summary_there_is_no_review_to_claim(client, question):
    data = structured_data(page_of(client, question))
    assert "reviewedBy" not in data and "lastReviewed" not in data
    assert data["mainEntity"]["answerCount"] == 0


def test_nothing_in_the_data_can_end_the_script_element(client, make, question):
    hostile = '</script><script>alert("x")</script> & <!-- \u2028'
    make.published_summary(question, short_answer=hostile)
    html = page_of(client, question)
    block = SCRIPT.search(html).group(1)
    assert "<" not in block and ">" not in block and "&" not in block.replace("\\u0026", "")
    assert structured_data(html)["abstract"] == hostile


def test_json_ld_escapes_for_the_script_context():
    markup = str(json_ld({"text": "</script><b>&"}))
    assert markup == (
        '<script type="application/ld+json">{"text":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
        "</script>"
    )


@pytest.fixture
def named_treatments(make, question):
    """Public answers naming Baclofen (a medicine) 4 times, Physiotherapy (a therapy) 3 times,
    Diazepam twice (and more in answers a signed-out reader may not read) and a typed "Secret
    remedy" 3 times."""
    condition = question.condition
    baclofen = make.treatment(condition, "Baclofen", kind=TreatmentKind.MEDICATION)
    physio = make.treatment(condition, "Physiotherapy", kind=TreatmentKind.THERAPY)
    diazepam = make.treatment(condition, "Diazepam", kind=TreatmentKind.MEDICATION)
    make.treatment(condition, "Gabapentin")  # named by nobody
    public = [[baclofen, physio, diazepam], [baclofen, physio, diazepam], [baclofen, physio],
              [baclofen]]  # fmt: skip
    for named in public:
        answer = make.answer(question, treatments=[(t, Outcome.HELPED_A_LOT) for t in named])
        answer.treatment_reports.append(
            TreatmentReport(other_name="Secret remedy", outcome=Outcome.NO_CHANGE, position=9)
        )
        db.session.commit()
    for fields in ({"visibility": Visibility.MEMBERS}, {"status": AnswerStatus.PENDING},
                   {"status": AnswerStatus.HIDDEN}):  # fmt: skip
        make.answer(question, treatments=[(diazepam, Outcome.HELPED_A_LOT)], **fields)
    return baclofen, physio, diazepam


def test_the_question_mentions_treatments_enough_public_answers_name(
    client, make, question, named_treatments
):
    baclofen, physio, _ = named_treatments
    make.published_summary(question)
    html = page_of(client, question)
    condition = question.condition
    base = f"http://localhost/conditions/{condition.id}/treatments"
    assert structured_data(html)["mainEntity"]["mentions"] == [
        {"@type": "Drug", "name": "Baclofen", "url": f"{base}/{baclofen.id}-{baclofen.slug}"},
        {"@type": "MedicalTherapy", "name": "Physiotherapy",
         "url": f"{base}/{physio.id}-{physio.slug}"},
    ]  # fmt: skip
    # Diazepam: two public answers, below the threshold of 3, however many others name it;
    # a typed name may hold anything, so it never goes in, however often it is named.
    block = SCRIPT.search(html).group(1)
    assert "Diazepam" not in block and "Secret remedy" not in block


def test_the_threshold_is_the_configured_one(app, client, question, named_treatments):
    app.config["PAGE_CACHE_ENABLED"] = False  # a setting changed, not what readers may see
    app.config["SMALL_NUMBER_THRESHOLD"] = 2
    names = [
        t["name"] for t in structured_data(page_of(client, question))["mainEntity"]["mentions"]
    ]
    assert names == ["Baclofen", "Physiotherapy", "Diazepam"]
    app.config["SMALL_NUMBER_THRESHOLD"] = 5
    assert "mentions" not in structured_data(page_of(client, question))["mainEntity"]


def test_without_treatments_named_often_enough_nothing_is_mentioned(client, make, question):
    baclofen = make.treatment(question.condition, "Baclofen")
    make.answer(question, treatments=[(baclofen, Outcome.HELPED_A_LOT)])
    assert "mentions" not in structured_data(page_of(client, question))["mainEntity"]


def test_mentions_cost_the_same_queries_however_many_answers(
    app, make, count_queries, question, named_treatments
):
    """One query for the kinds of the condition's treatments, with or without mentions: the
    figures are the page's own."""
    app.config["PAGE_CACHE_ENABLED"] = False
    app.config["FRAGMENT_CACHE_ENABLED"] = False
    quiet = make.question(question.condition)
    make.answer(quiet, treatments=[(named_treatments[0], Outcome.HELPED_A_LOT)])
    for _ in range(40):
        make.answer(question, treatments=[(t, Outcome.NO_CHANGE) for t in named_treatments])
    counts = []
    for asked in (quiet, question):
        with count_queries() as counter:
            html = page_of(app.test_client(), asked)
        counts.append(counter.count)
        assert ("mentions" in structured_data(html)["mainEntity"]) is (asked is question)
    assert counts[0] == counts[1], counts
