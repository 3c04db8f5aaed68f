"""Members' accounts: the User model, pseudonyms, profile and privacy settings, email and
password changes, roles (and the admin page for them), the signed-in session, and the one
good-standing rule every feature asks (standing.py: standing_refusal, roles, view decorators,
the same rules as SQL).

May import: core (forum.core, forum.web, forum.audit, forum.jobs, database, content) and auth,
its partner on the same rung. Imported by every feature above it."""
