"""Per-member limits on posting, editing and reporting; only what went through counts."""

from __future__ import annotations

from forum.database import db
from tests.answers.helpers import answer_form
from tests.moderation.conftest import BODY


def test_posting_is_limited_per_member_and_previews_are_free(app, community):
    app.config["RATELIMIT_POSTING"] = "2 per hour"
    member = community.member()
    client = app.test_client(user=member)
    first, second, third = community.questions[:3]
    for _ in range(3):
        preview = client.post(f"/questions/{first.id}/answer", data=answer_form(action="preview"))
        assert preview.status_code == 200

    codes = [
        client.post(f"/questions/{q.id}/answer", data=answer_form()).status_code
        for q in (first, second, third)
    ]

    assert codes == [302, 302, 429]
    assert "Please slow down" in client.post(
        f"/questions/{third.id}/answer", data=answer_form()
    ).get_data(as_text=True)
    # Another member has a budget of their own.
    other = app.test_client(user=community.member())
    assert other.post(f"/questions/{third.id}/answer", data=answer_form()).status_code == 302


def test_editing_is_limited_per_member(app, community):
    app.config["RATELIMIT_EDITING"] = "2 per hour"
    member = community.established_member()
    answer = community.published(member, question=community.question)
    client = app.test_client(user=member)
    codes = []
    for n in range(3):
        db.session.refresh(answer)
        data = answer_form(body=f"{BODY} Edit {n}.", version=str(answer.version))
        codes.append(client.post(f"/answers/{answer.id}/edit", data=data).status_code)
    assert codes == [302, 302, 429]


def test_reports_about_answers_and_summaries_share_one_limit(app, community, make):
    app.config["RATELIMIT_FLAGGING"] = "2 per hour"
    reporter = community.member()
    client = app.test_client(user=reporter)
    answers = [community.published() for _ in range(2)]
    make.published_summary(community.question)
    codes = [
        client.post(f"/answers/{answer.id}/report", data={"reason": "spam"}).status_code
        for answer in answers
    ]
    summary = client.post(
        f"/questions/{community.question.id}/summary/report",
        data={"reason": "summary_outdated", "note": "The guidance changed in 2025."},
    )
    assert codes == [302, 302] and summary.status_code == 429
