from __future__ import annotations

from forum.admin.content_cli import content_cli
from forum.database import db


def test_rerender_rebuilds_stored_html_from_the_source(runner, make):
    answer = make.answer(make.question(), body="Plain *emphasis* here.")
    answer.body_html = "<p>stale html from an older policy</p>"
    db.session.commit()
    result = runner.invoke(content_cli, ["rerender"])
    assert result.exit_code == 0, result.output
    assert "Re-rendered 1 posts" in result.output
    db.session.refresh(answer)
    assert answer.body_html == "<p>Plain <em>emphasis</em> here.</p>\n"
