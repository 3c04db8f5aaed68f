"""The audit trail every feature may write to, and which knows no feature: the append-only
moderation log (log.py: who did what to which thing, and why; every kind of entry named once in
actions.py) and the notices that tell a member what moderation did (notices.py).

Imports only forum.core, forum.database and the member model (accounts); features import this."""
