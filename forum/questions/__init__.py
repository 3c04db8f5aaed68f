"""Questions: the model, finding a visible question, and a condition's questions in order.
The question page itself is assembled in forum.pages.

May import: core, accounts/auth, conditions."""
