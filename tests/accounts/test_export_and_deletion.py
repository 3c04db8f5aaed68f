from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy import select

from forum.accounts.models import Role, User
from forum.answers.models import Answer, AnswerRevision, HelpfulVote, Outcome
from forum.audit.log import record_action
from forum.audit.models import ModerationAction
from forum.database import db
from forum.flags.models import Flag, FlagReason
from tests.answers.helpers import answer_form
from tests.factories import PASSWORD


def member_with_everything(make):
    condition = make.condition("Stiff Person Syndrome")
    member = make.user(email="private.person@example.com", display_name="PrivatePerson")
    make.membership(member, condition)
    question = make.question(condition)
    treatment = make.treatment(condition, "Baclofen")
    answer = make.answer(
        question,
        member,
        body="My own words about baclofen and stretching.",
        treatments=[(treatment, Outcome.HELPED_A_LOT)],
    )
    db.session.add(AnswerRevision(answer=answer, number=1, body="An earlier draft of my words."))
    other_answer = make.answer(question, make.user(), body="Someone else's experience here.")
    db.session.add(HelpfulVote(user_id=member.id, answer_id=other_answer.id))
    other_answer.helpful_count += 1
    db.session.add(
        Flag(
            answer=other_answer,
            reporter=member,
            reason=FlagReason.OFF_TOPIC,
            note="Seems off topic",
        )
    )
    record_action(
        make.user(), "answer_hidden", "answer", answer.id, reason="test reason", subject=member
    )
    db.session.commit()
    return member, question, answer, other_answer


def test_the_export_holds_everything_about_the_member(app, make):
    member, _question, _answer, other_answer = member_with_everything(make)
    response = app.test_client(user=member).post("/account/export")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "private.person@example.com"
    assert data["account"]["display_name"] == "PrivatePerson"
    assert data["memberships"][0]["condition"] == "Stiff Person Syndrome"
    exported = data["answers"][0]
    assert exported["body"] == "My own words about baclofen and stretching."
    assert exported["treatments"][0] == {
        "treatment": "Baclofen",
        "outcome": "helped_a_lot",
        "side_effects": "",
        "still_using": None,
        "started": None,
        "stopped": None,
        "stop_reason": None,
        "time_to_help": None,
        "access": None,
        "dose": "",
        "side_effect_severities": {},
        "checked_after_months": None,
    }
    assert exported["check_ins_wanted"] is False and exported["check_ins"] == []
    assert exported["revisions"][0]["body"] == "An earlier draft of my words."
    assert data["helpful_votes"] == [
        {"answer_id": other_answer.id, "created_at": data["helpful_votes"][0]["created_at"]}
    ]
    assert data["flags"][0]["note"] == "Seems off topic"
    assert data["moderation_decisions"][0]["action"] == "answer_hidden"
    assert "actor" not in json.dumps(data["moderation_decisions"])


def test_the_export_holds_nothing_about_other_members(app, make):
    _member, *_ = member_with_everything(make)
    text = app.test_client(user=make.user()).post("/account/export").get_data(as_text=True)
    assert "private.person@example.com" not in text and "My own words" not in text


def every_stored_value() -> str:
    """Every value in every table, as text: what a database dump would show."""
    values = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(sa.select(table)).all():
            values.extend(str(value) for value in row)
    return "\n".join(values)


def test_deleting_leaves_nothing_personal_and_keeps_counts_right(app, make):
    member, question, _answer, other_answer = member_with_everything(make)
    condition = question.condition
    client = app.test_client(user=member)
    response = client.post("/account/delete", data={"answers": "delete", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/account").status_code == 302  # signed out

    stored = every_stored_value()
    assert "private.person@example.com" not in stored
    assert "PrivatePerson" not in stored and "privateperson" not in stored
    assert "My own words" not in stored and "An earlier draft" not in stored
    db.session.expire_all()
    assert condition.member_count == 0
    assert question.answer_count == 1
    assert other_answer.helpful_count == 0
    entry = db.session.scalar(
        select(ModerationAction).where(ModerationAction.action == "account_deleted")
    )
    assert entry.after == {"answers": "deleted"}


def test_deleted_members_free_their_email_and_display_name(app, make):
    member, *_ = member_with_everything(make)
    app.test_client(user=member).post(
        "/account/delete", data={"answers": "delete", "password": PASSWORD}
    )
    make.user(email="private.person@example.com", display_name="PrivatePerson")
    assert db.session.scalar(select(sa.func.count()).select_from(User)) >= 1


def test_answers_can_stay_as_former_member(app, make):
    member, question, answer, _ = member_with_everything(make)
    app.test_client(user=member).post(
        "/account/delete", data={"answers": "keep", "password": PASSWORD}
    )
    db.session.expire_all()
    assert answer.author_id is None
    assert question.answer_count == 2
    html = app.test_client().get(f"/answers/{answer.id}").get_data(as_text=True)
    assert "Former member" in html and "My own words" in html
    assert "PrivatePerson" not in every_stored_value()


def test_deletion_needs_the_password(app, make):
    member, *_ = member_with_everything(make)
    response = app.test_client(user=member).post(
        "/account/delete", data={"answers": "delete", "password": "not my password"}
    )
    assert "password is not right" in response.get_data(as_text=True)
    assert db.session.get(User, member.id) is not None


def test_a_deleted_story_leaves_no_copy_in_the_moderation_log(app, make):
    """Approved, edited by a moderator, hidden, shown again: every step is logged, and when the
    member deletes their account and answers, the log keeps none of their words."""
    condition = make.condition("Stiff Person Syndrome")
    member = make.user(email="private.person@example.com", display_name="PrivatePerson")
    make.membership(member, condition)
    question = make.question(condition)
    baclofen = make.treatment(condition, "Baclofen")
    first = "My first words: baclofen at night, and a stretch with my physio."
    form = answer_form(body=first, treatments=[(baclofen.id, "helped_a_lot",
                                                {"side_effects": "sleepy mornings"})])  # fmt: skip
    app.test_client(user=member).post(f"/questions/{question.id}/answer", data=form)
    answer = db.session.scalar(select(Answer))
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    moderator.post(f"/moderation/answers/{answer.id}/approve", data={"expected": "pending"})
    edited = "Words a moderator tidied: baclofen at night helped my spasms a great deal."
    db.session.refresh(answer)
    moderator.post(
        f"/answers/{answer.id}/edit",
        data={**form, "body": edited, "version": str(answer.version), "reason": "A brand name."},
    )
    moderator.post(f"/moderation/answers/{answer.id}/hide", data={"reason": "Checking."})
    moderator.post(f"/moderation/answers/{answer.id}/restore", data={"reason": "Fine."})
    logged = db.session.scalars(select(ModerationAction.action)).all()
    assert {"answer_approved", "answer_edited", "answer_hidden", "answer_restored"} <= set(logged)

    app.test_client(user=member).post(
        "/account/delete", data={"answers": "delete", "password": PASSWORD}
    )
    stored = every_stored_value()
    for words in ("My first words", "a moderator tidied", "sleepy mornings", "PrivatePerson"):
        assert words not in stored, words


def test_a_new_member_never_inherits_a_deleted_members_id_or_records(app, make):
    moderator = make.user(role=Role.MODERATOR)
    make.user(display_name="EarlierMember")
    last = make.user(display_name="LastToJoin")
    app.test_client(user=moderator).post(
        f"/moderation/members/{last.id}/suspend",
        data={"suspend-reason": "Shouting at other members.", "suspend-length": "7"},
    )
    old_id = last.id
    app.test_client(user=last).post(
        "/account/delete", data={"answers": "delete", "password": PASSWORD}
    )
    newcomer = make.user(display_name="BrandNew")
    assert newcomer.id > old_id
    export = app.test_client(user=newcomer).post("/account/export").get_data(as_text=True)
    assert "Shouting at other members" not in export
