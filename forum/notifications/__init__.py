"""Following questions and conditions; notifications on the site and by email; digests.
events.py decides who is told of what: its functions are the follow-ups create_app registers
for the named events (forum.core.events) that the features below announce.

May import: every feature below it (core up to moderation)."""
