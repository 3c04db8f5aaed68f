"""Signed-out pages: served from the cache, conditional requests get 304, writes show at once,
and nothing signed-in is ever stored or shared."""

from __future__ import annotations

from forum.accounts.services import change_display_name
from forum.auth.services import register, set_password
from forum.database import db, utcnow
from tests.answers.helpers import answer_form


def question_path(question) -> str:
    return f"/questions/{question.id}/{question.slug}"


def test_a_second_signed_out_reader_is_served_from_the_cache(client, make, count_queries):
    path = question_path(make.question())
    first = client.get(path)
    assert first.headers["X-Page-Cache"] == "miss"
    with count_queries() as counter:
        second = client.get(path)
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.get_data() == first.get_data()
    assert counter.count == 0, counter.statements


def test_conditional_requests_get_304(client, make):
    question = make.question()
    first = client.get(question_path(question))
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert "public" in first.headers["Cache-Control"]
    assert client.get(question_path(question), headers={"If-None-Match": etag}).status_code == 304
    again = client.get(question_path(question), headers={"If-Modified-Since": modified})
    assert again.status_code == 304


def test_a_new_answer_appears_at_once_for_signed_out_readers(app, client, make):
    condition = make.condition()
    question = make.question(condition)
    etag = client.get(question_path(question)).headers["ETag"]
    app.config["PREMODERATE_FIRST_ANSWERS"] = 0  # published at once, as for a trusted member
    member = make.user()
    make.membership(member, condition)
    app.test_client(user=member).post(
        f"/questions/{question.id}/answer", data=answer_form(body="A brand new experience to read.")
    )
    fresh = client.get(question_path(question), headers={"If-None-Match": etag})
    assert fresh.status_code == 200
    assert "A brand new experience to read." in fresh.get_data(as_text=True)


# Moderators' decisions, summaries, admin edits, votes and deletions, each through its route:
# tests/operations/test_decisions_reach_readers.py.


def test_signed_in_pages_are_never_stored_and_never_shared(app, make):
    condition = make.condition()
    question = make.question(condition)
    alice, bob = make.user(display_name="AliceOak"), make.user(display_name="BobElm")
    for member in (alice, bob):
        make.membership(member, condition)
    alice_page = app.test_client(user=alice).get(question_path(question))
    bob_page = app.test_client(user=bob).get(question_path(question))
    assert "AliceOak" in alice_page.get_data(as_text=True)
    assert "BobElm" in bob_page.get_data(as_text=True)
    assert "AliceOak" not in bob_page.get_data(as_text=True)
    for page in (alice_page, bob_page):
        assert page.headers["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in page.headers
    reader = app.test_client().get(question_path(question)).get_data(as_text=True)
    assert "AliceOak" not in reader and "BobElm" not in reader


def test_a_page_with_a_message_for_one_reader_is_not_cached(app, client, make):
    question = make.question()
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "A message only for this reader.")]
    first = client.get(question_path(question))
    assert "A message only for this reader." in first.get_data(as_text=True)
    other = app.test_client().get(question_path(question)).get_data(as_text=True)
    assert "A message only for this reader." not in other


def test_a_new_pseudonym_shows_at_once_for_signed_out_readers(app, client, make):
    question = make.question()
    author = make.user(display_name="WillowPath")
    make.answer(question, author, body="Warm baths before bed loosened my back a little.")
    assert "WillowPath" in client.get(question_path(question)).get_data(as_text=True)
    change_display_name(author, "CedarLane")
    db.session.commit()
    page = client.get(question_path(question))
    assert page.headers["X-Page-Cache"] == "miss"
    assert "CedarLane" in page.get_data(as_text=True)
    assert "WillowPath" not in page.get_data(as_text=True)


def test_sign_ups_and_private_account_changes_keep_the_cached_pages(app, client, make):
    """What no public page shows (a new account, a password, a confirmed address) must not empty
    the cache of a widely shared page."""
    question = make.question()
    member = make.user()
    assert client.get(question_path(question)).headers["X-Page-Cache"] == "miss"
    with app.test_request_context():  # the confirmation email holds a link
        register("newcomer@demo.example", "QuietNewcomer", "a long enough passphrase here")
    set_password(member, "another long passphrase here")
    member.email_verified_at = utcnow()
    db.session.commit()
    assert client.get(question_path(question)).headers["X-Page-Cache"] == "hit"
