"""Outcomes over time: the "still working?" check-ins a member asks for when posting (3, 6 and
12 months later, sent by an hourly job), and the check-in page that updates their treatment
reports in a few taps, with a revision kept.

May import: core, accounts/auth, conditions, questions, answers."""
