"""The `flask` command's app (FLASK_APP=manage): the forum as wsgi.py builds it, plus the
tooling's commands (seed-demo, bench, db-backup), which the served app never loads."""

from tools import register_commands
from wsgi import app

register_commands(app)
