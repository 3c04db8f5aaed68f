"""Tooling beside the forum, never part of it: demo content (`flask seed-demo`), the benchmark
(`flask bench`, `python -m tools.bench`), SQLite backups (`flask db-backup`) and the test
client that gives each request its own app context.

create_app never imports this package: the `flask` command's app (manage.py) adds these
commands, and gunicorn's (wsgi.py) has none of it. Tools may import anything in `forum`."""

from __future__ import annotations

from flask import Flask


def register_commands(app: Flask) -> None:
    """Add the tooling's commands to APP's `flask` command line."""
    from tools.backup import backup_command
    from tools.bench.cli import bench_cli
    from tools.demo.cli import seed_demo_command

    app.cli.add_command(backup_command)
    app.cli.add_command(bench_cli)
    app.cli.add_command(seed_demo_command)
