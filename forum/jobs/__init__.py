"""The job queue: work that can wait (mail first of all) runs here, never inside a request.

Huey keeps the queue: in a SQLite file in instance/ in development, in Redis (REDIS_URL) in
production, and runs each job at once, in the caller, in tests (JOBS_IMMEDIATE). A worker,
`flask jobs worker`, takes jobs off the queue; `make run` starts one beside the web server.

A job runs inside the app, with a request context on SITE_URL so it can build links. A job
that fails is retried with back-off; when its last try fails, the failure is logged (without
addresses) and kept in job_failures, which admins read on the admin page.

May import: forum.database and forum.core (part of the core rung); no feature.
"""
