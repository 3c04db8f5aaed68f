"""The pages that bring features together, each assembled in one place: a condition's page,
a question's page (question_page.py), a member's profile (member_page.py), one's own account
overview; and the information pages (about, guidelines, medical review).

May import: every feature below it (core up to discovery)."""
