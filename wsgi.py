"""Entry point for gunicorn and the `flask` command. Production unless FORUM_CONFIG says
otherwise, so a forgotten setting is never insecure."""

import os

from forum import create_app

app = create_app(os.environ.get("FORUM_CONFIG", "production"))
