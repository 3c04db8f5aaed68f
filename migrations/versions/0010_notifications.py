"""notifications: follows, notifications and each member's choices

Revision ID: 0010_notifications
Revises: 0009_jobs
Create Date: 2026-12-02 16:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_notifications'
down_revision = '0009_jobs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notification_settings',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.Enum('each', 'daily', 'weekly', 'never', name='emailchoice', native_enum=False, length=32), nullable=False),
    sa.Column('crisis_alerts', sa.Boolean(), nullable=False),
    sa.Column('last_digest_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notification_settings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_notification_settings'))
    )
    op.create_table('follows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('condition_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.Enum('every_answer', 'digest', 'off', name='followlevel', native_enum=False, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(question_id IS NULL) <> (condition_id IS NULL)', name=op.f('ck_follows_follows_one_target')),
    sa.ForeignKeyConstraint(['condition_id'], ['conditions.id'], name=op.f('fk_follows_condition_id_conditions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_follows_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_follows_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follows')),
    sa.UniqueConstraint('user_id', 'condition_id', name=op.f('uq_follows_user_id_condition_id')),
    sa.UniqueConstraint('user_id', 'question_id', name=op.f('uq_follows_user_id_question_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.create_index('ix_follows_condition_level_user', ['condition_id', 'level', 'user_id'], unique=False)
        batch_op.create_index('ix_follows_question_level_user', ['question_id', 'level', 'user_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('new_answer', 'answer_decision', 'report_reply', 'summary_revised', 'helpful', 'at_risk_report', name='notificationkind', native_enum=False, length=32), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=300), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=True),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('emailed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_notifications_answer_id_answers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_answer_id'), ['answer_id'], unique=False)
        batch_op.create_index('ix_notifications_topic_user', ['topic', 'user_id'], unique=False)
        batch_op.create_index('ix_notifications_user_created', ['user_id', 'created_at'], unique=False)
        batch_op.create_index('ix_notifications_user_emailed', ['user_id', 'emailed_at'], unique=False)
        batch_op.create_index('ix_notifications_user_read', ['user_id', 'read_at'], unique=False)



def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_read')
        batch_op.drop_index('ix_notifications_user_emailed')
        batch_op.drop_index('ix_notifications_user_created')
        batch_op.drop_index('ix_notifications_topic_user')
        batch_op.drop_index(batch_op.f('ix_notifications_answer_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.drop_index('ix_follows_question_level_user')
        batch_op.drop_index('ix_follows_condition_level_user')

    op.drop_table('follows')
    op.drop_table('notification_settings')
