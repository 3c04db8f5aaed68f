"""Password hashing and the password policy."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 10
MAX_LENGTH = 200  # long enough for any passphrase, short enough to keep hashing cheap
COMMON_PASSWORDS_FILE = (
    Path(__file__).parent.parent / "accounts" / "data" / "common-passwords.txt.gz"
)


@cache
def common_passwords() -> frozenset[str]:
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def password_problem(password: str, *, email: str = "", display_name: str = "") -> str | None:
    """Why this password would be easy to guess, in words for the person choosing it, or None."""
    if len(password) < MIN_LENGTH:
        return f"Please use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Please use at most {MAX_LENGTH} characters."
    lowered = password.strip().lower()
    if lowered in common_passwords():
        return "That password is on a list of commonly used passwords. Please choose another."
    personal = {
        email.strip().lower(),
        email.strip().lower().split("@")[0],
        display_name.strip().lower(),
    } - {""}
    if lowered in personal:
        return "Your password must not be your email address or display name."
    return None


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Check a password; without a stored hash, still spend the same time, then say no."""
    if stored_hash is None:
        # A wrong email must take as long as a wrong password, or timing tells them apart.
        check_password_hash(current_app.config["PASSWORD_HASH_METHOD"] + "$x$" + "0" * 64, password)
        return False
    return check_password_hash(stored_hash, password)


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with other parameters than the ones we use now."""
    return not stored_hash.startswith(current_app.config["PASSWORD_HASH_METHOD"] + "$")
