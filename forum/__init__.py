"""The patient-experience forum: create_app() builds it, feature by feature."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import Config, load_config
from forum import models
from forum.accounts import admin_views as account_admin
from forum.accounts import session as account_session
from forum.accounts import standing
from forum.accounts import views as accounts
from forum.accounts.cli import accounts_cli
from forum.admin import views as admin
from forum.admin.content_cli import content_cli
from forum.answers import permissions as answer_permissions
from forum.answers import views as answers
from forum.answers.authors import author_label
from forum.audit import log as audit_log
from forum.auth import views as auth
from forum.comparing import views as comparing
from forum.comparing.listing import PARAMETERS as LISTING_PARAMETERS
from forum.conditions import views as conditions
from forum.content import stored_html
from forum.core import events, logs
from forum.database import db
from forum.discovery import views as discovery_views
from forum.extensions import csrf, limiter, login_manager, migrate
from forum.jobs import queue as jobs
from forum.jobs.cli import jobs_cli
from forum.moderation import permissions as moderation_permissions
from forum.moderation import templating as moderation_templating
from forum.moderation import views as moderation
from forum.notifications import events as notification_events
from forum.notifications import services as notification_services
from forum.notifications import templating as notification_templating
from forum.notifications import views as notifications
from forum.notifications.cli import notifications_cli
from forum.outcomes import schedule as check_in_schedule
from forum.outcomes import sending as check_in_sending
from forum.outcomes import templating as outcome_templating
from forum.outcomes import views as outcomes
from forum.pages import views as pages
from forum.privacy import views as privacy
from forum.proposals import permissions as proposal_permissions
from forum.proposals import views as proposals
from forum.reviewer_notes import views as reviewer_notes
from forum.search import index as search_index
from forum.search import schema as search_schema
from forum.search import views as search_views
from forum.search.cli import search_cli
from forum.suggestions import views as suggestions
from forum.summaries import dashboard as review_dashboard
from forum.summaries import divergence as summary_divergence
from forum.summaries import evidence_views as summary_evidence
from forum.summaries import models as summary_models
from forum.summaries import review_views as review
from forum.summaries import views as summaries
from forum.summaries.cli import summaries_cli
from forum.web import caching, errors, health, public_changes, request_input, security
from forum.web.templating import register_template_helpers

# The hourly jobs are declared when their modules are imported, for the worker to run: the
# check-ins, and the search for divergences between summaries and members' reports.
assert check_in_sending and summary_divergence
# The reviewers' pages about claims and review tasks join the review blueprint on import.
assert summary_evidence
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Pages whose signed-out version is the same for every reader, with the query values each reads.
PAGES_KEPT_FOR_SIGNED_OUT_READERS = {
    "conditions.home": (),
    "pages.condition": (),
    "pages.question": LISTING_PARAMETERS,
    "answers.permalink": (),
    "summaries.history": (),
    "pages.about": (),
    "pages.guidelines": (),
    "pages.medical_review": (),
}
# What follows each named event (forum.core.events): features announce; these act.
WHAT_FOLLOWS = {
    events.answer_posted: [
        check_in_schedule.follow_wish,
        notification_services.follow_answered_question,
    ],
    events.answer_edited: [check_in_schedule.follow_wish],
    events.answer_published: [notification_events.answer_published],
    events.answer_decided: [notification_events.answer_decided],
    events.answer_found_helpful: [notification_events.answer_found_helpful],
    events.check_in_due: [notification_events.check_in_due],
    events.summary_published: [notification_events.summary_published],
    events.summary_report_answered: [notification_events.summary_report_answered],
    events.suggestion_decided: [notification_events.suggestion_decided],
    events.reviewer_note_changed: [notification_events.reviewer_note_changed],
    events.someone_at_risk: [notification_events.someone_at_risk],
}
# Tables that features above summaries add to the reviewers' dashboard, in this order.
REVIEW_DASHBOARD_PARTS = (suggestions.DASHBOARD_PART,)
TEMPLATE_CHECKS = (
    *standing.TEMPLATE_CHECKS,
    *answer_permissions.TEMPLATE_CHECKS,
    *moderation_permissions.TEMPLATE_CHECKS,
    *proposal_permissions.TEMPLATE_CHECKS,
)
FEATURES = (
    conditions,
    answers,
    comparing,
    summaries,
    review,
    suggestions,
    reviewer_notes,
    admin,
    moderation,
    pages,
    health,
    auth,
    accounts,
    account_admin,
    search_views,
    discovery_views,
    notifications,
    outcomes,
    privacy,
    proposals,
)


def create_app(config: str | type[Config] = "production") -> Flask:
    settings = load_config(config)
    if missing := settings.missing_settings():
        raise RuntimeError(
            f"Refusing to start: set {', '.join(missing)} in the environment (see README)."
        )
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_object(settings)
    request_input.init_app(app)  # before the routes: it bounds their <int:...> parts
    _refuse_development_database_in_production(app)
    if app.config["PROXY_COUNT"]:
        # Trust exactly as many X-Forwarded-For/-Proto hops as there are proxies in front of
        # us, and never X-Forwarded-Host: the site's address is SITE_URL, whatever a request says.
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=0)
    logs.configure_logging(app)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    db.init_app(app)
    # Batch mode lets later migrations alter tables on SQLite too.
    migrate.init_app(
        app,
        db,
        directory=str(PROJECT_ROOT / "migrations"),
        render_as_batch=True,
        include_name=search_schema.include_name,  # the full-text index is not in the models
    )
    login_manager.init_app(app)
    account_session.init_app(
        app, loaded_with={"unread_notifications": notification_services.unread_count_sql}
    )
    csrf.init_app(app)
    limiter.init_app(app)
    caching.init_app(app, public_pages=PAGES_KEPT_FOR_SIGNED_OUT_READERS)
    jobs.init_app(app)  # jobs (mail among them) go to the queue when their transaction commits
    # What follows every write: the search index before it commits, and after a commit that
    # changed what readers see, a new content version for kept pages and panels.
    search_index.init_app()
    public_changes.init_app(
        app, watching=models.SHOWN_TO_READERS, then=[caching.bump_content_version]
    )
    audit_log.init_app()  # the moderation log refuses changes, on every session
    summary_models.guard_published_revisions()  # and published summaries too
    events.init_app(app, WHAT_FOLLOWS)
    review_dashboard.init_app(app, parts=REVIEW_DASHBOARD_PARTS)
    errors.init_app(app)
    security.init_app(app)
    # Templates ask the same questions as views and services, by the same functions.
    for check in TEMPLATE_CHECKS:
        app.add_template_global(check)
    app.add_template_global(author_label)
    app.add_template_filter(stored_html)
    register_template_helpers(app)
    moderation_templating.init_app(app)
    notification_templating.init_app(app)
    outcome_templating.init_app(app)
    for feature in FEATURES:
        app.register_blueprint(feature.bp)
    app.cli.add_command(content_cli)
    app.cli.add_command(accounts_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(notifications_cli)
    app.cli.add_command(summaries_cli)
    return app


def _refuse_development_database_in_production(app: Flask) -> None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if app.config.get("REQUIRED_FROM_ENVIRONMENT") and uri.startswith("sqlite"):
        raise RuntimeError("Refusing to start: production needs PostgreSQL in DATABASE_URL.")
