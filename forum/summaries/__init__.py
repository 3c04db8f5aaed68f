"""The medically reviewed summary pinned to each question: drafts, the four-eyes review
(permissions.py), immutable published revisions with references, the review cycle and the
reviewers' dashboard, reviewer profiles, readers' problem reports, and the panel the question
page shows (panel.py, templates/summaries/_panel.html); passages linked to what members report
about the treatments they name (claims.py), and the review tasks opened where members' reports
diverge from a summary (divergence.py, an hourly job; tasks.py, their resolution).

May import: core, accounts/auth, conditions, questions, answers, outcomes, comparing, flags."""
