from __future__ import annotations

import pytest

from forum.auth.passwords import common_passwords, hash_password, needs_rehash, password_problem
from forum.auth.redirects import safe_next_path


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "//evil.example",
        "///evil.example",
        "https://evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/\tevil",
        "/x\r\nSet-Cookie: a",
    ],
)
def test_unsafe_next_targets_are_refused(target):
    assert safe_next_path(target) is None


@pytest.mark.parametrize("target", ["/", "/account", "/questions/3/slug?sort=new#answer-4"])
def test_paths_on_this_site_are_kept(target):
    assert safe_next_path(target) == target


def test_the_shipped_common_password_list_is_loaded():
    assert len(common_passwords()) > 10_000
    assert "password123" in common_passwords()


def test_production_hashes_with_scrypt_and_outdated_hashes_are_spotted(app):
    app.config["PASSWORD_HASH_METHOD"] = "scrypt:32768:8:1"
    stored = hash_password("lantern orchard pebble")
    assert stored.startswith("scrypt:32768:8:1$")
    assert not needs_rehash(stored)
    assert needs_rehash("pbkdf2:sha256:600000$salt$hash")


def test_password_policy_messages():
    assert password_problem("lantern orchard pebble") is None
    assert "at least 10" in password_problem("short")
    assert "commonly used" in password_problem("Password123 ")
