"""What readers report: a flag on an answer (moderators handle it, forum.moderation) or on a
summary (reviewers handle it, forum.summaries), with its reason and outcome. Only the model and
its codes live here, below both features that act on flags.

May import: core (the models it points at are named in type hints only)."""
