"""Conditions and their communities: a condition's treatment and side-effect vocabularies,
memberships (joining, leaving, one's list of communities) and the home page's list.

May import: core, accounts/auth."""
