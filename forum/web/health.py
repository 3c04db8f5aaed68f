"""/healthz: can this process reach what it needs? For load balancers and monitoring."""

from __future__ import annotations

import redis
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from forum.database import db
from forum.extensions import limiter

bp = Blueprint("health", __name__)


def _database_ok() -> bool:
    try:
        db.session.execute(text("SELECT 1"))
        return True
    except Exception:
        current_app.logger.exception("health check: database unreachable")
        db.session.rollback()
        return False


def _redis_state() -> str:
    url = current_app.config.get("CACHE_REDIS_URL")
    if not url:
        return "not configured"
    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
        return "ok"
    except redis.RedisError:
        current_app.logger.exception("health check: Redis unreachable")
        return "unreachable"


@bp.get("/healthz")
@limiter.exempt
def healthz():
    checks = {"database": "ok" if _database_ok() else "unreachable", "redis": _redis_state()}
    healthy = all(state in ("ok", "not configured") for state in checks.values())
    response = jsonify(status="ok" if healthy else "failing", checks=checks)
    response.headers["Cache-Control"] = "no-store"
    return response, 200 if healthy else 503
