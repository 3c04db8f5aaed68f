"""The readable diff between two revisions, and the public page that shows it."""

from __future__ import annotations

from forum.summaries.diff import compare_revisions, diff_html


def test_changed_words_are_marked_as_removed_and_added():
    html = str(diff_html("Take baclofen twice a day.", "Take baclofen three times a day."))
    assert html == (
        "Take baclofen "
        '<del><span class="visually-hidden">[removed: </span>twice'
        '<span class="visually-hidden">]</span></del>'
        '<ins><span class="visually-hidden">[added: </span>three times'
        '<span class="visually-hidden">]</span></ins>'
        " a day."
    )


def test_identical_text_has_no_marks():
    assert str(diff_html("Same words.\nOn two lines.", "Same words.\nOn two lines.")) == (
        "Same words.\nOn two lines."
    )


def test_the_diff_escapes_everything_it_is_given():
    html = str(diff_html("<b>old</b> & safe", '<script>alert("x")</script> & safe'))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;old&lt;/b&gt;" in html
    assert "&amp; safe" in html


def test_each_part_of_a_summary_is_compared(make):
    question = make.question()
    old = make.published_summary(question, short_answer="Rest helps.", key_points="Pace yourself")
    new = make.published_summary(question, short_answer="Rest helps.", key_points="Sleep well")
    parts = {part.label: part for part in compare_revisions(old, new)}
    assert set(parts) == {"Short answer", "Body", "Key points", "References"}
    assert not parts["Short answer"].changed
    assert parts["Key points"].changed
    assert "<del>" in parts["Key points"].html and "<ins>" in parts["Key points"].html


def test_a_first_version_is_all_additions(make):
    revision = make.published_summary(make.question(), short_answer="Rest helps.")
    lead = compare_revisions(None, revision)[0]
    assert lead.changed and "<ins>" in lead.html and "<del>" not in lead.html


def test_the_compare_page_shows_what_changed_between_two_versions(client, make):
    question = make.question()
    make.published_summary(question, short_answer="Rest helps a little.")
    make.published_summary(question, short_answer="Rest helps a lot.", change_note="Stronger.")
    response = client.get(f"/questions/{question.id}/summary/compare?from=1&to=2")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "From version 1" in html and "to version 2" in html
    assert "[removed: </span>little." in html and "[added: </span>lot." in html
    assert "added words are underlined" in html
    assert "The reviewer's note: Stronger." in html


def test_compare_defaults_to_the_latest_change_and_is_linked_from_history(client, make):
    question = make.question()
    make.published_summary(question, short_answer="First.")
    make.published_summary(question, short_answer="Second.")
    history = client.get(f"/questions/{question.id}/summary/history").get_data(as_text=True)
    assert f'href="/questions/{question.id}/summary/compare?to=2"' in history
    assert '<label for="compare-from">Older version</label>' in history
    html = client.get(f"/questions/{question.id}/summary/compare").get_data(as_text=True)
    assert "From version 1" in html


def test_compare_never_shows_drafts_or_unknown_versions(client, make):
    from tests.summaries.helpers import write_draft

    question = make.question()
    make.published_summary(question)
    draft = write_draft(question, make.reviewer())
    base = f"/questions/{question.id}/summary/compare"
    assert client.get(f"{base}?from=1&to={draft.number}").status_code == 404
    assert client.get(f"{base}?from=7&to=1").status_code == 404
    assert client.get(f"{base}?from=abc&to=xyz").status_code == 200  # ignored: the default
    assert client.get(f"/questions/{make.question().id}/summary/compare").status_code == 404


def test_a_rewritten_sentence_reads_as_one_removal_and_one_addition():
    html = str(diff_html("Rest helps a little.", "Baclofen eases the spasms."))
    assert html.count("<del>") == 1 and html.count("<ins>") == 1
    assert "Rest helps a little." in html and "Baclofen eases the spasms." in html
