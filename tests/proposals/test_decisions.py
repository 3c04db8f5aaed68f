"""The moderators' queue of proposed questions and its decisions: publish, merge, decline. Who
may decide, what each writes (the question, the log, the proposer's notification), and that a
proposal is decided once."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from forum.accounts.models import Role
from forum.audit.actions import Action
from forum.core.errors import ForumError
from forum.database import db
from forum.privacy.deletion import delete_account
from forum.proposals import services
from forum.proposals.models import ProposalStatus, QuestionProposal
from forum.proposals.services import AlreadyDecidedError
from forum.questions.models import Question
from forum.search.services import SearchRequest, search
from forum.summaries.dashboard import reviewer_dashboard
from tests.factories import PASSWORD
from tests.html_checks import assert_well_structured
from tests.proposals.conftest import all_proposals, log_entries, text_of, told

TITLE = "Does cold weather make the stiffness worse?"
REASON = "Please ask this in the everyday-life question: it covers the weather too."


FIELD = {"publish": "title", "merge": "question", "decline": "reason"}


def decide_path(proposal, decision: str) -> str:
    return f"/moderation/proposals/{proposal.id}/{decision}"


def decide(client, proposal, decision: str, value="", **options):
    """Send the DECISION form of PROPOSAL, as the queue page names its one field."""
    data = {f"{decision}-{proposal.id}-{FIELD[decision]}": value}
    return client.post(decide_path(proposal, decision), data=data, **options)


def questions_titled(title: str) -> list[Question]:
    return list(db.session.scalars(select(Question).where(Question.title == title)))


# --- Who may review --------------------------------------------------------------------------


@pytest.fixture
def paths(community) -> list[tuple[str, str]]:
    proposal = community.propose(TITLE)
    return [
        ("GET", "/moderation/proposals"),
        ("GET", f"/moderation/proposals/{proposal.id}"),
        *(("POST", decide_path(proposal, d)) for d in ("publish", "merge", "decline")),
    ]


@pytest.mark.parametrize("role", [Role.MEMBER, Role.REVIEWER])
def test_members_and_reviewers_get_403_and_nothing_is_decided(app, community, make, paths, role):
    client = app.test_client(user=make.user(role=role))
    for method, path in paths:
        response = client.open(path, method=method, data={"decline-1-reason": REASON})
        assert response.status_code == 403, path
    assert all_proposals()[0].status is ProposalStatus.OPEN


def test_signed_out_visitors_are_sent_to_sign_in(app, paths):
    for method, path in paths:
        response = app.test_client().open(path, method=method)
        assert response.headers["Location"].startswith("/auth/sign-in"), path


def test_members_cannot_decide_through_the_services_either(community):
    proposal = community.propose(TITLE)
    with pytest.raises(ForumError, match="Only moderators and admins"):
        services.publish_proposal(proposal, community.member)
    with pytest.raises(ForumError, match="Only moderators and admins"):
        services.decline_proposal(proposal, community.new_member(), REASON)


@pytest.mark.parametrize("who", ["moderator", "admin"])
def test_the_queue_shows_open_proposals_oldest_first_to_moderators_and_admins(app, community, who):
    older = community.propose(TITLE, details="Winter is hard on my legs.")
    newer = community.propose("Is swimming good for the spasms?", member=community.new_member())
    decided = community.propose("Does heat help?")
    services.decline_proposal(decided, community.moderator, REASON)
    db.session.commit()

    response = app.test_client(user=getattr(community, who)).get("/moderation/proposals")

    page = text_of(response)
    assert response.status_code == 200
    assert_well_structured(response.get_data(as_text=True))
    assert page.index(older.title) < page.index(newer.title)
    assert "Does heat help?" not in page
    assert "Winter is hard on my legs." in page
    assert "HopefulHeron" in page and "Stiff Person Syndrome" in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="/moderation/proposals" aria-current="page">Proposed questions' in page


def test_the_moderation_pages_link_to_the_queue(app, community):
    page = text_of(app.test_client(user=community.moderator).get("/moderation/"))
    assert 'href="/moderation/proposals">Proposed questions' in page


def test_the_queue_costs_the_same_queries_for_3_and_30_proposals(
    app, community, make, count_queries
):
    other = make.condition("Lupus")
    make.question(other, title="What helps with joint pain?")
    lupus_member = make.user()
    make.membership(lupus_member, other)
    client = app.test_client(user=community.moderator)

    def queue_queries(total: int) -> int:
        while len(all_proposals()) < total:
            n = len(all_proposals())
            condition, member = (other, lupus_member) if n % 2 else (community.condition, None)
            member = member or community.new_member()
            services.propose_question(
                condition, member, f"Proposed question number {n}?", similar_seen=True
            )
            db.session.commit()
        with count_queries() as counter:
            response = client.get("/moderation/proposals")
        assert response.status_code == 200
        assert text_of(response).count('class="mod-item"') == total
        return counter.count

    assert queue_queries(3) == queue_queries(30)


# --- Publishing -------------------------------------------------------------------------------


def test_publishing_makes_the_question_last_in_its_list_and_counts_it(community):
    proposal = community.propose(TITLE)
    count_before = community.condition.question_count
    last_position = max(question.position for question in community.questions)

    question = services.publish_proposal(proposal, community.moderator)
    db.session.commit()

    db.session.refresh(community.condition)
    assert (question.title, question.slug) == (TITLE, "does-cold-weather-make-the-stiffness-worse")
    assert question.position == last_position + 1
    assert question.is_visible and question.condition_id == community.condition.id
    assert community.condition.question_count == count_before + 1
    assert proposal.status is ProposalStatus.PUBLISHED
    assert (proposal.question_id, proposal.decided_by_id) == (question.id, community.moderator.id)
    assert proposal.decided_at is not None


def test_publishing_is_logged_with_the_proposer_as_subject_and_the_proposer_is_told(community):
    proposal = community.propose(TITLE)

    question = services.publish_proposal(proposal, community.moderator)
    db.session.commit()

    (entry,) = log_entries(Action.QUESTION_PROPOSAL_PUBLISHED)
    assert (entry.actor_id, entry.subject_user_id) == (community.moderator.id, community.member.id)
    assert (entry.target_type, entry.target_id) == ("question_proposal", proposal.id)
    assert entry.before == {"status": "open"}
    assert entry.after == {"status": "published", "question_id": question.id, "title_edited": False}
    (notification,) = told(community.member)
    assert notification.link == f"/questions/{question.id}/{question.slug}"
    assert f"Your proposed question “{TITLE}” is published." in notification.message


def test_a_moderator_may_lightly_edit_the_title_when_publishing(community):
    proposal = community.propose("does cold weather make the stiffnes worse")

    question = services.publish_proposal(proposal, community.admin, f"  {TITLE} ")
    db.session.commit()

    assert question.title == TITLE
    assert proposal.title == "does cold weather make the stiffnes worse"  # as the member wrote
    (entry,) = log_entries(Action.QUESTION_PROPOSAL_PUBLISHED)
    assert entry.after["title_edited"] is True


def test_publishing_refuses_a_title_an_existing_question_already_asks(community):
    proposal = community.propose(TITLE)
    existing = community.questions[1].title

    with pytest.raises(ForumError, match="join the proposal to it instead"):
        services.publish_proposal(proposal, community.moderator, existing.upper())
    db.session.rollback()
    assert proposal.status is ProposalStatus.OPEN


def test_a_published_question_is_listed_searchable_and_waits_for_its_summary(app, community, make):
    proposal = community.propose(TITLE)
    client = app.test_client(user=community.admin)
    reader = app.test_client()
    condition_path = f"/conditions/{community.condition.id}/{community.condition.slug}"
    assert TITLE not in text_of(reader.get(condition_path))  # and the page is kept

    sent = decide(client, proposal, "publish")

    assert sent.headers["Location"] == "/moderation/proposals"
    assert "Published. The member has been told" in text_of(client.get("/moderation/proposals"))
    (question,) = questions_titled(TITLE)
    page = text_of(reader.get(f"/questions/{question.id}/{question.slug}"))
    assert "A medically reviewed summary for this question is being prepared." in page
    assert TITLE in text_of(reader.get(condition_path))
    with app.test_request_context():
        found = search(SearchRequest(text="cold weather"), make.user())
    assert [hit.question.id for hit in found.hits] == [question.id]
    assert question.id in [q.id for q in reviewer_dashboard().without_summary]


def test_the_publish_form_shows_a_too_long_title_beside_it(app, community):
    proposal = community.propose(TITLE)
    client = app.test_client(user=community.moderator)

    sent = decide(client, proposal, "publish", "x" * 201)

    assert sent.status_code == 400
    assert "Please keep the question under 200 characters." in text_of(sent)
    assert_well_structured(sent.get_data(as_text=True))
    assert questions_titled("x" * 201) == [] and all_proposals()[0].is_open


# --- Merging ----------------------------------------------------------------------------------


def test_merging_links_the_proposal_to_the_chosen_question(app, community):
    proposal = community.propose(TITLE)
    chosen = community.questions[2]
    client = app.test_client(user=community.moderator)

    sent = decide(client, proposal, "merge", chosen.id)

    assert sent.headers["Location"] == "/moderation/proposals"
    db.session.refresh(proposal)
    assert (proposal.status, proposal.question_id) == (ProposalStatus.MERGED, chosen.id)
    assert questions_titled(TITLE) == []
    (entry,) = log_entries(Action.QUESTION_PROPOSAL_MERGED)
    assert entry.after == {"status": "merged", "question_id": chosen.id}
    assert entry.subject_user_id == community.member.id
    (notification,) = told(community.member)
    assert notification.link == f"/questions/{chosen.id}/{chosen.slug}"
    assert "so it joins that question" in notification.message


def test_merging_needs_a_visible_question_of_the_same_condition(app, community, make):
    proposal = community.propose(TITLE)
    elsewhere = make.question(make.condition("Lupus"))
    client = app.test_client(user=community.moderator)

    for choice in ("", "abc", str(elsewhere.id), "99999999999999999999"):
        sent = decide(client, proposal, "merge", choice)
        assert sent.status_code == 400, choice
        assert "Please choose a question about Stiff Person Syndrome to join" in text_of(sent)
    with pytest.raises(ForumError, match="Please choose a question"):
        services.merge_proposal(proposal, community.moderator, elsewhere)
    db.session.refresh(proposal)
    assert proposal.is_open and log_entries(Action.QUESTION_PROPOSAL_MERGED) == []


# --- Declining --------------------------------------------------------------------------------


def test_declining_needs_a_reason(app, community):
    proposal = community.propose(TITLE)
    with pytest.raises(ForumError, match="Please tell the member why") as refused:
        services.decline_proposal(proposal, community.moderator, "   ")
    assert refused.value.field == "reason"
    db.session.rollback()

    sent = decide(app.test_client(user=community.moderator), proposal, "decline", "")

    assert sent.status_code == 400
    assert "Please tell the member why their question is not published." in text_of(sent)
    db.session.refresh(proposal)
    assert proposal.is_open and told(community.member) == []


def test_declining_tells_the_proposer_why_and_logs_the_reason(app, community):
    proposal = community.propose(TITLE)

    sent = decide(app.test_client(user=community.admin), proposal, "decline", REASON)

    assert sent.headers["Location"] == "/moderation/proposals"
    db.session.refresh(proposal)
    assert (proposal.status, proposal.decision_note) == (ProposalStatus.DECLINED, REASON)
    assert proposal.question_id is None
    (entry,) = log_entries(Action.QUESTION_PROPOSAL_DECLINED)
    assert (entry.reason, entry.actor_id) == (REASON, community.admin.id)
    (notification,) = told(community.member)
    assert notification.link == "/account/proposals"
    assert notification.message.endswith(f"The reason given: {REASON}")


# --- Once only --------------------------------------------------------------------------------


def test_a_proposal_is_decided_once(community):
    proposal = community.propose(TITLE)
    services.decline_proposal(proposal, community.moderator, REASON)
    db.session.commit()

    with pytest.raises(AlreadyDecidedError):
        services.publish_proposal(proposal, community.admin)
    db.session.rollback()

    assert questions_titled(TITLE) == []
    assert len(told(community.member)) == 1
    assert log_entries(Action.QUESTION_PROPOSAL_PUBLISHED) == []


def test_a_moderator_who_loaded_it_before_another_decided_changes_nothing(community):
    proposal = community.propose(TITLE)
    # Another moderator declines it in the meantime; this session still holds it as open.
    db.session.execute(
        update(QuestionProposal)
        .where(QuestionProposal.id == proposal.id)
        .values(status=ProposalStatus.DECLINED, decision_note=REASON)
        .execution_options(synchronize_session=False)
    )
    assert proposal.is_open

    with pytest.raises(AlreadyDecidedError):
        services.publish_proposal(proposal, community.moderator)
    db.session.rollback()

    assert questions_titled(TITLE) == []
    assert log_entries(Action.QUESTION_PROPOSAL_PUBLISHED) == []


def test_the_second_decision_through_the_page_is_refused_with_a_message(app, community):
    proposal = community.propose(TITLE)
    first = app.test_client(user=community.moderator)
    second = app.test_client(user=community.admin)
    decide(first, proposal, "merge", community.questions[0].id)

    late = decide(second, proposal, "publish", follow_redirects=True)

    page = text_of(late)
    assert late.request.path == f"/moderation/proposals/{proposal.id}"
    assert "Another moderator or admin has already decided about this proposal" in page
    assert "Joined to an existing question" in page
    assert questions_titled(TITLE) == []


def test_a_former_members_proposal_is_still_decided_and_nobody_is_told(app, community):
    proposal = community.propose(TITLE)
    delete_account(community.member, PASSWORD, keep_answers=False)
    db.session.commit()
    db.session.refresh(proposal)

    page = text_of(app.test_client(user=community.moderator).get("/moderation/proposals"))
    services.publish_proposal(proposal, community.moderator)
    db.session.commit()

    assert "Former member" in page
    (entry,) = log_entries(Action.QUESTION_PROPOSAL_PUBLISHED)
    assert entry.subject_user_id is None
    assert questions_titled(TITLE)


def test_the_log_links_to_the_proposal_and_the_member_sees_the_decision(app, community):
    proposal = community.propose(TITLE)
    services.decline_proposal(proposal, community.moderator, REASON)
    db.session.commit()

    log = text_of(app.test_client(user=community.admin).get("/moderation/log"))
    own = text_of(app.test_client(user=community.member).get("/account/moderation"))

    assert f'href="/moderation/proposals/{proposal.id}">Proposed question {proposal.id}' in log
    assert "Proposed question declined" in own and REASON in own
    assert 'href="/account/proposals">Your proposed question' in own
    assert "ModMaple" not in own  # never which moderator
