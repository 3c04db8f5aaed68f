"""Reviewer notes on answers: a verified medical reviewer attaches a short, signed, cited note
under a member's answer ("Doses like this are above the usual range; talk to your
neurologist"), shown to every reader who can see the answer, instead of hiding a lived
experience that needs context. The author is told; the note keeps its own history.

May import: every feature below it (core up to summaries)."""
