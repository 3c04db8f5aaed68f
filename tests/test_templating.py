from __future__ import annotations

from datetime import UTC, date, datetime

from forum.web.templating import iso_date, long_date


def test_iso_date_gives_whole_seconds_which_html_time_elements_accept():
    moment = datetime(2026, 3, 3, 9, 5, 7, 123456, tzinfo=UTC)
    assert iso_date(moment) == "2026-03-03T09:05:07+00:00"
    assert iso_date(date(2026, 3, 3)) == "2026-03-03"
    assert iso_date(None) == ""


def test_long_date_reads_the_same_everywhere():
    assert long_date(date(2026, 3, 3)) == "3 March 2026"
