"""python -m tools.bench pages | search --answers 100000 | notifications (what `make bench`
runs), without the
flask command: each benchmark builds apps and databases of its own."""

from __future__ import annotations

import click

from tools.bench.cli import notifications_command, pages_command, search_command

main = click.Group(
    commands={
        "pages": pages_command,
        "search": search_command,
        "notifications": notifications_command,
    },
    help=__doc__,
)

if __name__ == "__main__":
    main(prog_name="python -m tools.bench")
