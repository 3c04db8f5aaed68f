"""audit: one naming scheme for moderation-log actions ("summary.publish" becomes
"summary_published", as "answer_hidden" always was)

Only the names change: no entry gains, loses or changes anything else. The log is append-only
for the forum's code; a migration renaming a kind of entry is the schema's owner at work.

Revision ID: 0012_one_action_scheme
Revises: 0011_outcomes
Create Date: 2026-12-08 00:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0012_one_action_scheme"
down_revision = "0011_outcomes"
branch_labels = None
depends_on = None

RENAMED = {
    "condition.create": "condition_created",
    "condition.update": "condition_updated",
    "condition.move": "condition_moved",
    "question.create": "question_created",
    "question.update": "question_updated",
    "question.move": "question_moved",
    "treatment.create": "treatment_created",
    "treatment.update": "treatment_updated",
    "treatment.move": "treatment_moved",
    "side_effect.create": "side_effect_created",
    "side_effect.update": "side_effect_updated",
    "summary.submit": "summary_submitted",
    "summary.return": "summary_returned",
    "summary.publish": "summary_published",
    "summary.discard": "summary_discarded",
    "summary_report.resolve": "summary_report_answered",
    "reviewer_profile.update": "reviewer_profile_updated",
    "reviewer_profile.verify": "reviewer_profile_verified",
    "reviewer_profile.unverify": "reviewer_profile_unverified",
}


def _rename(pairs):
    statement = sa.text("UPDATE moderation_actions SET action = :new WHERE action = :old")
    for old, new in pairs:
        op.execute(statement.bindparams(old=old, new=new))


def upgrade():
    _rename(RENAMED.items())


def downgrade():
    _rename((new, old) for old, new in RENAMED.items())
