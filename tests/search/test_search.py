"""Search finds the right thing first, shows only what the reader may see, marks words without
letting a post's markup through, and never fails on what someone typed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from forum.accounts.models import Role
from forum.answers.models import AnswerStatus, Visibility
from forum.database import db
from forum.questions.models import QuestionStatus
from forum.search.models import SearchKind
from tests.search.helpers import answer_key, found, results

FILLER = (
    "Some days are better than others and I keep a diary of symptoms, sleep and meals so I can "
    "show my neurologist what changed between appointments."
)


@pytest.fixture
def condition(make):
    return make.condition("Stiff Person Syndrome")


@pytest.fixture
def question(make, condition):
    return make.question(condition, title="What helps with muscle spasms?")


def test_a_document_ranks_first_for_its_own_words(make, question):
    others = [make.answer(question, body=f"{FILLER} Number {n}.") for n in range(5)]
    passing = make.answer(question, body=f"{FILLER} A friend mentioned hydrotherapy once.")
    target = make.answer(
        question, body="Hydrotherapy twice a week: the warm pool hydrotherapy sessions help most."
    )
    hits = found("hydrotherapy pool")
    assert hits[0] == answer_key(target)
    assert answer_key(passing) not in hits  # it lacks "pool"
    assert not set(hits) & {answer_key(other) for other in others}
    assert found("hydrotherapy")[:2] == [answer_key(target), answer_key(passing)]


def test_title_words_rank_a_question_above_answers_that_mention_them(make, condition, question):
    other = make.question(condition, title="Is fatigue part of the condition?")
    make.answer(other, body="My muscle spasms come and go, but the tiredness stays all day.")
    assert found("muscle spasms")[0] == (SearchKind.QUESTION, question.id)


def test_stemming_finds_other_forms_of_a_word(make, question):
    answer = make.answer(question, body="Stretching every morning loosened my back.")
    assert found("stretch") == [answer_key(answer)]


def test_filters_by_condition_and_by_kind(make, condition, question):
    elsewhere = make.question(make.condition("Myasthenia Gravis"), title="Do spasms happen?")
    answer = make.answer(question, body="Spasms eased with a heat pad at night.")
    summary = make.published_summary(question, short_answer="Spasms often respond to diazepam.")

    everything = set(found("spasms"))
    assert (SearchKind.QUESTION, elsewhere.id) in everything
    assert set(found("spasms", condition_id=condition.id)) == {
        (SearchKind.QUESTION, question.id),
        (SearchKind.SUMMARY, summary.summary_id),
        answer_key(answer),
    }
    assert found("spasms", kind=SearchKind.ANSWER) == [answer_key(answer)]
    assert found("spasms", kind=SearchKind.SUMMARY) == [(SearchKind.SUMMARY, summary.summary_id)]


def test_results_come_in_pages(app, make, question):
    app.config["SEARCH_RESULTS_PER_PAGE"] = 4
    answers = {answer_key(make.answer(question, body=f"Baclofen {n}. {FILLER}")) for n in range(10)}
    pages = [results("baclofen", page=number) for number in (1, 2, 3)]
    assert [page.total for page in pages] == [10, 10, 10]
    assert [len(page.hits) for page in pages] == [4, 4, 2]
    assert [(page.first, page.last) for page in pages] == [(1, 4), (5, 8), (9, 10)]
    seen = {(hit.kind, int(hit.url.rsplit("/", 1)[1])) for page in pages for hit in page.hits}
    assert seen == answers
    assert results("baclofen", page=99).page == 3  # past the end: the last page
    assert pages[0].has_next and not pages[2].has_next and pages[2].prev_num == 2


# ---------------------------------------------------------------------------------------------
# Leaks
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status",
    [AnswerStatus.PENDING, AnswerStatus.HIDDEN, AnswerStatus.REJECTED, AnswerStatus.DELETED],
)
def test_unpublished_answers_are_never_found_by_anyone(make, question, status):
    author = make.user()
    make.answer(question, author, body="Plasmapheresis was hard going.", status=status)
    for viewer in (make.user(), make.user(role=Role.MODERATOR), author):
        assert found("plasmapheresis", viewer) == []


def test_members_only_answers_are_found_by_signed_in_readers_only(client, make, question):
    answer = make.answer(
        question, body="Plasmapheresis was hard going.", visibility=Visibility.MEMBERS
    )
    assert found("plasmapheresis") == []
    assert found("plasmapheresis", make.user()) == [answer_key(answer)]
    html = client.get("/search?q=plasmapheresis").get_data(as_text=True)
    assert "No results" in html and "Plasmapheresis" not in html
    assert "sign in</a> to search their answers too" in html


def test_an_anonymous_answer_never_shows_its_author(client, make, question):
    author = make.user(display_name="Quillmoth")
    make.answer(question, author, body="Diazepam helped me sleep.", is_anonymous=True)
    make.answer(question, make.user(display_name="Brightfern"), body="Diazepam at night.")
    html = client.get("/search?q=diazepam").get_data(as_text=True)
    assert "2 results" in html
    assert "Quillmoth" not in html
    assert "Brightfern" not in html  # results name no author at all
    assert found("quillmoth") == []


def test_a_hidden_question_takes_everything_on_it_out(make, question):
    make.published_summary(question, short_answer="Spasms often respond to diazepam.")
    make.answer(question, body="Diazepam helped.")
    question.status = QuestionStatus.HIDDEN
    db.session.commit()
    assert found("diazepam") == [] and found("spasms") == []


# ---------------------------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------------------------

HOSTILE = (
    'Gabapentin <script>alert("x")</script> <img src=x onerror=alert(1)> '
    "<b>bold</b> \x02<i>marked</i>\x03 a < b & c > d \"quoted\" 'single' gabapentin again."
)


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)


def tags_in(html: str) -> list[str]:
    parser = TagCollector()
    parser.feed(html)
    return parser.tags


def test_snippets_are_escaped_text_with_only_marks_added(client, make, question):
    make.answer(question, body=HOSTILE)
    hit = results("gabapentin").hits[0]
    assert set(tags_in(str(hit.snippet))) == {"mark"}
    assert "<mark>Gabapentin</mark>" in hit.snippet
    assert str(hit.snippet).count("<mark>") == str(hit.snippet).count("</mark>")

    html = client.get("/search?q=gabapentin").get_data(as_text=True)
    listing = html[html.index('<ol class="search-results__list"') : html.index("</ol>")]
    assert set(tags_in(listing)) <= {"ol", "li", "p", "h3", "a", "mark", "time"}
    assert "onerror" not in listing or "&lt;img" in listing


def test_a_question_title_with_markup_is_escaped_in_results(client, make, condition):
    make.question(condition, title="Does <em>heat</em> & cold help?")
    html = client.get("/search?q=heat").get_data(as_text=True)
    assert "<em>" not in html.split('class="search-results"')[1]
    assert "&amp; cold" in html


# ---------------------------------------------------------------------------------------------
# What people type
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"unclosed', 'a"b"c', "baclofen*", "NOT", "AND OR", "(baclofen", "baclofen)",
        "-", "--baclofen", "col:baclofen", "NEAR(a b)", "^baclofen", "+baclofen",
        "'; DROP TABLE answers; --", "\x00baclofen", "ба́клофен", "x" * 500, "🙂",
    ],
)  # fmt: skip
def test_whatever_is_typed_the_page_answers_calmly(client, make, question, text):
    make.answer(question, body="Baclofen helped.")
    response = client.get("/search", query_string={"q": text})
    assert response.status_code == 200


def test_phrases_or_and_exclusions_work(make, question):
    both = make.answer(question, body="Warm baths and gentle stretching helped my muscle spasms.")
    one = make.answer(question, body="Cold showers made the muscle worse, and the spasms too.")
    assert found('"muscle spasms"', kind=SearchKind.ANSWER) == [answer_key(both)]
    assert set(found("baths or showers")) == {answer_key(both), answer_key(one)}
    assert found("muscle -showers", kind=SearchKind.ANSWER) == [answer_key(both)]


def test_an_empty_query_shows_the_form_only(client):
    html = client.get("/search").get_data(as_text=True)
    assert '<form class="form search-form" role="search"' in html
    assert "search-results" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_common_words_alone_ask_for_a_real_word(client):
    html = client.get("/search?q=the+with").get_data(as_text=True)
    assert "Please type a word to search for" in html


def test_unknown_condition_and_kind_in_the_url_are_ignored(client, make, question):
    make.answer(question, body="Baclofen helped.")
    response = client.get("/search?q=baclofen&condition=abc&kind=everything&page=x")
    assert response.status_code == 200
    assert "1 result for" in response.get_data(as_text=True)


def test_the_page_keeps_filters_in_its_pagination_links(app, client, make, condition, question):
    app.config["SEARCH_RESULTS_PER_PAGE"] = 1
    for n in range(3):
        make.answer(question, body=f"Baclofen, dose {n}.")
    html = client.get(f"/search?q=baclofen&condition={condition.id}&kind=answer").get_data(
        as_text=True
    )
    link = re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert set(link.split("?")[1].split("&")) == {
        "q=baclofen",
        f"condition={condition.id}",
        "kind=answer",
        "page=2",
    }
    assert '<option selected value="answer">' in html


def test_a_results_page_costs_a_fixed_number_of_queries(client, make, question, count_queries):
    for n in range(3):
        make.answer(question, body=f"Baclofen, dose {n}.")
    with count_queries() as few:
        client.get("/search?q=baclofen")
    for n in range(20):
        make.answer(make.question(), body=f"Baclofen, dose {n}.")
    with count_queries() as many:
        client.get("/search?q=baclofen")
    assert many.count == few.count <= 8


def test_every_page_has_a_labelled_search_box_in_its_header(client):
    html = client.get("/about").get_data(as_text=True)
    header = html[html.index("<header") : html.index("</header>")]
    assert 'role="search"' in header and 'aria-label="Search the forum"' in header
    assert '<label class="visually-hidden" for="site-search">Search the forum</label>' in header


def test_a_condition_page_searches_that_condition(client, condition):
    html = client.get(f"/conditions/{condition.id}/{condition.slug}").get_data(as_text=True)
    form = html[html.index('aria-label="Search Stiff Person Syndrome"') :]
    form = form[: form.index("</form>")]
    assert f'name="condition" value="{condition.id}"' in form
    assert 'name="q"' in form


def test_a_word_in_very_many_answers_ranks_the_newest_and_says_there_are_more(
    app, client, make, question
):
    app.config["SEARCH_CANDIDATES"] = 3
    answers = [make.answer(question, body=f"Spasms, story number {n}.") for n in range(5)]
    page = results("spasms")
    assert page.more and page.total == 4
    assert (
        set(found("spasms"))
        == {
            (SearchKind.QUESTION, question.id),  # questions and summaries are ranked on their own
            *(answer_key(answer) for answer in answers[2:]),
        }
    )
    html = client.get("/search?q=spasms").get_data(as_text=True)
    assert "More than 4 results for “spasms”" in html
    assert "add a word, or choose a condition" in html
    # A second word narrows the matches below the limit: the oldest answer is back.
    assert found("spasms number 0") == [answer_key(answers[0])]
