"""outcomes over time: richer treatment reports, a side-effect vocabulary per condition, and
"still working?" check-ins

Every existing report stays valid: the new report fields are optional (null, or an empty dose),
and existing answers have not asked for check-ins.

Revision ID: 0011_outcomes
Revises: 0010_notifications
Create Date: 2026-12-02 18:27:37.206082

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0011_outcomes"
down_revision = "0010_notifications"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "side_effects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("condition_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["condition_id"],
            ["conditions.id"],
            name=op.f("fk_side_effects_condition_id_conditions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_side_effects")),
        sa.UniqueConstraint("condition_id", "slug", name=op.f("uq_side_effects_condition_id_slug")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("side_effects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_side_effects_condition_id"), ["condition_id"], unique=False
        )

    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_check_ins_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_ins")),
        sa.UniqueConstraint("answer_id", "months", name=op.f("uq_check_ins_answer_id_months")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("check_ins", schema=None) as batch_op:
        batch_op.create_index("ix_check_ins_sent_due", ["sent_at", "due_at"], unique=False)

    op.create_table(
        "reported_side_effects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("side_effect_id", sa.Integer(), nullable=False),
        sa.Column(
            "severity",
            sa.Enum("mild", "moderate", "severe", name="severity", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["treatment_reports.id"],
            name=op.f("fk_reported_side_effects_report_id_treatment_reports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["side_effect_id"],
            ["side_effects.id"],
            name=op.f("fk_reported_side_effects_side_effect_id_side_effects"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reported_side_effects")),
        sa.UniqueConstraint(
            "report_id",
            "side_effect_id",
            name=op.f("uq_reported_side_effects_report_id_side_effect_id"),
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("reported_side_effects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reported_side_effects_report_id"), ["report_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reported_side_effects_side_effect_id"), ["side_effect_id"], unique=False
        )

    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("wants_check_ins", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    with op.batch_alter_table("treatment_reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("started_in", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("stopped_in", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "stop_reason",
                sa.Enum(
                    "stopped_helping",
                    "side_effects",
                    "cost_or_access",
                    "doctors_advice",
                    "course_finished",
                    "other",
                    name="stopreason",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column(
                "time_to_help",
                sa.Enum(
                    "days",
                    "weeks",
                    "months",
                    "longer",
                    "never",
                    name="timetohelp",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column(
                "access",
                sa.Enum(
                    "easy",
                    "some_effort",
                    "hard",
                    "very_hard",
                    name="access",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("dose", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("checked_after_months", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("treatment_reports", schema=None) as batch_op:
        batch_op.drop_column("checked_after_months")
        batch_op.drop_column("dose")
        batch_op.drop_column("access")
        batch_op.drop_column("time_to_help")
        batch_op.drop_column("stop_reason")
        batch_op.drop_column("stopped_in")
        batch_op.drop_column("started_in")

    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_column("wants_check_ins")

    with op.batch_alter_table("reported_side_effects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reported_side_effects_side_effect_id"))
        batch_op.drop_index(batch_op.f("ix_reported_side_effects_report_id"))

    op.drop_table("reported_side_effects")
    with op.batch_alter_table("check_ins", schema=None) as batch_op:
        batch_op.drop_index("ix_check_ins_sent_due")

    op.drop_table("check_ins")
    with op.batch_alter_table("side_effects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_side_effects_condition_id"))

    op.drop_table("side_effects")
