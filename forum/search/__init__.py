"""Full-text search over questions, reviewed summaries and published answers.

One table, `search_documents`, holds what readers may find (models.py); index.py keeps it in step
with every write; backends.py asks SQLite FTS5 or PostgreSQL full-text search; services.py is the
one entry point views and commands call.

May import: every feature below it (core up to notifications).
"""
