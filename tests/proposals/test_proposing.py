"""Proposing a question: who may, similar questions offered first, repeats refused, odd input
answered with a message, and the posting budget."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin

from forum.accounts.models import AccountStatus
from forum.core.errors import ForumError
from forum.database import db, utcnow
from forum.proposals import services
from forum.proposals.models import ProposalStatus
from forum.proposals.services import SimilarQuestionsExistError
from forum.questions.models import QuestionStatus
from forum.web.request_input import NUL_MESSAGE
from tests.html_checks import assert_well_structured
from tests.proposals.conftest import all_proposals, text_of

NEW_TITLE = "Does cold weather make the stiffness worse?"
LIKE_THE_FIRST = "Which treatments helped your stiffness the most?"  # shares "treatments"


def propose_path(community) -> str:
    return f"/conditions/{community.condition.id}/propose-question"


# --- Who may propose -------------------------------------------------------------------------

REFUSALS = [
    # (who, the message, the one next step offered)
    ("signed_out", "Members of the Stiff Person Syndrome community can propose questions here.",
     "Sign in or join the forum"),
    ("unconfirmed", "Please confirm your email address before you propose a question.",
     "Send the confirmation link again"),
    ("suspended", "Your account is suspended until", None),
    ("not_member", "Questions here are proposed by members of the Stiff Person Syndrome community.",
     "Join the Stiff Person Syndrome community"),
]  # fmt: skip


def someone(community, make, who: str):
    if who == "signed_out":
        return None
    if who == "unconfirmed":
        return community.new_member(email_verified_at=None)
    if who == "suspended":
        return community.new_member(
            status=AccountStatus.SUSPENDED, suspended_until=utcnow() + timedelta(days=7)
        )
    return make.user()


@pytest.mark.parametrize(("who", "message", "step"), REFUSALS)
def test_only_confirmed_members_in_good_standing_may_propose(community, make, who, message, step):
    user = someone(community, make, who) or AnonymousUserMixin()
    with pytest.raises(ForumError, match=message.split(" until")[0]):
        services.propose_question(community.condition, user, NEW_TITLE, similar_seen=True)


@pytest.mark.parametrize(("who", "message", "step"), REFUSALS)
def test_the_proposing_page_says_why_not_and_the_next_step(
    app, community, make, who, message, step
):
    user = someone(community, make, who)
    client = app.test_client(user=user) if user else app.test_client()

    page = client.get(propose_path(community))
    sent = client.post(propose_path(community), data={"title": NEW_TITLE})

    assert page.status_code == 200
    assert message in text_of(page)
    if step:
        assert step in text_of(page)
    assert 'name="title"' not in text_of(page)
    assert sent.status_code == 403
    assert all_proposals() == []


def test_the_condition_page_links_to_proposing_only_for_those_who_may(app, community, make):
    link = f'href="{propose_path(community)}"'
    path = f"/conditions/{community.condition.id}/{community.condition.slug}"
    member_page = app.test_client(user=community.member).get(path)
    outsider_page = app.test_client(user=make.user()).get(path)

    assert link in member_page.get_data(as_text=True)
    assert link not in outsider_page.get_data(as_text=True)
    assert link not in app.test_client().get(path).get_data(as_text=True)


def test_an_unknown_condition_is_not_found(app, community):
    client = app.test_client(user=community.member)
    assert client.get("/conditions/99999/propose-question").status_code == 404


# --- Proposing --------------------------------------------------------------------------------


def test_a_member_proposes_a_question_and_it_waits_for_a_moderator(app, community):
    client = app.test_client(user=community.member)
    form = client.get(propose_path(community))
    assert_well_structured(form.get_data(as_text=True))

    sent = client.post(
        propose_path(community), data={"title": f"  {NEW_TITLE} ", "details": " I dread winter. "}
    )

    assert sent.headers["Location"] == "/account/proposals"
    (proposal,) = all_proposals()
    assert (proposal.title, proposal.details) == (NEW_TITLE, "I dread winter.")
    assert proposal.status is ProposalStatus.OPEN
    assert proposal.proposer_id == community.member.id
    assert "A moderator will read your question" in text_of(client.get("/account/proposals"))


def test_similar_questions_are_offered_before_anything_is_written(app, community):
    client = app.test_client(user=community.member)

    first = client.post(propose_path(community), data={"title": LIKE_THE_FIRST})

    page = text_of(first)
    assert first.status_code == 200
    assert "Is your question already here?" in page
    assert community.questions[0].title in page.replace("<mark>", "").replace("</mark>", "")
    assert f'href="/questions/{community.questions[0].id}/' in page
    assert "Propose it anyway" in page
    assert_well_structured(first.get_data(as_text=True))
    assert all_proposals() == []

    anyway = client.post(
        propose_path(community),
        data={"title": LIKE_THE_FIRST, "shown_similar_for": LIKE_THE_FIRST},
    )
    assert anyway.headers["Location"] == "/account/proposals"
    assert [p.title for p in all_proposals()] == [LIKE_THE_FIRST]


def test_a_title_changed_after_the_similar_questions_is_looked_up_again(app, community):
    client = app.test_client(user=community.member)
    changed = "Which treatments helped your spasms at night?"

    again = client.post(
        propose_path(community), data={"title": changed, "shown_similar_for": LIKE_THE_FIRST}
    )

    assert "Is your question already here?" in text_of(again)
    assert all_proposals() == []


def test_without_similar_questions_the_proposal_goes_straight_on(community, in_a_request):
    proposal = services.propose_question(
        community.condition, community.member, NEW_TITLE, similar_seen=False
    )
    assert proposal.title == NEW_TITLE


def test_the_similar_questions_are_the_conditions_own_and_not_found_by_its_name(
    community, make, in_a_request
):
    elsewhere = make.question(make.condition("Lupus"), title="Which treatments help fatigue?")
    condition, member = community.condition, community.member
    for by_its_name in ("Stiff Person Syndrome and sleep?", "Is the stiffness worse in winter?"):
        assert services.similar_questions(condition, by_its_name, member) == []

    with pytest.raises(SimilarQuestionsExistError) as found:
        services.propose_question(condition, member, LIKE_THE_FIRST, similar_seen=False)

    offered = [hit.question.id for hit in found.value.hits]
    assert offered == [community.questions[0].id]
    assert elsewhere.id not in offered


# --- Repeats ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "What are the primary treatments for Stiff Person Syndrome?",
        "what are the PRIMARY treatments for stiff   person syndrome",
        "What are the primary treatments, for Stiff-Person Syndrome!",
    ],
)
def test_a_title_repeating_a_visible_question_is_refused(community, title):
    with pytest.raises(ForumError, match="This is already a question here") as refused:
        services.propose_question(community.condition, community.member, title, similar_seen=True)
    assert refused.value.field == "title"


def test_a_title_repeating_a_waiting_proposal_is_refused_without_naming_its_proposer(community):
    community.propose(NEW_TITLE)
    other = community.new_member()

    with pytest.raises(ForumError, match="You have already proposed"):
        community.propose(NEW_TITLE.upper())
    with pytest.raises(ForumError, match=r"^Someone has already proposed"):
        community.propose(f"{NEW_TITLE}!!", member=other)


def test_hidden_questions_declined_proposals_and_other_conditions_are_no_repeat(community, make):
    hidden = make.question(community.condition, title="Is physiotherapy worth trying?")
    hidden.status = QuestionStatus.HIDDEN
    declined = community.propose("Does heat help?")
    declined.status = ProposalStatus.DECLINED
    make.question(make.condition("Lupus"), title=NEW_TITLE)
    db.session.commit()

    for title in ("Is physiotherapy worth trying?", "Does heat help?", NEW_TITLE):
        community.propose(title)

    assert len(all_proposals()) == 4


def test_the_page_refuses_a_repeat_beside_the_title(app, community):
    client = app.test_client(user=community.member)
    title = community.questions[1].title.lower()

    sent = client.post(propose_path(community), data={"title": title})

    assert sent.status_code == 400
    page = text_of(sent)
    assert f"This is already a question here: “{community.questions[1].title}”" in page
    assert 'aria-invalid="true"' in page
    assert f'value="{title}"' in page  # what the member typed is kept
    assert all_proposals() == []


# --- Odd input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Please write the question."),
        ({"title": "   "}, "Please write the question."),
        ({"title": "x" * 201}, "Please keep the question under 200 characters."),
        ({"title": "?!?"}, "The question needs at least one letter or digit."),
        ({"title": "Cold\x00 weather?"}, NUL_MESSAGE),
        ({"title": NEW_TITLE, "details": "x" * 2001}, "Field cannot be longer than 2000"),
        ({}, "Please write the question."),
    ],
)
def test_odd_input_gets_a_400_and_a_message(app, community, data, message):
    sent = app.test_client(user=community.member).post(propose_path(community), data=data)

    assert sent.status_code == 400
    assert message in text_of(sent)
    assert all_proposals() == []


def test_the_service_refuses_overlong_text_too(community):
    with pytest.raises(ForumError, match="under 200 characters"):
        community.propose("Why " * 60)
    with pytest.raises(ForumError, match="under 2000 characters"):
        community.propose(NEW_TITLE, details="x" * 2001)


def test_proposals_share_the_posting_budget_and_looking_at_similar_ones_is_free(app, community):
    app.config["RATELIMIT_POSTING"] = "2 per hour"
    client = app.test_client(user=community.member)
    for _ in range(3):
        shown = client.post(propose_path(community), data={"title": LIKE_THE_FIRST})
        assert shown.status_code == 200

    codes = [
        client.post(propose_path(community), data={"title": title}).status_code
        for title in ("Does heat help?", "Does rain help?", "Does snow help?")
    ]

    assert codes == [302, 302, 429]
    assert len(all_proposals()) == 2
