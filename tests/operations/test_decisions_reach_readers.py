"""A decision takes effect for every reader on the very next request.

Each test warms every kept page and fragment first (a signed-out reader twice, so the second is
a page-cache hit, and a signed-in member who is not the author), then makes the change through
the route a moderator, reviewer, admin or member uses, then reads every surface again: the
question page (with its JSON-LD and "what members report"), the permalink, the condition page,
the treatment pages, the feeds, the sitemap and search.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import select

from forum.accounts.models import Role
from forum.answers.models import Answer, AnswerStatus, Outcome
from forum.database import db
from forum.summaries.models import RevisionStatus, SummaryRevision
from tests.answers.helpers import answer_form
from tests.factories import PASSWORD

MARKER = "Zebrafinch"  # a word only the answer under test holds
BODY = f"{MARKER} mornings: baclofen twice a day loosened my back within a fortnight."
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


class Scene:
    """A community with a reviewed question, four published answers reporting one treatment,
    a reader signed out and a member signed in who wrote none of them."""

    def __init__(self, app, make, waiting: bool = False) -> None:
        app.config["SMALL_NUMBER_THRESHOLD"] = 1  # every count written out, for the panel
        self.app, self.make = app, make
        self.condition = make.condition("Stiff Person Syndrome", slug="stiff-person-syndrome")
        self.treatment = make.treatment(self.condition, "Baclofen")
        self.question = make.question(
            self.condition, title="What are the primary treatments?", slug="treatments"
        )
        make.published_summary(self.question)
        self.author = self.member(display_name="WrenHollow")
        if waiting:  # a new member's first answer, held for a moderator
            self.answer = self.post_through_the_form(self.author)
            assert self.answer.status is AnswerStatus.PENDING
        else:
            self.answer = make.answer(
                self.question,
                self.author,
                body=BODY,
                treatments=[(self.treatment, Outcome.HELPED_A_LOT)],
            )
        self.answer_id = self.answer.id
        for _ in range(3):
            make.answer(
                self.question,
                self.member(),
                body="Stretching each evening and a warm bath kept the spasms down for me.",
                treatments=[(self.treatment, Outcome.HELPED_A_LOT)],
            )
        self.moderator = make.user(role=Role.MODERATOR, display_name="ModMaple")
        self.admin = make.user(role=Role.ADMIN, display_name="AdminAsh")
        self.reader = app.test_client()
        self.other_member = app.test_client(user=self.member(display_name="OtherOak"))

    def member(self, **fields):
        user = self.make.user(**fields)
        self.make.membership(user, self.condition)
        return user

    def client_of(self, user):
        return self.app.test_client(user=user)

    def post_through_the_form(self, author) -> Answer:
        form = answer_form(body=BODY, treatments=[(self.treatment.id, "helped_a_lot", {})])
        response = self.client_of(author).post(f"/questions/{self.question.id}/answer", data=form)
        assert response.status_code in (302, 303)
        return db.session.scalar(select(Answer).where(Answer.author_id == author.id))

    # -- what readers read ----------------------------------------------------------------

    @property
    def question_path(self) -> str:
        return f"/questions/{self.question.id}/{self.question.slug}"

    def surfaces(self) -> dict[str, str]:
        c, q, t = self.condition, self.question, self.treatment
        return {
            "question page": self.question_path,
            "condition page": f"/conditions/{c.id}/{c.slug}",
            "home page": "/",
            "treatment page": f"/conditions/{c.id}/treatments/{t.id}-{t.slug}",
            "treatments page": f"/conditions/{c.id}/{c.slug}/treatments",
            "question feed": f"/questions/{q.id}/{q.slug}/feed.xml",
            "condition feed": f"/conditions/{c.id}/{c.slug}/feed.xml",
            "sitemap": "/sitemap.xml",
            "search": f"/search?q={MARKER}",
            "permalink": f"/answers/{self.answer_id}",
            "summary history": f"/questions/{q.id}/summary/history",
        }

    def warm(self) -> None:
        for path in self.surfaces().values():
            for client in (self.reader, self.reader, self.other_member):
                client.get(path)
        assert self.reader.get(self.question_path).headers["X-Page-Cache"] == "hit"

    def read(self, client, surface: str):
        return client.get(self.surfaces()[surface])

    def text(self, client, surface: str) -> str:
        response = self.read(client, surface)
        assert response.status_code == 200, (surface, response.status_code)
        return html.unescape(response.get_data(as_text=True))

    def readers(self):
        return {"signed out": self.reader, "signed-in member": self.other_member}

    def structured_data(self) -> str:
        (block,) = SCRIPT.findall(self.reader.get(self.question_path).get_data(as_text=True))
        return json.dumps(json.loads(block))

    def assert_answer_shown(self, shown: bool) -> None:
        """The answer under test, on every surface that shows answers, for both readers."""
        link = f'href="/answers/{self.answer_id}"'
        signs = {
            "question page": MARKER,  # its words (the page links to every answer's permalink)
            "question feed": MARKER,
            "condition feed": MARKER,
            "treatment page": link,  # a list of links
            "search": link,  # the search box holds the word searched for
        }
        for who, client in self.readers().items():
            for surface, sign in signs.items():
                found = sign in self.text(client, surface)
                assert found is shown, f"{who}, {surface}: expected shown={shown}"
            permalink = self.read(client, "permalink")
            assert (permalink.status_code == 200) is shown, (who, permalink.status_code)
        assert (MARKER in self.structured_data()) is shown

    def assert_counts(self, published: int) -> None:
        """How many shared, on the question and condition pages, and in the members' report."""
        people = f"{published} people" if published != 1 else "1 person"
        for who, client in self.readers().items():
            assert f"{people} with Stiff Person Syndrome" in self.text(client, "question page"), who
            assert f"{people} shared" in self.text(client, "condition page"), who
            report = self.text(client, "question page").split('id="answers"')[0]
            assert re.search(rf"\b{published}\s+(members|member|people|person)\b", report), who

    # -- decisions ------------------------------------------------------------------------

    def moderate(self, decision: str, answer=None, **data) -> None:
        answer = answer or self.answer
        response = self.client_of(self.moderator).post(
            f"/moderation/answers/{answer.id}/{decision}", data=data
        )
        assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]


@pytest.fixture
def scene(app, make) -> Scene:
    return Scene(app, make)


def test_a_hidden_answer_is_gone_for_every_reader_on_the_next_request(scene):
    scene.warm()
    scene.assert_answer_shown(True)
    scene.moderate("hide", reason="Advice about doses that could harm someone.")
    scene.assert_answer_shown(False)
    scene.assert_counts(3)


def test_an_approved_answer_appears_at_once(app, make):
    scene = Scene(app, make, waiting=True)
    scene.warm()
    scene.assert_answer_shown(False)
    scene.moderate("approve", expected="pending")
    scene.assert_answer_shown(True)
    scene.assert_counts(4)


def test_a_restored_answer_is_back_at_once_and_a_rejected_one_stays_out(scene):
    scene.moderate("hide", reason="Checking a claim about doses.")
    scene.warm()
    scene.assert_answer_shown(False)
    scene.moderate("restore", reason="The claim checks out.")
    scene.assert_answer_shown(True)
    scene.assert_counts(4)
    scene.moderate("hide", reason="Checking the claim again.")
    scene.warm()
    scene.moderate("reject", reason="It names a dose as advice.", expected="hidden")
    scene.assert_answer_shown(False)
    scene.assert_counts(3)


def test_a_moderators_edit_shows_at_once(scene):
    scene.warm()
    client = scene.client_of(scene.moderator)
    new_body = "Baclofen twice a day loosened my back; I have taken out the brand name."
    response = client.post(
        f"/answers/{scene.answer.id}/edit",
        data=answer_form(
            body=new_body,
            version=str(scene.answer.version),
            treatments=[(scene.treatment.id, "helped_a_lot", {})],
            reason="Removed a brand name.",
        ),
    )
    assert response.status_code in (302, 303)
    for who, client in scene.readers().items():
        page = scene.text(client, "question page")
        assert "I have taken out the brand name" in page and MARKER not in page, who
        assert "I have taken out the brand name" in scene.text(client, "permalink"), who
    assert f'href="/answers/{scene.answer_id}"' not in scene.text(scene.reader, "search")


def test_removing_all_of_a_members_content_takes_it_down_at_once(scene):
    scene.warm()
    response = scene.client_of(scene.moderator).post(
        f"/moderation/members/{scene.author.id}/remove-content",
        data={"remove-reason": "Spam account selling supplements."},
    )
    assert response.status_code in (302, 303)
    scene.assert_answer_shown(False)
    scene.assert_counts(3)


def test_a_ban_or_a_suspension_alone_takes_nothing_down(scene):
    """Their stories stay readable (a moderator removes content separately), and every page
    read after the decision is drawn from the data as it now stands."""
    scene.warm()
    moderator = scene.client_of(scene.moderator)
    response = moderator.post(
        f"/moderation/members/{scene.author.id}/suspend",
        data={"suspend-reason": "Heated replies.", "suspend-length": "7"},
    )
    assert response.status_code in (302, 303)
    scene.assert_answer_shown(True)
    response = moderator.post(
        f"/moderation/members/{scene.author.id}/ban", data={"ban-reason": "Threats."}
    )
    assert response.status_code in (302, 303)
    scene.assert_answer_shown(True)
    scene.assert_counts(4)


@pytest.mark.parametrize("choice", ["delete", "keep"])
def test_a_deleted_account_takes_effect_at_once(scene, choice):
    scene.warm()
    response = scene.client_of(scene.author).post(
        "/account/delete", data={"answers": choice, "password": PASSWORD}
    )
    assert response.status_code in (302, 303)
    if choice == "delete":
        scene.assert_answer_shown(False)
        scene.assert_counts(3)
        return
    scene.assert_answer_shown(True)
    for who, client in scene.readers().items():
        page = scene.text(client, "question page")
        assert "WrenHollow" not in page and "Former member" in page, who
        assert "WrenHollow" not in scene.text(client, "question feed"), who
    assert "WrenHollow" not in scene.structured_data()


def test_a_newly_published_summary_shows_at_once(scene, make):
    scene.warm()
    writer, publisher = make.reviewer("Dr Wren Writer"), make.reviewer("Dr Pia Publisher")
    short = "Muscle relaxants and physiotherapy are the usual first steps (new version)."
    form = {
        "short_answer": short,
        "body": "Most people start with a muscle relaxant, then add physiotherapy.",
        "key_points": "",
        "change_summary": "Rewritten lead.",
        "references-0-title": "A guide for patients",
        "references-0-url": "https://example.org/guide",
        "references-0-publisher": "Example Health Institute",
        "references-0-year": "2026",
    }
    response = scene.client_of(writer).post(
        f"/review/questions/{scene.question.id}/summary", data=form
    )
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:800]
    draft = db.session.scalar(
        select(SummaryRevision).where(SummaryRevision.status == RevisionStatus.DRAFT)
    )
    assert scene.client_of(writer).post(f"/review/revisions/{draft.id}/submit").status_code in (
        302,
        303,
    )
    response = scene.client_of(publisher).post(
        f"/review/revisions/{draft.id}/publish",
        data={"publish-change_note": "Rewrote the lead.", "publish-next_review_due": ""},
    )
    assert response.status_code in (302, 303)
    for who, client in scene.readers().items():
        assert short in scene.text(client, "question page"), who
        assert "Rewrote the lead." in scene.text(client, "summary history"), who
        assert "Dr Pia Publisher" in scene.text(client, "question page"), who
    assert short in scene.structured_data()


def test_admin_edits_of_a_condition_a_question_and_a_treatment_show_at_once(scene):
    scene.warm()
    admin = scene.client_of(scene.admin)
    c, q, t = scene.condition, scene.question, scene.treatment
    response = admin.post(
        f"/admin/conditions/{c.id}/edit",
        data={"name": "Stiff Person Syndrome (SPS)", "slug": c.slug, "description": "Renamed."},
    )
    assert response.status_code in (302, 303)
    response = admin.post(
        f"/admin/questions/{q.id}/edit",
        data={"title": "Which treatments help most?", "slug": q.slug, "status": "open"},
    )
    assert response.status_code in (302, 303)
    response = admin.post(
        f"/admin/treatments/{t.id}/edit",
        data={"name": "Baclofen tablets", "slug": t.slug, "kind": "medication", "synonyms": ""},
    )
    assert response.status_code in (302, 303)
    for who, client in scene.readers().items():
        assert "Stiff Person Syndrome (SPS)" in scene.text(client, "home page"), who
        page = scene.text(client, "question page")
        assert "Which treatments help most?" in page and "Stiff Person Syndrome (SPS)" in page, who
        assert "Baclofen tablets" in page, who
        assert "Which treatments help most?" in scene.text(client, "condition page"), who
        assert "Baclofen tablets" in scene.text(client, "treatment page"), who
        assert "Baclofen tablets" in scene.text(client, "treatments page"), who
        assert "Which treatments help most?" in scene.text(client, "question feed"), who
    assert "Which treatments help most?" in scene.structured_data()


def test_a_hidden_question_is_gone_at_once(scene):
    scene.warm()
    q = scene.question
    response = scene.client_of(scene.admin).post(
        f"/admin/questions/{q.id}/edit",
        data={"title": q.title, "slug": q.slug, "status": "hidden"},
    )
    assert response.status_code in (302, 303)
    for who, client in scene.readers().items():
        assert client.get(scene.question_path).status_code == 404, who
        assert client.get(f"/answers/{scene.answer_id}").status_code == 404, who
        assert q.title not in scene.text(client, "condition page"), who
        assert f"/questions/{q.id}/" not in scene.text(client, "sitemap"), who
        assert f'href="/answers/{scene.answer_id}"' not in scene.text(client, "search"), who


def test_a_helpful_vote_shows_in_the_count_at_once(scene):
    scene.warm()
    assert "0 people found this helpful" in scene.text(scene.reader, "permalink")
    voter = scene.client_of(scene.member())
    response = voter.post(f"/answers/{scene.answer.id}/helpful", data={"vote": "on"})
    assert response.status_code in (302, 303)
    for who, client in scene.readers().items():
        assert "1 person found this helpful" in scene.text(client, "question page"), who
        assert "1 person found this helpful" in scene.text(client, "permalink"), who
