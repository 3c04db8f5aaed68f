"""What every feature may use, and which knows no feature: the refusal services raise
(errors), mail, logging with addresses redacted, slugs, word diffs, and the named events that
features announce and the app factory wires to what follows them (events).

Beside it, at the same level: forum.database (the model base), forum.content (Markdown to safe
HTML), forum.extensions, forum.jobs (the job queue), forum.audit (the moderation log and member
notices) and forum.web (web plumbing).

May import: the core rung only, no feature (tests/test_structure.py checks every rung)."""
