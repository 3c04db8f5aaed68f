"""Signing in and out, registering, confirming an address, password resets: the forms, the
tokens mail links carry, password hashing, safe `next` redirects and the rate limits on it all.

May import: core and accounts (the same rung)."""
