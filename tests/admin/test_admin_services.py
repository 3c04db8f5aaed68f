"""Admins manage conditions, questions and treatments; counts, slugs, order and the log hold."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.admin import services
from forum.admin.services import ConditionInput, QuestionInput, TreatmentInput
from forum.audit.models import ModerationAction
from forum.conditions.models import TreatmentKind
from forum.core.errors import ForumError
from forum.database import db
from forum.questions.models import QuestionStatus


@pytest.fixture
def admin(make):
    return make.user(role=Role.ADMIN)


def logged(action: str) -> list[ModerationAction]:
    query = select(ModerationAction).where(ModerationAction.action == action)
    return list(db.session.scalars(query.order_by(ModerationAction.id)))


def test_a_new_condition_gets_a_slug_from_its_name_and_goes_last(make, admin):
    make.condition("Existing", position=4)
    condition = services.create_condition(admin, ConditionInput("Sjögren's Syndrome", "", "Dry."))
    db.session.commit()
    assert condition.slug == "sjogrens-syndrome"
    assert condition.position == 5
    (entry,) = logged("condition_created")
    assert entry.before is None and entry.after["slug"] == "sjogrens-syndrome"
    assert entry.actor_id == admin.id and entry.target_id == condition.id


def test_condition_slugs_are_unique_across_the_site(make, admin):
    make.condition("Lupus", slug="lupus")
    with pytest.raises(ForumError, match="already uses the address “lupus”"):
        services.create_condition(admin, ConditionInput("Lupus"))
    other = make.condition("Other", slug="other")
    with pytest.raises(ForumError):
        services.update_condition(admin, other, ConditionInput("Other", slug="lupus"))


def test_editing_a_condition_logs_before_and_after(make, admin):
    condition = make.condition("Old name", slug="old-name")
    services.update_condition(admin, condition, ConditionInput("New name", "", "New words."))
    db.session.commit()
    assert condition.slug == "new-name"
    (entry,) = logged("condition_updated")
    assert entry.before["name"] == "Old name" and entry.after["name"] == "New name"


@pytest.mark.parametrize("name", ["", "   ", "???"])
def test_names_need_letters_or_digits(admin, name):
    with pytest.raises(ForumError):
        services.create_condition(admin, ConditionInput(name))


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR, Role.REVIEWER])
def test_only_admins_change_the_site(make, role):
    with pytest.raises(ForumError, match="Only admins"):
        services.create_condition(make.user(role=role), ConditionInput("Anything"))


def test_a_new_question_is_counted_and_hiding_or_showing_it_moves_the_count(make, admin):
    condition = make.condition()
    question = services.create_question(admin, condition, QuestionInput("What helps with fatigue?"))
    db.session.commit()
    assert (question.slug, condition.question_count) == ("what-helps-with-fatigue", 1)

    hidden = QuestionInput(question.title, question.slug, QuestionStatus.HIDDEN)
    services.update_question(admin, question, hidden)
    db.session.commit()
    db.session.refresh(condition)
    assert condition.question_count == 0

    services.update_question(
        admin, question, QuestionInput(question.title, "", QuestionStatus.OPEN)
    )
    db.session.commit()
    db.session.refresh(condition)
    assert condition.question_count == 1
    assert [entry.after["status"] for entry in logged("question_updated")] == ["hidden", "open"]


def test_a_question_added_hidden_is_not_counted(make, admin):
    condition = make.condition()
    services.create_question(admin, condition, QuestionInput("Draft?", "", QuestionStatus.HIDDEN))
    db.session.commit()
    assert condition.question_count == 0


def test_question_slugs_are_unique_per_condition_only(make, admin):
    first, second = make.condition(), make.condition()
    services.create_question(admin, first, QuestionInput("What helps?"))
    services.create_question(admin, second, QuestionInput("What helps?"))
    with pytest.raises(ForumError, match="already uses “what-helps”"):
        services.create_question(admin, first, QuestionInput("What helps!"))


def test_a_retitled_question_gets_a_new_slug_and_the_old_url_still_leads_there(client, make, admin):
    question = make.question(title="Old title", slug="old-title")
    services.update_question(admin, question, QuestionInput("A clearer title"))
    db.session.commit()
    response = client.get(f"/questions/{question.id}/old-title")
    assert response.status_code == 301
    assert response.headers["Location"] == f"/questions/{question.id}/a-clearer-title"


def test_treatments_keep_tidy_synonyms_and_unique_slugs(make, admin):
    condition = make.condition()
    synonyms = " Lioresal,lioresal ;baclofen\nGablofen"
    details = TreatmentInput("Baclofen", "", TreatmentKind.MEDICATION, synonyms)
    treatment = services.create_treatment(admin, condition, details)
    db.session.commit()
    assert treatment.slug == "baclofen"
    assert treatment.synonym_list == ["Lioresal", "Gablofen"]
    with pytest.raises(ForumError, match="already has a treatment"):
        services.create_treatment(admin, condition, TreatmentInput("baclofen"))
    services.create_treatment(admin, make.condition(), TreatmentInput("Baclofen"))


def test_editing_a_treatment_changes_its_kind_and_is_logged(make, admin):
    treatment = make.treatment(make.condition(), "Physio")
    details = TreatmentInput("Physiotherapy", "", TreatmentKind.THERAPY, "PT")
    services.update_treatment(admin, treatment, details)
    db.session.commit()
    assert (treatment.name, treatment.kind, treatment.synonyms) == (
        "Physiotherapy", TreatmentKind.THERAPY, "PT"
    )  # fmt: skip
    (entry,) = logged("treatment_updated")
    assert entry.before["kind"] == "medication" and entry.after["kind"] == "therapy"


def test_moving_reorders_the_list_and_is_logged(make, admin):
    condition = make.condition()
    first, second, third = (make.question(condition, position=n) for n in (0, 0, 0))
    services.move_question(admin, third, services.UP)
    db.session.commit()
    ordered = sorted((first, second, third), key=lambda question: question.position)
    assert ordered == [first, third, second]
    (entry,) = logged("question_moved")
    assert (entry.before["position"], entry.after["position"]) == (0, 1)


def test_the_ends_of_a_list_do_not_move_further(make, admin):
    condition = make.condition()
    top = make.treatment(condition, position=0)
    make.treatment(condition, position=1)
    with pytest.raises(ForumError, match="already at the top"):
        services.move_treatment(admin, top, services.UP)
    with pytest.raises(ForumError, match="up or down"):
        services.move_treatment(admin, top, "sideways")


def test_conditions_move_too(make, admin):
    first, second = make.condition(position=0), make.condition(position=1)
    services.move_condition(admin, first, services.DOWN)
    db.session.commit()
    assert (first.position, second.position) == (1, 0)
