"""The features form a ladder: each may import the rungs below it, never one above.

Read from the source with ast, so a new import that climbs the ladder fails here first. Imports
inside `if TYPE_CHECKING:` are for type hints only and never run. forum/__init__.py (the app
factory) and forum/models.py (every model, for migrations) stand above the ladder and may
import anything; nothing in forum/ imports the tooling in tools/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FORUM = Path(__file__).resolve().parent.parent / "forum"

# Lowest first. Modules on one rung may import each other (accounts and auth are partners).
LADDER: tuple[frozenset[str], ...] = tuple(
    frozenset(rung.split())
    for rung in (
        "database extensions content core web jobs audit",
        "accounts auth",
        "conditions",
        "questions",
        "answers",
        "outcomes",
        "comparing",
        "flags",
        "summaries",
        "reviewer_notes suggestions",
        "moderation",
        "notifications",
        "search",
        "proposals",
        "discovery",
        "pages",
        "admin",
        "privacy",
    )
)
ABOVE_THE_LADDER = {"__init__", "models"}
RUNG = {unit: number for number, rung in enumerate(LADDER) for unit in rung}


def unit_of(path: Path) -> str:
    """forum/answers/services.py -> "answers"; forum/content.py -> "content"."""
    return path.relative_to(FORUM).parts[0].removesuffix(".py")


def runtime_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of forum or tools in PATH that runs, at any depth."""
    tree = ast.parse(path.read_text(), filename=str(path))
    type_hints_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in type_hints_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "forum":  # from forum import answers
                names = [f"forum.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] in ("forum", "tools")]


def sources() -> list[Path]:
    return sorted(FORUM.rglob("*.py"))


def test_every_package_and_module_has_its_place_on_the_ladder():
    units = {unit_of(path) for path in sources()}
    assert units - ABOVE_THE_LADDER <= set(RUNG), "put the new package on LADDER"


def test_no_feature_imports_one_above_it():
    climbs = []
    for path in sources():
        unit = unit_of(path)
        if unit in ABOVE_THE_LADDER:
            continue
        for line, module in runtime_imports(path):
            if module.startswith("tools"):
                climbs.append(f"{path.relative_to(FORUM.parent)}:{line} imports {module} (tooling)")
                continue
            target = module.split(".")[1] if "." in module else ""
            if RUNG.get(target, -1) > RUNG[unit]:
                climbs.append(f"{path.relative_to(FORUM.parent)}:{line} {unit} -> {module}")
    assert not climbs, "imports that climb the ladder:\n" + "\n".join(climbs)


def test_the_app_factory_imports_no_tooling():
    for name in ("__init__.py", "models.py"):
        modules = [module for _, module in runtime_imports(FORUM / name)]
        assert not [module for module in modules if module.startswith("tools")]


@pytest.mark.parametrize("package", sorted(p.parent.name for p in FORUM.glob("*/__init__.py")))
def test_each_package_says_what_it_owns_and_what_it_may_import(package):
    docstring = ast.get_docstring(ast.parse((FORUM / package / "__init__.py").read_text()))
    assert docstring and "May import" in docstring, f"forum/{package}/__init__.py"


def test_the_ladder_check_sees_a_climbing_import(tmp_path):
    """The check itself: an answers module importing moderation is caught, one named only in
    type hints is not."""
    module = tmp_path / "sample.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from forum.moderation import decisions\n"
        "if TYPE_CHECKING:\n"
        "    from forum.pages.question_page import QuestionPage\n"
        "def later():\n"
        "    from forum.notifications import events\n"
    )
    assert runtime_imports(module) == [(2, "forum.moderation"), (6, "forum.notifications")]
