"""Keeping the community safe: the queue of answers held for review, decisions on answers
(approve, reject, hide, restore), reports about answers, suspensions and bans, watched
phrases, site texts, and the moderation log's pages. What moderation did is written to
forum.audit, which every feature shares.

May import: every feature below it (core up to summaries)."""
