"""The admin pages: only for admins, forms that keep what was typed, and no 500s."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.answers.models import Outcome, ReportedSideEffect, Severity
from forum.audit.models import ModerationAction
from forum.conditions.models import Condition, SideEffect, Treatment, TreatmentKind
from forum.database import db
from forum.questions.models import Question, QuestionStatus
from tests.html_checks import hidden_value

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def admin_client(app, make):
    return app.test_client(user=make.user(role=Role.ADMIN))


def test_signed_out_visitors_must_sign_in(client):
    assert client.get("/admin/").headers["Location"].startswith("/auth/sign-in")
    assert (
        client.post("/admin/conditions/new", data={"name": "X"})
        .headers["Location"]
        .startswith("/auth/sign-in")
    )


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR, Role.REVIEWER])
def test_everyone_but_admins_is_refused(app, make, role):
    condition = make.condition()
    client = app.test_client(user=make.user(role=role))
    for path in ("/admin/", f"/admin/conditions/{condition.id}", "/admin/reviewers"):
        assert client.get(path).status_code == 403, path
    assert client.post("/admin/conditions/new", data={"name": "Sneaky"}).status_code == 403
    assert (
        client.post(f"/admin/conditions/{condition.id}/move", data={"direction": "up"}).status_code
        == 403
    )
    assert db.session.scalar(select(Condition).where(Condition.name == "Sneaky")) is None


def test_admin_pages_are_accessible_tables_kept_out_of_search(admin_client, make):
    condition = make.condition("Lupus")
    make.question(condition, title="What helps with joint pain?")
    make.treatment(condition, "Hydroxychloroquine", synonyms="Plaquenil")
    for path in ("/admin/", f"/admin/conditions/{condition.id}", "/admin/reviewers",
                 "/admin/conditions/new", f"/admin/conditions/{condition.id}/edit"):  # fmt: skip
        response = admin_client.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert NOINDEX in html and html.count("<h1>") == 1, path
    html = admin_client.get(f"/admin/conditions/{condition.id}").get_data(as_text=True)
    assert '<th scope="col">Other names</th>' in html
    assert "What helps with joint pain?" in html and "Plaquenil" in html


def test_an_admin_adds_a_condition_a_question_and_a_treatment(admin_client):
    response = admin_client.post(
        "/admin/conditions/new",
        data={"name": "Stiff Person Syndrome", "slug": "", "description": "A rare condition."},
    )
    condition = db.session.scalar(select(Condition))
    assert response.headers["Location"] == f"/admin/conditions/{condition.id}"
    assert condition.slug == "stiff-person-syndrome"

    admin_client.post(
        f"/admin/conditions/{condition.id}/questions/new",
        data={"title": "What are the first treatments?", "slug": "", "status": "open"},
    )
    admin_client.post(
        f"/admin/conditions/{condition.id}/treatments/new",
        data={"name": "Diazepam", "slug": "", "kind": "medication", "synonyms": "Valium"},
    )
    db.session.refresh(condition)
    question = db.session.scalar(select(Question))
    treatment = db.session.scalar(select(Treatment))
    assert (question.slug, condition.question_count) == ("what-are-the-first-treatments", 1)
    assert (treatment.kind, treatment.synonyms) == (TreatmentKind.MEDICATION, "Valium")
    actions = db.session.scalars(select(ModerationAction.action).order_by(ModerationAction.id))
    assert list(actions) == ["condition_created", "question_created", "treatment_created"]


def test_a_new_question_reads_as_being_prepared_until_a_summary_is_published(
    client, make, admin_client
):
    condition = make.condition()
    admin_client.post(
        f"/admin/conditions/{condition.id}/questions/new",
        data={"title": "Does diet matter?", "status": "open"},
    )
    question = db.session.scalar(select(Question))
    html = admin_client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert "is being prepared" in html and NOINDEX in html


def test_an_admin_edits_and_hides_a_question(admin_client, make):
    condition = make.condition()
    question = make.question(condition, title="Old", slug="old")
    assert condition.question_count == 1
    response = admin_client.post(
        f"/admin/questions/{question.id}/edit",
        data={"title": "Newer title", "slug": "", "status": "hidden"},
    )
    assert response.headers["Location"] == f"/admin/conditions/{condition.id}"
    db.session.refresh(question)
    db.session.refresh(condition)
    assert (question.title, question.slug, question.status) == (
        "Newer title", "newer-title", QuestionStatus.HIDDEN
    )  # fmt: skip
    assert condition.question_count == 0


def test_form_errors_show_the_form_again_with_what_was_typed(admin_client, make):
    make.condition("Lupus", slug="lupus")
    response = admin_client.post(
        "/admin/conditions/new", data={"name": "Lupus", "slug": "", "description": "Typed words."}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "already uses the address" in html
    assert "Typed words.</textarea>" in html
    response = admin_client.post("/admin/conditions/new", data={"name": "", "slug": "x"})
    assert "Please give a name." in response.get_data(as_text=True)


def test_bad_choices_are_shown_again_not_a_500(admin_client, make):
    condition = make.condition()
    response = admin_client.post(
        f"/admin/conditions/{condition.id}/treatments/new",
        data={"name": "Something", "kind": "magic"},
    )
    assert response.status_code == 200
    assert 'value="Something"' in response.get_data(as_text=True)
    response = admin_client.post(
        f"/admin/conditions/{condition.id}/move", data={"direction": "sideways"}
    )
    assert response.status_code in (302, 303)


def test_unknown_ids_are_404(admin_client):
    for path in ("/admin/conditions/424242", "/admin/conditions/424242/edit",
                 "/admin/questions/424242/edit", "/admin/treatments/424242/edit"):  # fmt: skip
        assert admin_client.get(path).status_code == 404, path
    assert admin_client.post("/admin/treatments/424242/move").status_code == 404
    assert admin_client.post("/admin/reviewers/424242/verify").status_code == 404


def test_reordering_with_the_up_and_down_buttons(admin_client, make):
    condition = make.condition()
    first = make.treatment(condition, "First", position=0)
    second = make.treatment(condition, "Second", position=1)
    response = admin_client.post(f"/admin/treatments/{second.id}/move", data={"direction": "up"})
    assert response.headers["Location"] == f"/admin/conditions/{condition.id}#treatments-heading"
    db.session.refresh(first)
    db.session.refresh(second)
    assert (second.position, first.position) == (0, 1)
    html = admin_client.get(f"/admin/conditions/{condition.id}").get_data(as_text=True)
    assert "move “Second” down" in html and "move “First” up" in html


def test_the_site_nav_links_admins_to_the_admin_pages(admin_client):
    html = admin_client.get("/").get_data(as_text=True)
    assert 'href="/admin/">Admin</a>' in html
    assert 'href="/review/">Review dashboard</a>' in html


def test_members_see_no_admin_link(app, make):
    html = app.test_client(user=make.user()).get("/").get_data(as_text=True)
    assert 'href="/admin/"' not in html


def test_the_reorder_buttons_carry_a_working_csrf_token(app, admin_client, make):
    app.config["WTF_CSRF_ENABLED"] = True
    first, second = make.condition(position=0), make.condition(position=1)
    token = hidden_value(admin_client.get("/admin/").get_data(as_text=True), "csrf_token")
    response = admin_client.post(
        f"/admin/conditions/{second.id}/move", data={"csrf_token": token, "direction": "up"}
    )
    assert response.status_code in (302, 303)
    db.session.refresh(first)
    db.session.refresh(second)
    assert (second.position, first.position) == (0, 1)


def test_an_admin_adds_and_renames_a_side_effect_and_cards_show_the_new_name(
    admin_client, app, make
):
    condition = make.condition()
    question = make.question(condition)
    baclofen = make.treatment(condition, "Baclofen")
    response = admin_client.post(
        f"/admin/conditions/{condition.id}/side-effects/new", data={"name": "Sleepyness"}
    )
    assert response.status_code == 302
    side_effect = db.session.scalar(select(SideEffect))
    assert (side_effect.condition_id, side_effect.slug) == (condition.id, "sleepyness")
    page = admin_client.get(f"/admin/conditions/{condition.id}").get_data(as_text=True)
    assert 'id="side-effects-heading"' in page and "Sleepyness" in page
    answer = make.answer(question, treatments=[(baclofen, Outcome.HELPED_SOMEWHAT)])
    answer.treatment_reports[0].side_effect_reports.append(
        ReportedSideEffect(side_effect=side_effect, severity=Severity.MILD)
    )
    db.session.commit()
    reader = app.test_client()
    path = f"/questions/{question.id}/{question.slug}"
    assert "Sleepyness (mild)" in reader.get(path).get_data(as_text=True)  # the card is kept
    response = admin_client.post(
        f"/admin/side-effects/{side_effect.id}/edit", data={"name": "Sleepiness", "slug": ""}
    )
    assert response.status_code == 302
    html = reader.get(path).get_data(as_text=True)
    assert "Sleepiness (mild)" in html and "Sleepyness" not in html
    actions = db.session.scalars(select(ModerationAction.action).order_by(ModerationAction.id))
    assert list(actions) == ["side_effect_created", "side_effect_updated"]
    clash = admin_client.post(
        f"/admin/conditions/{condition.id}/side-effects/new", data={"name": "sleepiness"}
    )
    assert clash.status_code == 200 and "already has a side effect" in clash.get_data(True)
