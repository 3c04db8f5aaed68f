"""reviewers and members improve the knowledge together: claims in summaries linked to members'
reports, review tasks when reports diverge from a summary, reviewer notes on answers (with
their history), readers' suggested corrections, and member-proposed questions

Only new tables: every existing row stays as it is.

Revision ID: 0013_knowledge
Revises: 0012_one_action_scheme
Create Date: 2026-12-08 01:54:25.532197

"""
from alembic import op
import sqlalchemy as sa
import forum.database


# revision identifiers, used by Alembic.
revision = '0013_knowledge'
down_revision = '0012_one_action_scheme'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('question_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('condition_id', sa.Integer(), nullable=False),
    sa.Column('proposer_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('open', 'published', 'merged', 'declined', name='proposalstatus', native_enum=False, length=32), nullable=False),
    sa.Column('created_at', forum.database.UTCDateTime(), nullable=False),
    sa.Column('decided_at', forum.database.UTCDateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['condition_id'], ['conditions.id'], name=op.f('fk_question_proposals_condition_id_conditions')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_question_proposals_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposer_id'], ['users.id'], name=op.f('fk_question_proposals_proposer_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_question_proposals_question_id_questions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question_proposals')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('question_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_proposals_condition_id'), ['condition_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_proposals_proposer_id'), ['proposer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_proposals_status'), ['status'], unique=False)

    op.create_table('reviewer_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('source_title', sa.String(length=300), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=False),
    sa.Column('created_at', forum.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', forum.database.UTCDateTime(), nullable=False),
    sa.Column('withdrawn_at', forum.database.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_reviewer_notes_answer_id_answers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_reviewer_notes_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewer_notes')),
    sa.UniqueConstraint('answer_id', name=op.f('uq_reviewer_notes_answer_id')),
    sqlite_autoincrement=True
    )
    op.create_table('summary_claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('summary_id', sa.Integer(), nullable=False),
    sa.Column('passage', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', forum.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_summary_claims_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['summary_id'], ['summaries.id'], name=op.f('fk_summary_claims_summary_id_summaries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summary_claims')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('summary_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_summary_claims_summary_id'), ['summary_id'], unique=False)

    op.create_table('review_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('summary_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('unmentioned_treatment', 'mostly_worse', 'overdue_with_new_reports', name='reviewtaskkind', native_enum=False, length=32), nullable=False),
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('treatment_id', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('open', 'resolved', name='reviewtaskstatus', native_enum=False, length=32), nullable=False),
    sa.Column('created_at', forum.database.UTCDateTime(), nullable=False),
    sa.Column('resolved_at', forum.database.UTCDateTime(), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolution_note', sa.Text(), nullable=False),
    sa.Column('draft_revision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['draft_revision_id'], ['summary_revisions.id'], name=op.f('fk_review_tasks_draft_revision_id_summary_revisions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_review_tasks_resolved_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['summary_id'], ['summaries.id'], name=op.f('fk_review_tasks_summary_id_summaries')),
    sa.ForeignKeyConstraint(['treatment_id'], ['treatments.id'], name=op.f('fk_review_tasks_treatment_id_treatments'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_tasks')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('review_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_tasks_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_tasks_summary_id'), ['summary_id'], unique=False)
        batch_op.create_index('uq_review_tasks_open', ['summary_id', 'kind', 'subject'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    op.create_table('reviewer_note_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('source_title', sa.String(length=300), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('editor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', forum.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['editor_id'], ['users.id'], name=op.f('fk_reviewer_note_revisions_editor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['note_id'], ['reviewer_notes.id'], name=op.f('fk_reviewer_note_revisions_note_id_reviewer_notes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewer_note_revisions')),
    sa.UniqueConstraint('note_id', 'number', name=op.f('uq_reviewer_note_revisions_note_id_number')),
    sqlite_autoincrement=True
    )
    op.create_table('summary_claim_treatments',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('treatment_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['summary_claims.id'], name=op.f('fk_summary_claim_treatments_claim_id_summary_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['treatment_id'], ['treatments.id'], name=op.f('fk_summary_claim_treatments_treatment_id_treatments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'treatment_id', name=op.f('pk_summary_claim_treatments'))
    )
    op.create_table('summary_suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('summary_id', sa.Integer(), nullable=False),
    sa.Column('base_revision_id', sa.Integer(), nullable=False),
    sa.Column('proposer_id', sa.Integer(), nullable=True),
    sa.Column('short_answer', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('source_title', sa.String(length=300), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=False),
    sa.Column('status', sa.Enum('open', 'accepted', 'declined', name='suggestionstatus', native_enum=False, length=32), nullable=False),
    sa.Column('created_at', forum.database.UTCDateTime(), nullable=False),
    sa.Column('decided_at', forum.database.UTCDateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('draft_revision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['base_revision_id'], ['summary_revisions.id'], name=op.f('fk_summary_suggestions_base_revision_id_summary_revisions')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_summary_suggestions_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['draft_revision_id'], ['summary_revisions.id'], name=op.f('fk_summary_suggestions_draft_revision_id_summary_revisions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposer_id'], ['users.id'], name=op.f('fk_summary_suggestions_proposer_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['summary_id'], ['summaries.id'], name=op.f('fk_summary_suggestions_summary_id_summaries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summary_suggestions')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('summary_suggestions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_summary_suggestions_proposer_id'), ['proposer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_summary_suggestions_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_summary_suggestions_summary_id'), ['summary_id'], unique=False)



def downgrade():
    with op.batch_alter_table('summary_suggestions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_summary_suggestions_summary_id'))
        batch_op.drop_index(batch_op.f('ix_summary_suggestions_status'))
        batch_op.drop_index(batch_op.f('ix_summary_suggestions_proposer_id'))

    op.drop_table('summary_suggestions')
    op.drop_table('summary_claim_treatments')
    op.drop_table('reviewer_note_revisions')
    with op.batch_alter_table('review_tasks', schema=None) as batch_op:
        batch_op.drop_index('uq_review_tasks_open', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_review_tasks_summary_id'))
        batch_op.drop_index(batch_op.f('ix_review_tasks_status'))

    op.drop_table('review_tasks')
    with op.batch_alter_table('summary_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_summary_claims_summary_id'))

    op.drop_table('summary_claims')
    op.drop_table('reviewer_notes')
    with op.batch_alter_table('question_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_proposals_status'))
        batch_op.drop_index(batch_op.f('ix_question_proposals_proposer_id'))
        batch_op.drop_index(batch_op.f('ix_question_proposals_condition_id'))

    op.drop_table('question_proposals')
