"""Suggested corrections: a signed-in reader proposes a change to a summary with a source; it
reaches the reviewers as a diff against the published revision, who take it into a new draft
(which then goes through the four-eyes review) or decline it with a reason; the proposer sees
what became of it.

May import: every feature below it (core up to summaries)."""
