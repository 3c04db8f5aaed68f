"""hardening: ids never reused on SQLite, one open report per reader and summary, and no
member's words in the moderation log

- SQLite: every table whose ids are named elsewhere (log entries, notices, links) is rebuilt
  with AUTOINCREMENT, so a deleted member's id is never given to the next one. env.py turns
  foreign keys off around the rebuild and checks every reference afterwards. PostgreSQL's
  sequences never reuse an id: nothing to do there.
- flags: a unique index on open summary reports, per reporter and summary.
- moderation_actions: snapshots of answers written before this revision kept the member's
  text and treatments. They are replaced by digests, as the code now writes them, and the
  entry says it was redacted. (The log is append-only for the application; this one-time
  redaction is the operator's, done here, in SQL.)

Revision ID: 0008_hardening
Revises: 0007_search
Create Date: 2026-12-02 14:00:00

"""
import hashlib
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_hardening'
down_revision = '0007_search'
branch_labels = None
depends_on = None

REBUILT_TABLES = (
    'conditions', 'users', 'memberships', 'moderation_actions', 'questions',
    'reviewer_profiles', 'treatments', 'watched_words', 'answers', 'summaries',
    'answer_revisions', 'flags', 'helpful_votes', 'member_notices', 'summary_revisions',
    'treatment_reports', 'summary_references',
)
OPEN_SUMMARY_REPORT = sa.text("status = 'open' AND summary_id IS NOT NULL")
ANSWER_WORDS = ('body', 'treatments', 'perspective', 'time_since_diagnosis')


def upgrade():
    if op.get_bind().dialect.name == 'sqlite':
        for name in REBUILT_TABLES:
            with op.batch_alter_table(
                name, recreate='always', table_kwargs={'sqlite_autoincrement': True}
            ):
                pass
    op.create_index(
        'uq_flags_open_summary_report', 'flags', ['summary_id', 'reporter_id'], unique=True,
        sqlite_where=OPEN_SUMMARY_REPORT, postgresql_where=OPEN_SUMMARY_REPORT,
    )
    _redact_answer_snapshots()


def downgrade():
    op.drop_index('uq_flags_open_summary_report', table_name='flags')
    # The AUTOINCREMENT tables and the redacted snapshots stay: neither can be undone safely.


def _digest(value):
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _redacted(snapshot):
    if not isinstance(snapshot, dict) or not any(key in snapshot for key in ANSWER_WORDS):
        return None
    kept = {key: value for key, value in snapshot.items() if key not in ANSWER_WORDS}
    if 'body' in snapshot:
        kept['body_digest'] = _digest(snapshot['body'] or '')
    if isinstance(snapshot.get('treatments'), list):
        kept['treatments_digest'] = _digest(snapshot['treatments'])
        kept['treatment_count'] = len(snapshot['treatments'])
    kept['redacted'] = 'member words removed by migration 0008'
    return kept


def _redact_answer_snapshots():
    entries = sa.table(
        'moderation_actions',
        sa.column('id', sa.Integer),
        sa.column('target_type', sa.String),
        sa.column('before', sa.JSON),
        sa.column('after', sa.JSON),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(entries.c.id, entries.c.before, entries.c.after).where(
            entries.c.target_type == 'answer'
        )
    ).all()
    for entry_id, before, after in rows:
        changes = {}
        for column, snapshot in (('before', before), ('after', after)):
            redacted = _redacted(snapshot)
            if redacted is not None:
                changes[column] = redacted
        if changes:
            bind.execute(entries.update().where(entries.c.id == entry_id).values(**changes))
