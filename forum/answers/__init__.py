"""Members' answers: posting and editing through one door (services.py), the structured
treatment reports, edit history, the privacy check, pre-moderation (screening.py, with the
watched phrases), who may do what with an answer (permissions.py), and the answer card
(cards.py, templates/answers/_card.html).

May import: core, accounts/auth, conditions, questions. What follows a post or an edit
(check-ins, follows, notifications) is announced through forum.core.events."""
