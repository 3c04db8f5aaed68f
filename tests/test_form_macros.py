"""The form and navigation macros, seen through the test-only page that uses them all."""

from __future__ import annotations

import re

import pytest

from tests import macro_gallery

pytestmark = pytest.mark.own_app  # the gallery's route is added before the first request


@pytest.fixture
def gallery(app):
    macro_gallery.register(app)
    return app.test_client()


def form_html(response) -> str:
    html = response.get_data(as_text=True)
    start = html.index('<form method="post"')  # the header's search form comes before it
    return html[start : html.index("</form>", start)]


def test_a_text_field_ties_its_label_hint_and_error_to_the_input(gallery):
    html = form_html(gallery.post(macro_gallery.PATH, data={}))
    assert '<label for="display_name">Display name <span class="required">(required)</span>' in html
    assert '<p class="field__hint" id="display_name-hint">' in html
    assert (
        '<p class="field__error" id="display_name-error">'
        '<span class="visually-hidden">Error: </span>Enter a display name.</p>'
    ) in html
    assert re.search(
        r'<input aria-describedby="display_name-hint display_name-error" aria-invalid="true"'
        r' id="display_name"',
        html,
    )


def test_without_errors_a_field_points_only_at_its_hint(gallery):
    html = form_html(gallery.get(macro_gallery.PATH))
    assert '<input aria-describedby="display_name-hint" id="display_name"' in html
    assert "field__error" not in html and "aria-invalid" not in html


def test_radio_buttons_are_a_fieldset_whose_legend_asks_the_question(gallery):
    html = form_html(gallery.post(macro_gallery.PATH, data={"perspective": "caregiver"}))
    group = html[html.index('<fieldset class="choices"') : html.index("</fieldset>")]
    assert "<legend>Whose experience is this? " in group
    assert '<label for="perspective-0">My own</label>' in group
    assert re.search(r'<input checked id="perspective-1" name="perspective" required', group)
    assert 'aria-describedby="perspective-error"' not in group


def test_a_multiple_choice_is_a_list_of_checkboxes_that_keeps_what_was_ticked(gallery):
    html = form_html(gallery.post(macro_gallery.PATH, data={"treatments": ["baclofen", "ivig"]}))
    assert '<fieldset class="choices" aria-describedby="treatments-hint">' in html
    assert 'id="treatments-0" name="treatments" value="baclofen" checked>' in html
    assert 'id="treatments-1" name="treatments" value="diazepam">' in html
    assert 'id="treatments-2" name="treatments" value="ivig" checked>' in html
    assert "<select multiple" not in html


def test_a_single_checkbox_comes_before_its_label(gallery):
    html = form_html(gallery.get(macro_gallery.PATH))
    assert re.search(
        r'<input aria-describedby="anonymous-hint" id="anonymous" name="anonymous"'
        r' type="checkbox" value="y">\s*<label for="anonymous">Post anonymously</label>',
        html,
    )


def test_the_error_summary_links_to_each_field_in_trouble(gallery):
    html = gallery.post(macro_gallery.PATH, data={"display_name": "Wren"}).get_data(as_text=True)
    start = html.index('<div class="error-summary"')
    summary = html[start : html.index("<form", start)]
    assert 'href="#display_name"' not in summary
    assert '<a href="#perspective-0">Choose whose experience this is.</a>' in summary
    assert '<a href="#guidelines">Please confirm you have read the guidelines.</a>' in summary


def test_flash_messages_are_shown_in_a_polite_live_region(gallery):
    html = gallery.get(macro_gallery.PATH).get_data(as_text=True)
    region = html[
        html.index('<div class="flash-messages"') : html.index(
            "</div>", html.index("flash-messages")
        )
    ]
    assert 'role="status" aria-live="polite"' in region
    assert '<p class="flash flash--error">Something needs your attention.</p>' in region


@pytest.fixture
def twelve_answers(make):
    question = make.question()
    for _ in range(12):
        make.answer(question)


def test_pagination_says_where_you_are_and_keeps_the_sort_order(gallery, twelve_answers):
    html = gallery.get(macro_gallery.PATH + "?page=2&sort=newest").get_data(as_text=True)
    assert '<nav class="pagination" aria-label="Answer pages">' in html
    assert "Showing 6–10 of 12 answers" in html and "Page 2 of 3" in html
    assert 'rel="prev" href="/_test/form-macros?page=1&amp;sort=newest"' in html
    assert 'rel="next" href="/_test/form-macros?page=3&amp;sort=newest"' in html


def test_the_last_page_has_no_next_link(gallery, twelve_answers):
    html = gallery.get(macro_gallery.PATH + "?page=3").get_data(as_text=True)
    assert "Showing 11–12 of 12 answers" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_one_page_needs_no_links_and_nothing_needs_no_pagination(gallery, make):
    question = make.question()
    assert "pagination" not in gallery.get(macro_gallery.PATH).get_data(as_text=True)
    make.answer(question)
    html = gallery.get(macro_gallery.PATH + "?page=1").get_data(as_text=True)
    assert "Showing 1–1 of 1 answer" in html
    assert "pagination__links" not in html
