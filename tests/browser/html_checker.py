"""The Nu Html Checker (vnu.jar, from the npm package vnu-jar that `make test` installs into
node_modules/), run once over a folder of saved pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def missing_message() -> str | None:
    if shutil.which("java") is None:
        return "The Nu Html Checker needs Java: apt-get install default-jre-headless."
    if not VNU_JAR.exists():
        return f"The Nu Html Checker is not at {VNU_JAR}: run `make test` (it runs npm ci)."
    return None


def errors_in(files: list[Path]) -> list[dict]:
    """Every error the checker finds in FILES, each a dict with url, lastLine and message."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # The checker writes its report to stderr, and exits 1 when it found errors.
    if result.returncode not in (0, 1):
        raise RuntimeError(f"vnu.jar failed ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stderr)["messages"]
