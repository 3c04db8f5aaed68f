"""python -m forum.bench search --answers 100000 (what `make bench` runs)."""

from __future__ import annotations

import click

from forum.bench.cli import search_command

main = click.Group(commands={"search": search_command}, help="Forum benchmarks.")

if __name__ == "__main__":
    main(prog_name="python -m forum.bench")
