"""A proposer's own page, what others never see of a proposal, and a member's data: the export
holds their proposals; deleting the account keeps them, with no proposer."""

from __future__ import annotations

import json

from forum.database import db
from forum.proposals import services
from tests.factories import PASSWORD
from tests.html_checks import assert_well_structured
from tests.proposals.conftest import all_proposals, text_of

REASON = "We keep questions about one treatment in the treatments question."


def test_the_proposers_page_shows_what_became_of_each_proposal(app, community):
    waiting = community.propose("Does cold weather make the stiffness worse?")
    published = community.propose("Is swimming good for the spasms?")
    merged = community.propose("What medicines do people take first?")
    declined = community.propose("Has anyone tried magnesium?")
    question = services.publish_proposal(published, community.moderator)
    services.merge_proposal(merged, community.moderator, community.questions[0])
    services.decline_proposal(declined, community.moderator, REASON)
    db.session.commit()
    someone_else = community.propose("Is it hereditary?", member=community.new_member())

    response = app.test_client(user=community.member).get("/account/proposals")

    page = text_of(response)
    assert_well_structured(response.get_data(as_text=True))
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="/account/proposals" aria-current="page">My proposed questions' in page
    items = page.split('class="report-list__item"')[1:]
    by_title = {item.split("</h2>")[0].split(">")[-1]: item for item in items}
    assert set(by_title) == {p.title for p in (waiting, published, merged, declined)}
    assert someone_else.title not in page
    assert "Waiting for review" in by_title[waiting.title]
    assert f'href="/questions/{question.id}/{question.slug}"' in by_title[published.title]
    first = community.questions[0]
    assert "Joined to an existing question" in by_title[merged.title]
    assert f'href="/questions/{first.id}/{first.slug}"' in by_title[merged.title]
    assert f"The reason given: {REASON}" in by_title[declined.title]


def test_the_proposers_page_is_for_signed_in_members(client):
    assert client.get("/account/proposals").headers["Location"].startswith("/auth/sign-in")


def test_a_waiting_proposal_shows_on_no_public_page(app, community, make):
    proposal = community.propose("Does cold weather make the stiffness worse?")
    condition = community.condition
    reader = app.test_client(user=make.user())

    pages = [
        f"/conditions/{condition.id}/{condition.slug}",
        "/search?q=cold+weather",
        f"/members/{community.member.display_name}",
    ]

    for path in pages:
        response = reader.get(path)
        assert response.status_code == 200, path
        assert proposal.title not in text_of(response), path


def test_the_data_export_holds_the_members_proposals(app, community):
    waiting = community.propose("Does cold weather make the stiffness worse?", details="Winter.")
    declined = community.propose("Has anyone tried magnesium?")
    services.decline_proposal(declined, community.moderator, REASON)
    db.session.commit()
    community.propose("Is it hereditary?", member=community.new_member())

    exported = app.test_client(user=community.member).post("/account/export")

    data = json.loads(exported.get_data(as_text=True))
    proposals = {item["title"]: item for item in data["question_proposals"]}
    assert set(proposals) == {waiting.title, declined.title}
    assert proposals[waiting.title] | {"created_at": None} == {
        "condition": "Stiff Person Syndrome",
        "title": waiting.title,
        "details": "Winter.",
        "status": "open",
        "created_at": None,
        "decided_at": None,
        "decision_note": "",
        "question_id": None,
    }
    assert proposals[declined.title]["status"] == "declined"
    assert proposals[declined.title]["decision_note"] == REASON
    assert "moderator" not in json.dumps(proposals)  # never who decided


def test_deleting_the_account_keeps_the_proposals_with_no_proposer(app, community):
    waiting = community.propose("Does cold weather make the stiffness worse?")
    published = community.propose("Is swimming good for the spasms?")
    services.publish_proposal(published, community.moderator)
    db.session.commit()

    deleted = app.test_client(user=community.member).post(
        "/account/delete", data={"password": PASSWORD, "answers": "delete", "confirm": "y"}
    )

    assert deleted.status_code in (302, 303)
    assert [(p.title, p.proposer_id) for p in all_proposals()] == [
        (waiting.title, None),
        (published.title, None),
    ]
    queue = text_of(app.test_client(user=community.moderator).get("/moderation/proposals"))
    assert waiting.title in queue and "Former member" in queue
    assert "HopefulHeron" not in queue  # the proposer's pseudonym is gone with the account
