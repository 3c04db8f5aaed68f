"""The index follows every write, whoever makes it: services, plain attribute changes, bulk
statements, account deletion. A rolled-back change never reaches it; `flask search reindex`
rebuilds it."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from forum.accounts.models import Role
from forum.admin import services as admin_services
from forum.admin.services import QuestionInput, TreatmentInput
from forum.answers import services as answer_services
from forum.answers.models import Answer, AnswerStatus, Outcome, Visibility
from forum.answers.services import AnswerDraft
from forum.conditions.models import Perspective
from forum.database import db
from forum.privacy.deletion import delete_account
from forum.questions.models import QuestionStatus
from forum.search import index
from forum.search.models import SearchDocument, SearchKind
from tests.factories import PASSWORD
from tests.search.helpers import answer_key, document, found
from tests.summaries.helpers import published

BODY = "Hydrotherapy sessions loosened my legs more than any tablet did."


@pytest.fixture
def community(make):
    condition = make.condition("Stiff Person Syndrome")
    question = make.question(condition, title="What helps with stiffness?")
    member = make.user()
    make.membership(member, condition)
    return condition, question, member


def draft(body: str = BODY, **fields) -> AnswerDraft:
    return AnswerDraft(body=body, perspective=Perspective.PATIENT, **fields)


def test_a_submitted_answer_is_found_at_once(community):
    _, question, member = community
    answer = answer_services.submit_answer(question, member, draft())
    db.session.commit()
    assert found("hydrotherapy") == [answer_key(answer)]


def test_an_edit_replaces_the_old_words(community):
    _, question, member = community
    answer = answer_services.submit_answer(question, member, draft())
    db.session.commit()
    answer_services.edit_answer(
        answer, member, draft("Acupuncture did nothing for me, sadly, after ten sessions."), 1
    )
    db.session.commit()
    assert found("hydrotherapy") == []
    assert found("acupuncture") == [answer_key(answer)]


def test_a_deleted_answer_goes_and_a_restored_one_comes_back(community, make):
    _, question, member = community
    answer = answer_services.submit_answer(question, member, draft())
    db.session.commit()
    answer_services.delete_answer(answer, member)
    db.session.commit()
    assert document(*answer_key(answer)) is None
    assert found("hydrotherapy") == []

    answer_services.restore_answer(answer, make.user(role=Role.MODERATOR))
    db.session.commit()
    assert found("hydrotherapy") == [answer_key(answer)]


@pytest.mark.parametrize(
    "status", [AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.REJECTED]
)
def test_a_status_set_anywhere_is_followed(community, make, status):
    """No service involved: the attribute changes and the session commits."""
    _, question, _ = community
    answer = make.answer(question, body=BODY)
    assert found("hydrotherapy") == [answer_key(answer)]
    answer.status = status
    db.session.commit()
    assert document(*answer_key(answer)) is None
    answer.status = AnswerStatus.PUBLISHED
    db.session.commit()
    assert found("hydrotherapy") == [answer_key(answer)]


def test_a_bulk_update_is_followed(community, make):
    _, question, _ = community
    answer = make.answer(question, body=BODY)
    db.session.execute(
        update(Answer)
        .where(Answer.question_id == question.id)
        .values(status=AnswerStatus.HIDDEN)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    assert document(*answer_key(answer)) is None


def test_a_bulk_delete_is_followed(community, make):
    _, question, _ = community
    answer = make.answer(question, body=BODY)
    db.session.execute(delete(Answer).where(Answer.id == answer.id))
    db.session.commit()
    assert document(SearchKind.ANSWER, answer.id) is None


def test_an_update_that_changes_nothing_searchable_costs_no_query(community, make, count_queries):
    _, question, _ = community
    answer_id = make.answer(question, body=BODY).id
    with count_queries() as counter:
        db.session.execute(update(Answer).where(Answer.id == answer_id).values(helpful_count=3))
        db.session.commit()
    assert counter.count == 1, counter.statements


def test_a_deleted_account_takes_its_answers_out_of_search(community, make):
    _, question, member = community
    make.answer(question, member, body=BODY)
    delete_account(member, PASSWORD, keep_answers=False)
    db.session.commit()
    assert found("hydrotherapy") == []


def test_a_rolled_back_change_never_reaches_the_index(community, make):
    _, question, _ = community
    answer = make.answer(question, body=BODY)
    answer.status = AnswerStatus.HIDDEN
    db.session.flush()
    db.session.rollback()
    db.session.commit()
    assert found("hydrotherapy") == [answer_key(answer)]


def test_treatments_and_their_other_names_find_an_answer(community, make):
    condition, question, _ = community
    baclofen = make.treatment(condition, "Baclofen", synonyms="Lioresal")
    answer = make.answer(
        question,
        body="The tablets took the edge off within weeks.",
        treatments=[(baclofen, Outcome.HELPED_A_LOT)],
    )
    assert found("lioresal") == [answer_key(answer)]


def test_renaming_a_treatment_reaches_the_answers_that_report_it(community, make):
    condition, question, _ = community
    treatment = make.treatment(condition, "Baclofen")
    answer = make.answer(question, body=BODY, treatments=[(treatment, Outcome.HELPED_A_LOT)])
    admin = make.user(role=Role.ADMIN)
    details = TreatmentInput("Baclofen", synonyms="Lioresal, Lyflex")
    admin_services.update_treatment(admin, treatment, details)
    db.session.commit()
    assert found("lyflex") == [answer_key(answer)]


def test_members_only_answers_are_marked_and_author_names_never_stored(community, make):
    _, question, _ = community
    author = make.user(display_name="Quillmoth")
    answer = make.answer(
        question, author, body=BODY, visibility=Visibility.MEMBERS, is_anonymous=True
    )
    row = document(*answer_key(answer))
    assert row.members_only
    stored = " ".join((row.title, row.keywords, row.body))
    assert "Quillmoth" not in stored
    assert found("quillmoth", make.user()) == []


def test_admin_questions_are_indexed_renamed_and_hidden_with_their_answers(community, make):
    condition, _, _ = community
    admin = make.user(role=Role.ADMIN)
    details = QuestionInput("Does swimming help?")
    question = admin_services.create_question(admin, condition, details)
    db.session.commit()
    answer = make.answer(question, body=BODY)
    make.published_summary(question, short_answer="Warm water eases muscle tone for many.")
    assert (SearchKind.QUESTION, question.id) in found("swimming")

    admin_services.update_question(admin, question, QuestionInput("Does pool therapy help?"))
    db.session.commit()
    assert found("swimming") == []
    assert {kind for kind, _ in found("pool")} == {SearchKind.QUESTION, SearchKind.SUMMARY}

    hidden = QuestionInput("Does pool therapy help?", status=QuestionStatus.HIDDEN)
    admin_services.update_question(admin, question, hidden)
    db.session.commit()
    assert found("pool") == [] and found("hydrotherapy") == []
    assert (
        db.session.scalar(select(SearchDocument).where(SearchDocument.question_id == question.id))
        is None
    )

    admin_services.update_question(admin, question, QuestionInput("Does pool therapy help?"))
    db.session.commit()
    assert found("hydrotherapy") == [answer_key(answer)]


def test_a_published_summary_revision_replaces_the_one_before(make):
    question = make.question(title="What are the primary treatments?")
    writer = make.reviewer("Dr Wren Writer")
    reviewer = make.reviewer("Dr Rhea Checker")
    published(question, writer, reviewer)
    assert found("baclofen") == [(SearchKind.SUMMARY, question.summary.id)]

    from forum.summaries.services import SummaryInput

    newer = SummaryInput(short_answer="Intravenous immunoglobulin is an option.", body="Text.")
    published(question, writer, reviewer, newer)
    assert found("baclofen") == []
    assert found("immunoglobulin") == [(SearchKind.SUMMARY, question.summary.id)]


def test_a_draft_is_never_searchable(make):
    from tests.summaries.helpers import write_draft

    question = make.question()
    write_draft(question, make.reviewer())
    assert found("baclofen") == []


def test_renaming_a_condition_reaches_its_questions(community):
    condition, question, _ = community
    condition.name = "Moersch-Woltman syndrome"
    db.session.commit()
    assert (SearchKind.QUESTION, question.id) in found("woltman")


def test_reindex_rebuilds_everything_from_the_database(community, make, runner):
    _, question, _ = community
    answer = make.answer(question, body=BODY)
    db.session.execute(delete(SearchDocument))
    db.session.commit()
    assert found("hydrotherapy") == []

    result = runner.invoke(args=["search", "reindex"])

    assert result.exit_code == 0, result.output
    assert "Search index rebuilt: 1 question, 0 summaries, 1 answer." in result.output
    assert found("hydrotherapy") == [answer_key(answer)]
    assert (SearchKind.QUESTION, question.id) in found("stiffness")

    again = runner.invoke(args=["search", "reindex", "--if-empty"])
    assert "already filled; nothing to do" in again.output


def test_index_functions_can_be_called_directly(community, make):
    _, question, _ = community
    answer = make.answer(question, body=BODY)
    index.remove(SearchKind.ANSWER, answer.id)
    db.session.flush()
    assert document(*answer_key(answer)) is None
    index.index_answer(answer)
    index.index_question(question)
    db.session.flush()
    assert document(*answer_key(answer)) is not None
