"""Comparing experiences across answers: what members report (aggregates, with small counts
withheld so none can be worked out: disclosure.py), over time, sorting and filtering the
answers (listing.py, including "most similar to me"), helpful votes, a treatment's own page and
the side-by-side comparison of 2 to 4 answers.

May import: core, accounts/auth, conditions, questions, answers, outcomes."""
