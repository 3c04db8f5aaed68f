"""Passages of a summary linked to members' reports: who may link them, what may be linked, and
what readers see beside the summary (each treatment's own figures, small counts withheld)."""

from __future__ import annotations

import html as html_module
import re
from dataclasses import replace

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.answers.models import Outcome, Visibility
from forum.audit.models import ModerationAction
from forum.comparing.aggregates import treatment_report
from forum.core.errors import ForumError
from forum.database import db
from forum.summaries import claims
from forum.summaries.models import SummaryClaim
from forum.summaries.services import current_summary
from tests.html_checks import assert_well_structured
from tests.summaries.community import answers_naming, build_community
from tests.summaries.helpers import CONTENT, write_draft

HELPED_A_LOT, HELPED_SOMEWHAT, NO_CHANGE, WORSE = Outcome
SECTION_HEADING = "What members report about the treatments named here"


@pytest.fixture
def community(make):
    return build_community(make)


@pytest.fixture
def reviewer(make):
    return make.reviewer("Dr Rhea Checker")


def claims_url(community) -> str:
    return f"/review/questions/{community.question.id}/claims"


def question_url(community) -> str:
    question = community.question
    return f"/questions/{question.id}/{question.slug}"


def claims_section(page: str) -> str:
    """The readers' section beside the summary, as plain words ("" when there is none)."""
    found = re.search(r'<section class="summary-claims".*?</section>', page, re.DOTALL)
    if not found:
        return ""
    words = html_module.unescape(re.sub(r"<[^>]+>", " ", found.group(0)))
    return " ".join(words.replace(" ,", ",").replace(" :", ":").split())


def logged(action: str) -> list[ModerationAction]:
    query = select(ModerationAction).where(ModerationAction.action == action)
    return list(db.session.scalars(query))


def mark(community, reviewer, passage, *treatments):
    claim = claims.mark_claim(
        community.question, reviewer, passage, [treatment.id for treatment in treatments]
    )
    db.session.commit()
    return claim


# ---------------------------------------------------------------------------------------------
# Marking and removing, through the services
# ---------------------------------------------------------------------------------------------


def test_a_reviewer_links_a_passage_to_treatments_and_the_log_says_so(community, reviewer):
    claim = mark(
        community,
        reviewer,
        "  Some find that muscle\n relaxants  ease stiffness. ",
        community.gabapentin,
        community.diazepam,
    )
    assert claim.passage == "Some find that muscle relaxants ease stiffness."
    assert [t.name for t in claim.treatments] == ["Diazepam", "Gabapentin"]
    assert claim.created_by == reviewer and claim.summary == community.revision.summary
    [entry] = logged("claim_marked")
    assert entry.actor_id == reviewer.id and entry.target_type == "summary_claim"
    assert entry.target_id == claim.id
    assert entry.after["passage"] == claim.passage
    assert {t["name"] for t in entry.after["treatments"]} == {"Diazepam", "Gabapentin"}


@pytest.mark.parametrize(
    "passage",
    [
        "Muscle relaxants are the usual first step.",  # the short answer
        "Most people start with baclofen.",  # the body as readers see it, without **
        "Start low and go slow",  # a key point
    ],
)
def test_a_passage_may_come_from_any_part_of_the_published_summary(community, reviewer, passage):
    assert mark(community, reviewer, passage, community.baclofen).passage == passage


@pytest.mark.parametrize(
    "passage",
    [
        "Most people start with diazepam.",  # not what it says
        "Most people start with **baclofen**.",  # the writer's Markdown, not what readers see
        "most people start with baclofen.",  # word for word means the same letters too
        "the usual first step. Most people start",  # across the short answer and the body
        "Start low and go slow Review every year",  # across two key points
    ],
)
def test_a_passage_not_in_the_published_summary_word_for_word_is_refused(
    community, reviewer, passage
):
    with pytest.raises(ForumError, match="not in the published summary") as refused:
        claims.mark_claim(community.question, reviewer, passage, [community.baclofen.id])
    assert refused.value.field == "passage"
    assert db.session.scalars(select(SummaryClaim)).all() == []
    assert logged("claim_marked") == []


def test_a_passage_only_in_a_draft_is_refused(community, reviewer, make):
    writer = make.reviewer("Dr Wren Writer")
    write_draft(community.question, writer, replace(CONTENT, body="Tizanidine is new."))
    with pytest.raises(ForumError, match="not in the published summary"):
        claims.mark_claim(community.question, reviewer, "Tizanidine is new.", [1])


def test_treatments_outside_the_condition_s_vocabulary_are_refused(community, reviewer, make):
    elsewhere = make.treatment(make.condition("Lupus"), "Hydroxychloroquine")
    passage = "Most people start with baclofen."
    for treatment_ids in (
        [elsewhere.id],
        [community.baclofen.id, elsewhere.id],
        [987_654],
        [2**40],
        [0],
        [],
    ):
        with pytest.raises(ForumError, match="treatment") as refused:
            claims.mark_claim(community.question, reviewer, passage, treatment_ids)
        assert refused.value.field == "treatments"
    assert db.session.scalars(select(SummaryClaim)).all() == []


def test_a_question_without_a_published_summary_has_nothing_to_link(make, reviewer):
    question = make.question()
    write_draft(question, make.reviewer("Dr Wren Writer"))
    with pytest.raises(ForumError, match="no published summary"):
        claims.mark_claim(question, reviewer, "Most people start with", [1])


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_cannot_link_or_unlink(community, reviewer, make, role):
    claim = mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    someone = make.user(role=role)
    with pytest.raises(ForumError, match="Only medical reviewers"):
        claims.mark_claim(
            community.question, someone, "A few also need immune therapy.", [community.baclofen.id]
        )
    with pytest.raises(ForumError, match="Only medical reviewers"):
        claims.remove_claim(claim, someone)


def test_the_same_passage_cannot_be_linked_twice(community, reviewer):
    mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    with pytest.raises(ForumError, match="already linked"):
        claims.mark_claim(
            community.question,
            reviewer,
            "Most people  start with baclofen.",
            [community.diazepam.id],
        )


def test_unlinking_a_passage_is_logged_with_what_it_was(community, reviewer, make):
    claim = mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    claim_id = claim.id
    other = make.reviewer("Dr Otto Other")
    claims.remove_claim(claim, other)
    db.session.commit()
    assert db.session.get(SummaryClaim, claim_id) is None
    [entry] = logged("claim_removed")
    assert entry.actor_id == other.id and entry.target_id == claim_id
    assert entry.before["passage"] == "Most people start with baclofen."
    assert entry.before["treatments"] == [{"id": community.baclofen.id, "name": "Baclofen"}]


def test_a_passage_a_new_version_dropped_is_marked_and_readers_no_longer_see_it(
    app, community, reviewer, make, client
):
    mark(community, reviewer, "A few also need immune therapy.", community.baclofen)
    answers_naming(make, community.question, community.baclofen, *[HELPED_A_LOT] * 3)
    assert SECTION_HEADING in client.get(question_url(community)).get_data(as_text=True)
    make.published_summary(community.question, body="Most people start with baclofen.")
    [row] = claims.claim_rows(current_summary(community.question.id))
    assert not row.is_current
    page = app.test_client(user=reviewer).get(claims_url(community)).get_data(as_text=True)
    assert "Not in the current version" in page
    assert SECTION_HEADING not in client.get(question_url(community)).get_data(as_text=True)


# ---------------------------------------------------------------------------------------------
# The reviewers' page and its forms
# ---------------------------------------------------------------------------------------------


def test_signed_out_visitors_are_sent_to_sign_in(client, community):
    response = client.get(claims_url(community))
    assert response.headers["Location"].startswith("/auth/sign-in")


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_get_403_on_every_claims_route(app, community, reviewer, make, role):
    claim = mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    client = app.test_client(user=make.user(role=role))
    form = {"passage": "A few also need immune therapy.", "treatments": str(community.baclofen.id)}
    assert client.get(claims_url(community)).status_code == 403
    assert client.post(claims_url(community), data=form).status_code == 403
    remove = f"{claims_url(community)}/{claim.id}/remove"
    assert client.post(remove).status_code == 403
    assert len(db.session.scalars(select(SummaryClaim)).all()) == 1


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.ADMIN])
def test_reviewers_and_admins_link_a_passage_through_the_page(app, community, make, role):
    client = app.test_client(user=make.user(role=role))
    page = client.get(claims_url(community)).get_data(as_text=True)
    assert_well_structured(page)
    assert '<meta name="robots" content="noindex">' in page
    assert f'name="treatments" value="{community.gabapentin.id}"' in page
    form = {
        "passage": "Some find that muscle relaxants ease stiffness.",
        "treatments": [str(community.diazepam.id), str(community.gabapentin.id)],
    }
    response = client.post(claims_url(community), data=form)
    assert response.headers["Location"] == claims_url(community)
    [claim] = db.session.scalars(select(SummaryClaim)).all()
    assert {t.name for t in claim.treatments} == {"Diazepam", "Gabapentin"}
    assert len(logged("claim_marked")) == 1
    listed = client.get(claims_url(community)).get_data(as_text=True)
    assert "Names: Diazepam, Gabapentin." in listed
    assert "Not in the current version" not in listed


def test_a_reviewer_unlinks_a_passage_through_the_page(app, community, reviewer):
    claim = mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    client = app.test_client(user=reviewer)
    response = client.post(f"{claims_url(community)}/{claim.id}/remove")
    assert response.headers["Location"] == claims_url(community)
    assert db.session.scalars(select(SummaryClaim)).all() == []
    assert len(logged("claim_removed")) == 1


def test_an_unknown_claim_or_one_of_another_question_is_404(app, community, reviewer, make):
    other = build_community(make)
    claim = mark(other, reviewer, "Most people start with baclofen.", other.baclofen)
    client = app.test_client(user=reviewer)
    assert client.post(f"{claims_url(community)}/{claim.id}/remove").status_code == 404
    assert client.post(f"{claims_url(community)}/99999/remove").status_code == 404
    assert client.get("/review/questions/99999/claims").status_code == 404
    assert db.session.get(SummaryClaim, claim.id) is not None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"passage": ""}, "Please copy the passage from the summary."),
        ({"passage": "Nothing like the summary."}, "not in the published summary"),
        ({"passage": "odd\x00text"}, "invisible “null” character"),
        ({"treatments": []}, "Please choose at least one treatment"),
        ({"treatments": ["abc"]}, "Please choose treatments from the list."),
        ({"treatments": ["99999999999999999999"]}, "Please choose treatments from the list"),
        ({"treatments": ["987654"]}, "Please choose treatments from the list"),
    ],
)
def test_odd_input_is_a_400_with_a_message_and_links_nothing(
    app, community, reviewer, fields, message
):
    form = {
        "passage": "Most people start with baclofen.",
        "treatments": [str(community.baclofen.id)],
    }
    response = app.test_client(user=reviewer).post(claims_url(community), data=form | fields)
    assert response.status_code == 400
    assert message in html_module.unescape(response.get_data(as_text=True))
    assert db.session.scalars(select(SummaryClaim)).all() == []


def test_a_treatment_of_another_condition_is_refused_by_the_page(app, community, reviewer, make):
    elsewhere = make.treatment(make.condition("Lupus"), "Hydroxychloroquine")
    form = {"passage": "Most people start with baclofen.", "treatments": [str(elsewhere.id)]}
    response = app.test_client(user=reviewer).post(claims_url(community), data=form)
    assert response.status_code == 400
    assert db.session.scalars(select(SummaryClaim)).all() == []


# ---------------------------------------------------------------------------------------------
# What readers see beside the summary
# ---------------------------------------------------------------------------------------------


def test_readers_see_each_treatment_s_figures_hand_counted_and_small_ones_withheld(
    app, community, reviewer, make, client
):
    question = community.question
    answers_naming(make, question, community.baclofen, *[HELPED_A_LOT] * 5, *[NO_CHANGE] * 3)
    answers_naming(make, question, community.diazepam, HELPED_A_LOT, WORSE)
    answers_naming(make, question, community.gabapentin, *[HELPED_SOMEWHAT] * 4, WORSE)
    mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    mark(
        community,
        reviewer,
        "Some find that muscle relaxants ease stiffness.",
        community.diazepam,
        community.gabapentin,
    )
    page = client.get(question_url(community)).get_data(as_text=True)
    assert_well_structured(page)
    section = claims_section(page)
    assert section.startswith(SECTION_HEADING)
    assert (
        "Most people start with baclofen. Baclofen, named in 8 answers: 5 helped a lot, "
        "0 helped somewhat, 3 no change, 0 made it worse." in section
    )
    # Two answers: too few to say anything, not even which way it went.
    assert "Diazepam, named in fewer than 3 answers: too few to say how it went." in section
    # One said it made things worse: "fewer than 3", and the 4 beside it is withheld too, or
    # 5 - 4 would give the 1 away.
    assert (
        "Gabapentin, named in 5 answers: 0 helped a lot, helped somewhat (not shown), "
        "0 no change, fewer than 3 made it worse." in section
    )
    assert not re.search(r"\b[12] (helped|no change|made)", section)
    link = f"/conditions/{community.condition.id}/treatments/{community.gabapentin.id}-"
    assert link in page


def test_the_figures_are_exactly_the_treatment_page_s_for_each_audience(
    app, community, reviewer, make
):
    question = community.question
    answers_naming(make, question, community.gabapentin, *[HELPED_SOMEWHAT] * 4, WORSE)
    other_question = make.question(community.condition)
    answers_naming(make, other_question, community.gabapentin, NO_CHANGE, NO_CHANGE)
    answers_naming(
        make, question, community.gabapentin, HELPED_A_LOT, visibility=Visibility.MEMBERS
    )
    mark(community, reviewer, "Most people start with baclofen.", community.gabapentin)
    threshold = app.config["SMALL_NUMBER_THRESHOLD"]
    for viewer in (make.user(email_verified_at=None), make.user()):
        [shown] = claims.claims_for_readers(question, community.revision, viewer, threshold)
        [figures] = shown.treatments
        [page_tally] = treatment_report(community.gabapentin, viewer, threshold).treatments
        assert figures.tally.tried.text == page_tally.tried.text
        assert [(o, f.text) for o, f in figures.tally.outcomes] == [
            (o, f.text) for o, f in page_tally.outcomes
        ]


def test_a_treatment_no_answer_names_says_so(community, reviewer, client):
    mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    section = claims_section(client.get(question_url(community)).get_data(as_text=True))
    assert "Baclofen: no published answer names it yet." in section


def test_members_only_answers_count_for_members_only_and_their_panel_never_reaches_others(
    app, community, reviewer, make
):
    question = community.question
    answers_naming(make, question, community.baclofen, *[HELPED_A_LOT] * 5)
    answers_naming(make, question, community.baclofen, *[NO_CHANGE] * 3,
                   visibility=Visibility.MEMBERS)  # fmt: skip
    mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    for_members = "Baclofen, named in 8 answers: 5 helped a lot, 0 helped somewhat, 3 no change"
    for_everyone = "Baclofen, named in 5 answers: 5 helped a lot, 0 helped somewhat, 0 no change"
    # The members' panel is drawn and kept first; then readers who may not read members-only
    # answers come: signed out, and signed in without a confirmed address.
    member_page = app.test_client(user=make.user()).get(question_url(community))
    assert for_members in claims_section(member_page.get_data(as_text=True))
    for client in (app.test_client(), app.test_client(user=make.user(email_verified_at=None))):
        section = claims_section(client.get(question_url(community)).get_data(as_text=True))
        assert for_everyone in section and "8 answers" not in section
    member_again = app.test_client(user=make.user()).get(question_url(community))
    assert for_members in claims_section(member_again.get_data(as_text=True))


def test_the_kept_panel_follows_linking_and_unlinking(app, community, reviewer, make, client):
    answers_naming(make, community.question, community.baclofen, *[HELPED_A_LOT] * 3)
    assert SECTION_HEADING not in client.get(question_url(community)).get_data(as_text=True)
    reviewer_client = app.test_client(user=reviewer)
    form = {"passage": "Most people start with baclofen.", "treatments": str(community.baclofen.id)}
    reviewer_client.post(claims_url(community), data=form)
    section = claims_section(client.get(question_url(community)).get_data(as_text=True))
    assert "Baclofen, named in 3 answers: 3 helped a lot" in section
    claim = db.session.scalars(select(SummaryClaim)).one()
    reviewer_client.post(f"{claims_url(community)}/{claim.id}/remove")
    assert SECTION_HEADING not in client.get(question_url(community)).get_data(as_text=True)


def test_a_kept_panel_is_read_without_asking_for_claims_again(
    app, community, reviewer, make, count_queries
):
    answers_naming(make, community.question, community.baclofen, *[HELPED_A_LOT] * 3)
    mark(community, reviewer, "Most people start with baclofen.", community.baclofen)
    member = app.test_client(user=make.user())
    with count_queries() as first:
        member.get(question_url(community))
    with count_queries() as again:
        member.get(question_url(community))
    assert any("summary_claims" in statement for statement in first.statements)
    assert not any("summary_claims" in statement for statement in again.statements)


FIVE_SENTENCES = (
    "Baclofen eases spasms. Diazepam helps some sleep. Gabapentin calms nerve pain. "
    "Tizanidine relaxes muscles. Stretching keeps joints moving."
)


@pytest.mark.parametrize("viewer", ["reader", "member"])
def test_the_question_page_costs_the_same_with_one_claim_as_with_five(
    app, make, count_queries, viewer
):
    app.config["FRAGMENT_CACHE_ENABLED"] = False  # the worst case: nothing kept
    reviewer = make.reviewer()
    member = make.user()
    costs = []
    for claim_count in (1, 5):
        community = build_community(make, body=FIVE_SENTENCES)
        extra = [make.treatment(community.condition, name) for name in ("Tizanidine", "Stretching")]
        for treatment in (*community.treatments, *extra):
            answers_naming(make, community.question, treatment, *[HELPED_A_LOT, NO_CHANGE] * 3)
        for sentence, treatment in list(
            zip(FIVE_SENTENCES.split(". "), (*community.treatments, *extra), strict=True)
        )[:claim_count]:
            mark(community, reviewer, sentence.rstrip(".") + ".", treatment)
        client = app.test_client(user=member) if viewer == "member" else app.test_client()
        with count_queries() as counter:
            page = client.get(question_url(community)).get_data(as_text=True)
        assert claims_section(page).count("named in 6 answers: 3 helped a lot") == claim_count
        costs.append(counter.count)
    assert costs[0] == costs[1], costs
    assert costs[1] <= 10, costs
