"""Sort, filter and page a question's answers through the query string."""

from __future__ import annotations

import html as entities
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest

from forum.accounts.models import Role
from forum.answers.models import AnswerStatus, Outcome, TimeSinceDiagnosis, TreatmentReport
from forum.conditions.models import Perspective
from forum.database import db, utcnow

CARD = re.compile(r'<article class="answer [^"]*" id="answer-(\d+)"')


@dataclass
class Listing:
    question: object
    alpha: object
    beta: object
    names: dict  # answer id -> "x1" …

    @property
    def path(self) -> str:
        return f"/questions/{self.question.id}/{self.question.slug}"

    def order(self, client, query: str = "") -> list[str]:
        response = client.get(self.path + query)
        assert response.status_code == 200, response.headers.get("Location")
        return [self.names[int(n)] for n in CARD.findall(response.get_data(as_text=True))]


@pytest.fixture
def listing(make) -> Listing:
    """shared       helpful  perspective  diagnosed   treatments
    x1  10 days ago  1        patient      1-2 years   Alpha helped a lot, Beta made it worse
    x2   5 days ago  5        caregiver    < 1 year    Beta helped a lot
    x3   1 day ago   3        patient      1-2 years   "Yoga" (other) no change
    x4  20 days ago  5        patient      not said    none
    x5   2 days ago  0        patient      1-2 years   Alpha helped a lot; hidden by a moderator
    """
    condition = make.condition()
    question = make.question(condition)
    make.published_summary(question)
    alpha, beta = make.treatment(condition, "Alpha"), make.treatment(condition, "Beta")
    now = utcnow()
    one_to_two = TimeSinceDiagnosis.YEARS_1_TO_2
    rows = {
        "x1": (10, 1, Perspective.PATIENT, one_to_two,
               [(alpha, Outcome.HELPED_A_LOT), (beta, Outcome.MADE_IT_WORSE)]),
        "x2": (5, 5, Perspective.CAREGIVER, TimeSinceDiagnosis.UNDER_1_YEAR,
               [(beta, Outcome.HELPED_A_LOT)]),
        "x3": (1, 3, Perspective.PATIENT, one_to_two, []),
        "x4": (20, 5, Perspective.PATIENT, None, []),
        "x5": (2, 0, Perspective.PATIENT, one_to_two, [(alpha, Outcome.HELPED_A_LOT)]),
    }  # fmt: skip
    names = {}
    for name, (days, helpful, perspective, diagnosis, treatments) in rows.items():
        answer = make.answer(
            question,
            published_at=now - timedelta(days=days),
            helpful_count=helpful,
            perspective=perspective,
            time_since_diagnosis=diagnosis,
            treatments=treatments,
            status=AnswerStatus.HIDDEN if name == "x5" else AnswerStatus.PUBLISHED,
        )
        names[answer.id] = name
    x3 = next(answer for answer in question.answers if names[answer.id] == "x3")
    x3.treatment_reports.append(TreatmentReport(other_name="Yoga", outcome=Outcome.NO_CHANGE))
    db.session.commit()
    return Listing(question, alpha, beta, names)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["x4", "x2", "x3", "x1"]),  # most helpful first; a tie goes to the earlier answer
        ("?sort=newest", ["x3", "x2", "x1", "x4"]),
        ("?sort=oldest", ["x4", "x1", "x2", "x3"]),
    ],
    ids=["helpful", "newest", "oldest"],
)
def test_every_sort_order(client, listing, query, expected):
    assert listing.order(client, query) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?treatment={alpha}", ["x1"]),
        ("?treatment={beta}", ["x2", "x1"]),
        ("?treatment=other", ["x3"]),
        ("?outcome=helped_a_lot", ["x2", "x1"]),
        # One report must match both: x1 names Beta, but Beta made it worse for them.
        ("?treatment={beta}&outcome=helped_a_lot", ["x2"]),
        ("?treatment={alpha}&outcome=made_it_worse", []),
        ("?perspective=caregiver", ["x2"]),
        ("?perspective=patient", ["x4", "x3", "x1"]),
        ("?diagnosis=1_to_2_years", ["x3", "x1"]),
        ("?sort=oldest&perspective=patient&diagnosis=1_to_2_years", ["x1", "x3"]),
        ("?sort=newest&outcome=no_change", ["x3"]),
    ],
)
def test_every_filter_and_their_combinations(client, listing, query, expected):
    query = query.format(alpha=listing.alpha.slug, beta=listing.beta.slug)
    assert listing.order(client, query) == expected


def test_filters_apply_on_top_of_what_a_moderator_may_see(app, make, listing):
    moderator = app.test_client(user=make.user(role=Role.MODERATOR))
    assert listing.order(moderator, "?outcome=helped_a_lot") == ["x2", "x1", "x5"]
    assert listing.order(moderator, "?sort=newest") == ["x3", "x5", "x2", "x1", "x4"]


def test_a_filter_that_matches_nothing_says_so(client, listing):
    html = client.get(listing.path + f"?treatment={listing.alpha.slug}&outcome=no_change")
    html = html.get_data(as_text=True)
    assert "No answers match these filters." in html
    assert f'<a href="{listing.path}#answers">Show all answers</a>' in html


def test_the_filter_form_shows_what_was_chosen(client, listing):
    html = client.get(listing.path + f"?sort=newest&treatment={listing.beta.slug}")
    html = html.get_data(as_text=True)
    assert '<option value="newest" selected>Newest first</option>' in html
    assert f'<option value="{listing.beta.slug}" selected>Beta</option>' in html
    assert '<option value="" selected>Any outcome</option>' in html
    assert '<label for="filter-treatment">Treatment</label>' in html
    assert "Showing 1–2 of 2 answers that match your filters." in html
    assert f'<a class="answer-filters__clear" href="{listing.path}#answers">' in html


@pytest.mark.parametrize(
    "query, clean, message",
    [
        # What the GET form sends: empty fields and the default order are dropped.
        ("?sort=helpful&treatment=&outcome=&perspective=&diagnosis=", "", None),
        ("?sort=newest&treatment=&outcome=helped_a_lot", "?sort=newest&outcome=helped_a_lot", None),
        ("?sort=best", "", "We left out the sort order “best”: it isn't one we know."),
        ("?treatment=unicorn-dust&sort=oldest", "?sort=oldest",
         "We left out the treatment “unicorn-dust”: it isn't one we know."),
        ("?outcome=cured", "", "We left out the outcome “cured”"),
        ("?perspective=doctor", "", "We left out the perspective “doctor”"),
        ("?diagnosis=yesterday", "", "We left out the time since diagnosis “yesterday”"),
        ("?page=abc", "", "We showed the first page: “abc” isn't a page number."),
        ("?page=0", "", "isn't a page number"),
        ("?page=-2", "", "isn't a page number"),
        ("?page=99999999999999999999", "", "isn't a page number"),
        ("?outcome=" + "x" * 300, "", "We left out the outcome “" + "x" * 39 + "…”"),
    ],
)  # fmt: skip
def test_unusable_values_are_left_out_with_a_message_never_an_error(
    client, listing, query, clean, message
):
    response = client.get(listing.path + query)
    assert response.status_code == 302
    assert response.headers["Location"] == listing.path + clean
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    if message:
        assert message in entities.unescape(page.get_data(as_text=True))


def test_page_one_and_unknown_parameters_need_no_redirect(client, listing):
    assert client.get(listing.path + "?page=1").status_code == 200
    assert client.get(listing.path + "?utm_source=newsletter").status_code == 200


def test_answers_come_in_pages_with_showing_n_of_m(app, client, listing):
    app.config["QUESTION_ANSWERS_PER_PAGE"] = 2
    html = client.get(listing.path).get_data(as_text=True)
    assert listing.order(client) == ["x4", "x2"]
    assert "Showing 1–2 of 4 answers." in html
    assert f'href="{listing.path}?page=2#answers"' in html
    assert listing.order(client, "?page=2") == ["x3", "x1"]
    html = client.get(listing.path + "?page=2").get_data(as_text=True)
    assert "Showing 3–4 of 4 answers." in html
    assert f'rel="prev" href="{listing.path}?page=1#answers"' in html
    assert listing.order(client, "?page=9") == ["x3", "x1"]  # past the end: the last page


def test_paging_keeps_the_sort_and_filters(app, client, listing):
    app.config["QUESTION_ANSWERS_PER_PAGE"] = 1
    html = client.get(listing.path + "?sort=newest&perspective=patient").get_data(as_text=True)
    following = entities.unescape(re.search(r'rel="next" href="([^"]+)"', html).group(1))
    assert following.startswith(listing.path + "?") and following.endswith("#answers")
    assert set(following[len(listing.path) + 1 : -len("#answers")].split("&")) == {
        "sort=newest", "perspective=patient", "page=2",
    }  # fmt: skip
    assert client.get(following).status_code == 200  # already the one URL of that view
    assert listing.order(client, "?sort=newest&perspective=patient&page=3") == ["x4"]


@pytest.mark.parametrize(
    "query",
    ["?sort=newest", "?treatment=other", "?page=2", "?perspective=caregiver&sort=oldest"],
)
def test_sorted_filtered_and_later_pages_stay_out_of_search_results(client, listing, query):
    html = client.get(listing.path + query).get_data(as_text=True)
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://localhost{listing.path}">' in html


def test_the_plain_page_is_indexed(client, listing):
    html = client.get(listing.path).get_data(as_text=True)
    assert "noindex" not in html
    assert f'<link rel="canonical" href="http://localhost{listing.path}">' in html


@pytest.mark.parametrize(
    "query, note",
    [
        ("", ""),
        ("?sort=newest", " (newest first)"),
        ("?outcome=no_change&page=2", " (filtered answers, page 2)"),
    ],
)
def test_the_title_says_which_view_this_is(client, listing, query, note):
    html = client.get(listing.path + query).get_data(as_text=True)
    assert f"<title>{listing.question.title}{note} · " in html
