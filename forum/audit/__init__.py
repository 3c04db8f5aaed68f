"""The audit trail every feature may write to, and which knows no feature: the append-only
moderation log (log.py: who did what to which thing, and why; every kind of entry named once in
actions.py) and the notices that tell a member what moderation did (notices.py).

May import: the core rung only (the member model is named in type hints only); every feature
may import it."""
