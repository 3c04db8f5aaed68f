"""search: the documents search finds, and a full-text index over them

SQLite gets an FTS5 table kept in step by triggers; PostgreSQL a generated tsvector column with a
GIN index. The statements are a frozen copy of forum/search/schema.py as it stood for this
revision: a later change to the index needs a migration of its own.

Revision ID: 0007_search
Revises: 0005_moderation
Create Date: 2026-11-24 08:09:10.606543

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_search'
down_revision = '0005_moderation'
branch_labels = None
depends_on = None


SQLITE_UPGRADE = (
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, keywords, body, kind, members_only, condition_id,
        content='search_documents', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_fts(rowid, title, keywords, body, kind, members_only, condition_id) VALUES (new.id, new.title, new.keywords, new.body, new.kind, new.members_only, new.condition_id);
    END""",
    """CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, keywords, body, kind, members_only, condition_id) VALUES ('delete', old.id, old.title, old.keywords, old.body, old.kind, old.members_only, old.condition_id);
    END""",
    """CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, keywords, body, kind, members_only, condition_id) VALUES ('delete', old.id, old.title, old.keywords, old.body, old.kind, old.members_only, old.condition_id);
        INSERT INTO search_fts(rowid, title, keywords, body, kind, members_only, condition_id) VALUES (new.id, new.title, new.keywords, new.body, new.kind, new.members_only, new.condition_id);
    END""",
)
SQLITE_DOWNGRADE = (
    "DROP TRIGGER IF EXISTS search_documents_au",
    "DROP TRIGGER IF EXISTS search_documents_ad",
    "DROP TRIGGER IF EXISTS search_documents_ai",
    "DROP TABLE IF EXISTS search_fts",
)
POSTGRES_UPGRADE = (
    """ALTER TABLE search_documents ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(keywords, '')), 'B')
            || setweight(to_tsvector('english', coalesce(body, '')), 'C')
        ) STORED""",
    """CREATE INDEX ix_search_documents_search_vector ON search_documents USING gin (search_vector)""",
    """CREATE INDEX ix_search_documents_titled_vector ON search_documents USING gin (search_vector)
        WHERE kind <> 'answer'""",
)
POSTGRES_DOWNGRADE = (
    "DROP INDEX IF EXISTS ix_search_documents_titled_vector",
    "DROP INDEX IF EXISTS ix_search_documents_search_vector",
)


def _run(by_dialect):
    for statement in by_dialect.get(op.get_bind().dialect.name, ()):
        op.execute(statement)


def upgrade():
    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('question', 'summary', 'answer', name='searchkind', native_enum=False, length=32), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('condition_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('keywords', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('members_only', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['condition_id'], ['conditions.id'], name=op.f('fk_search_documents_condition_id_conditions')),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_search_documents_question_id_questions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('kind', 'source_id', name=op.f('uq_search_documents_kind_source_id'))
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_condition_id'), ['condition_id'], unique=False)
        batch_op.create_index('ix_search_documents_question_id', ['question_id'], unique=False)
    _run({'sqlite': SQLITE_UPGRADE, 'postgresql': POSTGRES_UPGRADE})
    # Existing content becomes searchable with `flask search reindex` (see README).


def downgrade():
    _run({'sqlite': SQLITE_DOWNGRADE, 'postgresql': POSTGRES_DOWNGRADE})
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index('ix_search_documents_question_id')
        batch_op.drop_index(batch_op.f('ix_search_documents_condition_id'))

    op.drop_table('search_documents')
