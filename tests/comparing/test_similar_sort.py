"""'Most similar to me': a member whose own answer names treatments can sort the others by how
much they have in common with it (3 a shared treatment, 1 the same perspective, 1 the same time
since diagnosis; ties to the most helpful, then the newest), worked out by the database."""

from __future__ import annotations

import html as entities
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest

from forum.accounts.models import Role
from forum.answers.models import (
    AnswerStatus,
    Outcome,
    TimeSinceDiagnosis,
    TreatmentReport,
    Visibility,
)
from forum.answers.services import AnswerDraft, TreatmentEntry, submit_answer
from forum.comparing.listing import NO_SIMILAR
from forum.conditions.models import Perspective
from forum.database import db, utcnow

CARD = re.compile(r'<article class="answer [^"]*" id="answer-(\d+)"')
OPTION = '<option value="similar">Most similar to me</option>'
CHOSEN = '<option value="similar" selected>Most similar to me</option>'
PATIENT, CAREGIVER = Perspective.PATIENT, Perspective.CAREGIVER
ONE_TO_TWO, UNDER_ONE = TimeSinceDiagnosis.YEARS_1_TO_2, TimeSinceDiagnosis.UNDER_1_YEAR
A_LOT = Outcome.HELPED_A_LOT


@dataclass
class Similar:
    question: object
    other_question: object
    reader: object  # a confirmed member whose answer names Alpha, Beta and "Yoga"
    treatments: dict  # name -> Treatment
    names: dict  # answer id -> "s1" …

    @property
    def path(self) -> str:
        return f"/questions/{self.question.id}/{self.question.slug}"

    def order(self, client, query: str = "?sort=similar") -> list[str]:
        response = client.get(self.path + query)
        assert response.status_code == 200, response.headers.get("Location")
        return [self.names[int(n)] for n in CARD.findall(response.get_data(as_text=True))]


@pytest.fixture
def similar(make) -> Similar:
    """The reader ("own") is a patient diagnosed 1-2 years ago who tried Alpha, Beta and Yoga.

           helpful  shared        perspective  diagnosed   treatments             score
    m1     0        3 days ago    patient      1-2 years   Alpha, Beta, "yoga "   11  members only
    s1     0        5 days ago    caregiver    < 1 year    Alpha, Beta             6
    s2     0        6 days ago    patient      1-2 years   Alpha                   5
    s7     2        1 day ago     caregiver    1-2 years   Beta                    4
    s6     2        8 days ago    caregiver    1-2 years   Beta                    4
    s3     0        2 days ago    patient      not said    " YOGA ", Gamma         4
    s4     9        9 days ago    patient      1-2 years   none                    2
    s5     5        4 days ago    caregiver    not said    Gamma                   0
    own    7        7 days ago    patient      1-2 years   Alpha, Beta, "Yoga"     (its own)
    h1     0        1 day ago     patient      1-2 years   Alpha, Beta             hidden
    p1     0        1 day ago     patient      1-2 years   Alpha, Beta             pending
    d1     0        1 day ago     patient      1-2 years   Alpha, Beta             deleted
    """
    condition = make.condition("Rare Thing")
    question = make.question(condition, title="What helped you?", slug="what-helped")
    other_question = make.question(condition, title="What else?", slug="what-else")
    treatments = {name: make.treatment(condition, name) for name in ("Alpha", "Beta", "Gamma")}
    alpha, beta, gamma = treatments.values()
    reader = make.user(display_name="Reader")
    make.membership(reader, condition)
    now = utcnow()
    rows = {
        "own": (7, 7, PATIENT, ONE_TO_TWO, [alpha, beta], ["Yoga"], {"author": reader}),
        "m1": (3, 0, PATIENT, ONE_TO_TWO, [alpha, beta], ["yoga "],
               {"visibility": Visibility.MEMBERS}),
        "s1": (5, 0, CAREGIVER, UNDER_ONE, [alpha, beta], [], {}),
        "s2": (6, 0, PATIENT, ONE_TO_TWO, [alpha], [], {}),
        "s3": (2, 0, PATIENT, None, [gamma], [" YOGA "], {}),
        "s4": (9, 9, PATIENT, ONE_TO_TWO, [], [], {}),
        "s5": (4, 5, CAREGIVER, None, [gamma], [], {}),
        "s6": (8, 2, CAREGIVER, ONE_TO_TWO, [beta], [], {}),
        "s7": (1, 2, CAREGIVER, ONE_TO_TWO, [beta], [], {}),
        "h1": (1, 0, PATIENT, ONE_TO_TWO, [alpha, beta], [], {"status": AnswerStatus.HIDDEN}),
        "p1": (1, 0, PATIENT, ONE_TO_TWO, [alpha, beta], [], {"status": AnswerStatus.PENDING}),
        "d1": (1, 0, PATIENT, ONE_TO_TWO, [alpha, beta], [], {"status": AnswerStatus.DELETED}),
    }  # fmt: skip
    names = {}
    for name, (days, helpful, perspective, diagnosis, named, typed, fields) in rows.items():
        answer = make.answer(
            question,
            fields.pop("author", None),
            body=f"Answer {name}: what happened to me, in enough words.",
            published_at=now - timedelta(days=days),
            helpful_count=helpful,
            perspective=perspective,
            time_since_diagnosis=diagnosis,
            treatments=[(treatment, A_LOT) for treatment in named],
            **fields,
        )
        for position, other_name in enumerate(typed, start=len(named)):
            answer.treatment_reports.append(
                TreatmentReport(other_name=other_name, outcome=A_LOT, position=position)
            )
        db.session.commit()
        names[answer.id] = name
    return Similar(question, other_question, reader, treatments, names)


def test_the_most_similar_answers_come_first(app, similar):
    client = app.test_client(user=similar.reader)
    # The reader's own answer (11 with itself) scores nothing: it goes with those that have
    # nothing in common, by helpful count.
    assert similar.order(client) == ["m1", "s1", "s2", "s7", "s6", "s3", "s4", "own", "s5"]


def test_the_order_is_offered_chosen_and_explained(app, similar):
    client = app.test_client(user=similar.reader)
    assert OPTION in client.get(similar.path).get_data(as_text=True)

    html = entities.unescape(client.get(similar.path + "?sort=similar").get_data(as_text=True))
    assert CHOSEN in html
    assert "Only you see this order." in html
    assert f"<title>{similar.question.title} (most similar to me) · " in html
    assert '<meta name="robots" content="noindex">' in html


def test_cards_show_nothing_more_in_this_order(app, similar):
    """No score, no "you both tried": a card reads as in any other order (only the page a vote
    returns to differs)."""
    client = app.test_client(user=similar.reader)
    similar_page = client.get(similar.path + "?sort=similar").get_data(as_text=True)
    newest_page = client.get(similar.path + "?sort=newest").get_data(as_text=True)
    for answer_id, name in similar.names.items():
        if name in ("h1", "p1", "d1"):
            continue  # not on a member's page at all
        card = card_of(similar_page, answer_id).replace("sort=similar", "sort=newest")
        assert card == card_of(newest_page, answer_id), name


def card_of(html: str, answer_id: int) -> str:
    found = re.search(rf'<article class="answer [^"]*" id="answer-{answer_id}".*?</article>', html,
                      re.DOTALL)  # fmt: skip
    assert found, answer_id
    # A CSRF token is signed with the second it was made; keep only the session's own part.
    return re.sub(r'(name="csrf_token" value="[^".]+)\.[^"]*"', r'\1"', found.group(0))


def test_unconfirmed_members_never_see_members_only_answers_in_this_order(app, similar):
    similar.reader.email_verified_at = None
    db.session.commit()
    client = app.test_client(user=similar.reader)
    assert similar.order(client) == ["s1", "s2", "s7", "s6", "s3", "s4", "own", "s5"]


def test_a_moderator_sees_what_moderators_see_in_this_order(app, make, similar):
    moderator = make.user(role=Role.MODERATOR)
    make.answer(
        similar.other_question,
        moderator,
        perspective=CAREGIVER,
        time_since_diagnosis=UNDER_ONE,
        treatments=[(similar.treatments["Gamma"], A_LOT)],
    )
    client = app.test_client(user=moderator)
    # Gamma, caregiver, under a year: s5 (3 + 1) and s3 (3), s1 (1 + 1), then by helpful count;
    # hidden, pending and deleted answers too, as on every order of a moderator's page.
    assert similar.order(client) == [
        "s5", "s3", "s1", "s7", "s6", "s4", "own", "d1", "p1", "h1", "m1", "s2",
    ]  # fmt: skip


def test_without_a_fitting_answer_here_it_compares_with_the_latest_in_the_condition(
    app, make, similar
):
    """The member's answer to this question names no treatment: their latest answer in the
    condition that does (Gamma, a caregiver, diagnosed under a year ago) is the one compared
    with, not an older one (Alpha), nor one in another condition."""
    condition = similar.question.condition
    member = make.user()
    make.membership(member, condition)
    alpha, _, gamma = similar.treatments.values()
    now = utcnow()
    mine = make.answer(
        similar.question,
        member,
        perspective=PATIENT,
        time_since_diagnosis=ONE_TO_TWO,
        published_at=now - timedelta(days=30),
    )
    make.answer(make.question(condition), member, treatments=[(alpha, A_LOT)],
                published_at=now - timedelta(days=20))  # fmt: skip
    draft = AnswerDraft(
        body="Gamma, since last spring, and it helped a great deal with the stiffness.",
        perspective=CAREGIVER,
        time_since_diagnosis=UNDER_ONE,
        treatments=[TreatmentEntry(outcome=A_LOT, treatment_id=gamma.id)],
    )
    submit_answer(similar.other_question, member, draft)
    db.session.commit()
    other = make.condition()
    make.answer(make.question(other), member, treatments=[(make.treatment(other), A_LOT)])
    similar.names[mine.id] = "mine"

    client = app.test_client(user=member)
    # Their own answer scores nothing: last of those with nothing in common, by helpful count.
    assert similar.order(client) == [
        "s5", "s3", "s1", "s7", "s6", "s4", "own", "m1", "s2", "mine",
    ]  # fmt: skip


@pytest.mark.parametrize("who", ["signed out", "no answer", "no treatment", "other condition"])
def test_without_an_answer_to_compare_with_it_is_the_default_order_and_a_note(
    app, make, similar, who
):
    client = app.test_client()
    if who != "signed out":
        member = make.user()
        client = app.test_client(user=member)
    if who == "no treatment":
        make.answer(similar.other_question, member)
    elif who == "other condition":
        other = make.condition()
        make.answer(make.question(other), member, treatments=[(make.treatment(other), A_LOT)])

    assert OPTION not in client.get(similar.path).get_data(as_text=True)
    response = client.get(similar.path + "?sort=similar&perspective=patient")
    assert response.status_code == 302
    assert response.headers["Location"] == similar.path + "?perspective=patient"
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert NO_SIMILAR in entities.unescape(page.get_data(as_text=True))
    expected = ["s4", "own", "s2", "m1", "s3"]  # the most helpful first; then the earlier
    if who == "signed out":
        expected.remove("m1")  # shared with members only
    assert similar.order(client, "?perspective=patient") == expected


def test_the_page_is_drawn_for_its_reader_alone(app, make, similar):
    """Pages and their parts are kept for readers to share: one member's order must never
    reach another member, nor a signed-out reader."""
    member = make.user()
    make.answer(similar.other_question, member, perspective=CAREGIVER,
                time_since_diagnosis=UNDER_ONE,
                treatments=[(similar.treatments["Gamma"], A_LOT)])  # fmt: skip
    reader, other = app.test_client(user=similar.reader), app.test_client(user=member)
    readers_order = ["m1", "s1", "s2", "s7", "s6", "s3", "s4", "own", "s5"]
    others_order = ["s5", "s3", "s1", "s7", "s6", "s4", "own", "m1", "s2"]
    for _ in range(2):  # the second time round, whatever could be kept has been
        assert similar.order(reader) == readers_order
        assert similar.order(other) == others_order
    response = reader.get(similar.path + "?sort=similar")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response.headers

    signed_out = app.test_client()
    response = signed_out.get(similar.path + "?sort=similar")
    assert response.status_code == 302 and "X-Page-Cache" not in response.headers
    assert similar.order(signed_out, "") == ["s4", "own", "s5", "s6", "s7", "s2", "s1", "s3"]


def test_a_first_answer_naming_a_treatment_offers_the_order_at_once(app, make, similar):
    """Whether a member has an answer to compare with is kept for them, until content changes:
    their own new answer is such a change."""
    member = make.user()
    make.membership(member, similar.question.condition)
    client = app.test_client(user=member)
    assert OPTION not in client.get(similar.path).get_data(as_text=True)
    assert OPTION not in client.get(similar.path).get_data(as_text=True)  # kept, this time

    draft = AnswerDraft(
        body="Beta in the evenings; it took a few weeks before I noticed a difference.",
        perspective=CAREGIVER,
        time_since_diagnosis=ONE_TO_TWO,
        treatments=[TreatmentEntry(outcome=A_LOT, treatment_id=similar.treatments["Beta"].id)],
    )
    submit_answer(similar.other_question, member, draft)
    db.session.commit()

    assert OPTION in client.get(similar.path).get_data(as_text=True)
    # Beta, a caregiver, 1 to 2 years: s7 and s6 (5 each), then own, m1 and s1 (4 each; the
    # most helpful, then the newest, first).
    assert similar.order(client)[:5] == ["s7", "s6", "own", "m1", "s1"]


@pytest.fixture
def sizes(make):
    """Two questions of one condition, with 3 and 60 answers naming vocabulary and typed
    treatments, and a member whose answer on a third question names some of them."""
    condition = make.condition()
    treatments = [make.treatment(condition) for _ in range(8)]
    member = make.user()
    make.membership(member, condition)
    make.answer(make.question(condition), member,
                treatments=[(treatments[0], A_LOT), (treatments[3], A_LOT)])  # fmt: skip

    def question_with(count: int):
        question = make.question(condition)
        for n in range(count):
            answer = make.answer(
                question,
                perspective=list(Perspective)[n % 2],
                time_since_diagnosis=list(TimeSinceDiagnosis)[n % 6],
                helpful_count=n % 5,
                visibility=Visibility.MEMBERS if n % 9 == 8 else Visibility.EVERYONE,
                treatments=[(treatments[(n + i * 3) % 8], list(Outcome)[n % 4]) for i in range(3)],
            )
            answer.treatment_reports.append(
                TreatmentReport(other_name=f"Remedy {n % 4}", outcome=A_LOT, position=9)
            )
            db.session.commit()
        return question

    return member, question_with(3), question_with(60)


def test_the_query_count_does_not_grow_with_answers(app, count_queries, sizes):
    """The same number of queries for 3 answers as for 60 (and their second page), and no more
    than the most helpful order costs."""
    app.config["FRAGMENT_CACHE_ENABLED"] = False  # the worst case: nothing kept
    member, small, large = sizes
    client = app.test_client(user=member)
    paths = [f"/questions/{question.id}/{question.slug}" for question in (small, large)]
    views = [path + "?sort=similar" for path in paths] + [paths[1] + "?sort=similar&page=2"]
    counts = []
    for path in [*views, paths[1]]:
        with count_queries() as counter:
            response = client.get(path)
        assert response.status_code == 200, path
        counts.append(counter.count)
    assert counts[0] == counts[1] == counts[2] == counts[3], counts
    html = client.get(views[2]).get_data(as_text=True)
    assert len(CARD.findall(html)) == 30
    assert "Showing 31–60 of 60 answers" in html
