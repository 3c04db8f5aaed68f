"""Everything the forum holds about a member, across every feature: the download of it
(export.py) and the deletion of the account with or without its answers (deletion.py), with
their pages.

May import: every feature (it is the top rung: it reaches into every feature's tables)."""
