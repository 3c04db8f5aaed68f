"""Member-proposed questions: a confirmed member of a condition's community proposes a question,
after being shown the similar questions that already exist; moderators and admins publish it,
merge it into an existing question, or decline it with a reason; the proposer is told.

May import: every feature below it (core up to search)."""
