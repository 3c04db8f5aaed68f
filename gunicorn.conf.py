"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py wsgi:app` (or make serve-prod).

Every value can be overridden from the environment, as gunicorn documents (GUNICORN_CMD_ARGS),
or by the variables read below.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# The usual rule of thumb for sync workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Only the proxy in front of us may set X-Forwarded-*; the app's ProxyFix reads them.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"
errorlog = "-"
# The path without its query string (search words stay out of the logs), status, size, time.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
