"""Every moderation page and action: who reaches it (403 or sign-in for everyone else), how it
is built (one h1, headings in order, labelled fields, kept out of search), and bounded queries."""

from __future__ import annotations

import pytest

from forum.accounts.models import Role
from forum.answers.models import WatchAction
from forum.database import db
from forum.flags.models import FlagReason
from forum.moderation import decisions, flags, site_text, watchlist
from tests.html_checks import assert_well_structured
from tests.moderation.conftest import text_of

NOINDEX = '<meta name="robots" content="noindex">'

# (method, path): every route of the moderation blueprint that only staff may use.
MODERATOR_ROUTES = [
    ("GET", "/moderation/"),
    ("POST", "/moderation/queue"),
    ("GET", "/moderation/answers/{answer}"),
    ("POST", "/moderation/answers/{answer}/approve"),
    ("POST", "/moderation/answers/{answer}/reject"),
    ("POST", "/moderation/answers/{answer}/hide"),
    ("POST", "/moderation/answers/{answer}/restore"),
    ("POST", "/moderation/answers/{answer}/dismiss-reports"),
    ("GET", "/moderation/members/{member}"),
    ("POST", "/moderation/members/{member}/suspend"),
    ("POST", "/moderation/members/{member}/ban"),
    ("POST", "/moderation/members/{member}/reinstate"),
    ("POST", "/moderation/members/{member}/remove-content"),
    ("GET", "/moderation/log"),
]
ADMIN_ROUTES = [
    ("GET", "/moderation/watched-words"),
    ("POST", "/moderation/watched-words"),
    ("POST", "/moderation/watched-words/{word}/remove"),
    ("GET", "/moderation/support-resources"),
    ("POST", "/moderation/support-resources"),
]


@pytest.fixture
def targets(community):
    member = community.member()
    answer = community.submit(member)
    word = watchlist.add_watched_word(community.admin, "miracle", WatchAction.HOLD)
    db.session.commit()
    return {"answer": answer.id, "member": member.id, "word": word.id}


def request(client, method: str, path: str):
    return client.get(path) if method == "GET" else client.post(path, data={"reason": "x"})


@pytest.mark.parametrize(("method", "path"), MODERATOR_ROUTES + ADMIN_ROUTES)
def test_members_get_403(app, community, targets, method, path):
    client = app.test_client(user=community.member())
    assert request(client, method, path.format(**targets)).status_code == 403


@pytest.mark.parametrize(("method", "path"), MODERATOR_ROUTES + ADMIN_ROUTES)
def test_signed_out_visitors_are_sent_to_sign_in(app, targets, method, path):
    response = request(app.test_client(), method, path.format(**targets))
    assert response.status_code in (302, 303)
    assert response.headers["Location"].startswith("/auth/sign-in")


@pytest.mark.parametrize(("method", "path"), ADMIN_ROUTES)
def test_moderators_get_403_on_admin_pages(app, community, targets, method, path):
    client = app.test_client(user=community.moderator)
    assert request(client, method, path.format(**targets)).status_code == 403


@pytest.mark.parametrize(("method", "path"), [r for r in MODERATOR_ROUTES if r[0] == "GET"])
@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_moderators_and_admins_reach_every_moderation_page(
    app, community, targets, make, role, method, path
):
    client = app.test_client(user=make.user(role=role))
    assert request(client, method, path.format(**targets)).status_code == 200


def test_member_facing_pages_need_signing_in(app, community):
    answer = community.published()
    for path in (f"/answers/{answer.id}/report", "/account/moderation"):
        assert app.test_client().get(path).headers["Location"].startswith("/auth/sign-in")
    response = app.test_client().post("/account/notices/read")
    assert response.headers["Location"].startswith("/auth/sign-in")


def busy_queue(community, waiting: int, reported: int) -> None:
    for _ in range(waiting):
        community.submit(community.member())
    for index in range(reported):
        answer = community.published()
        reason = FlagReason.AT_RISK if index == 0 else FlagReason.SPAM
        flags.report_answer(answer, community.member(), reason, "A note")
        flags.report_answer(answer, community.member(), FlagReason.OFF_TOPIC, "")
    db.session.commit()


def test_the_queue_is_well_structured(app, community):
    busy_queue(community, 2, 2)
    html = app.test_client(user=community.moderator).get("/moderation/").get_data(as_text=True)
    assert NOINDEX in html
    assert_well_structured(html)


def test_every_moderation_page_is_well_structured(app, community, make):
    busy_queue(community, 1, 1)
    member = community.member()
    answer = community.published(member)
    decisions.hide(answer, community.moderator, "Unsafe advice")
    site_text.set_text(community.admin, site_text.SUPPORT_RESOURCES, "Help is there.")
    watchlist.add_watched_word(community.admin, "cure", WatchAction.REFUSE, "No cures, please.")
    db.session.commit()
    pages = {
        community.admin: [
            "/moderation/",
            f"/moderation/answers/{answer.id}",
            f"/moderation/members/{member.id}",
            "/moderation/log",
            "/moderation/log?actor=nobody&date_from=nonsense",
            "/moderation/watched-words",
            "/moderation/support-resources",
        ],
        member: ["/account", "/account/moderation"],
        community.member(): [f"/answers/{community.published().id}/report"],
    }
    for user, paths in pages.items():
        client = app.test_client(user=user)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            html = response.get_data(as_text=True)
            assert NOINDEX in html, path
            assert_well_structured(html)


def test_forms_that_come_back_with_errors_are_well_structured(app, community):
    member = community.member()
    client = app.test_client(user=community.moderator)
    response = client.post(f"/moderation/members/{member.id}/suspend", data={})
    assert response.status_code == 400
    assert_well_structured(response.get_data(as_text=True))
    admin = app.test_client(user=community.admin)
    response = admin.post("/moderation/watched-words", data={"phrase": "", "action": "hold"})
    assert response.status_code == 400 and "Error: " in text_of(response)
    assert_well_structured(response.get_data(as_text=True))


def test_the_queue_loads_in_a_fixed_number_of_queries(app, community, count_queries):
    client = app.test_client(user=community.moderator)
    busy_queue(community, 1, 1)
    with count_queries() as few:
        client.get("/moderation/")
    busy_queue(community, 6, 6)
    with count_queries() as many:
        client.get("/moderation/")
    assert many.count == few.count


def test_the_log_loads_in_a_fixed_number_of_queries(app, community, count_queries):
    client = app.test_client(user=community.moderator)
    busy_queue(community, 1, 0)
    with count_queries() as few:
        client.get("/moderation/log")
    busy_queue(community, 8, 3)
    with count_queries() as many:
        client.get("/moderation/log")
    assert many.count == few.count


def test_the_queue_shows_each_item_in_context(app, community):
    member = community.member(display_name="LateBloom")
    community.published(member, question=community.questions[1])
    answer = community.submit(member, question=community.question)
    page = text_of(app.test_client(user=community.moderator).get("/moderation/"))
    item = page[page.index(f'id="item-{answer.id}"') :]
    assert community.question.title in item and "warm bath before bed" in item
    assert "Perspective" in item and "Patient" in item
    assert "Joined" in item and "Published answers" in item and "1 × answer approved" in item
    assert "Held because:" in item


def test_moderators_see_a_moderate_link_on_every_card(app, community):
    answer = community.published(question=community.question)
    question = community.question
    page = app.test_client(user=community.moderator).get(
        f"/questions/{question.id}/{question.slug}"
    )
    assert f'href="/moderation/answers/{answer.id}"' in page.get_data(as_text=True)
    navigation = text_of(app.test_client(user=community.moderator).get("/"))
    assert 'href="/moderation/"' in navigation
