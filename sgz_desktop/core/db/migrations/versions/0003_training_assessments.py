"""Training log, training materials, internships, annual assessments; staff leave reason.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

No ON DELETE CASCADE anywhere: services delete child rows explicitly, so each deletion is audited, and
a later batch migration cannot silently cascade (platform.md, DATA-LOSS TRAP).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("leave_reason", sa.String(200), nullable=False, server_default=""))
    op.create_table(
        "training_session",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("training_type", sa.String(10), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("hours_tenths", sa.Integer, nullable=False),
        sa.Column("organiser", sa.String(100), nullable=False),
        sa.Column("trainer", sa.String(100), nullable=False),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session")),
    )
    op.create_index(op.f("ix_training_session_training_type"), "training_session", ["training_type"])
    op.create_index(op.f("ix_training_session_held_on"), "training_session", ["held_on"])
    op.create_table(
        "training_attendance",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("staff_id", sa.Integer, nullable=False),
        sa.Column("hours_tenths", sa.Integer, nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"],
                                name=op.f("fk_training_attendance_session_id_training_session")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_training_attendance_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_attendance")),
        sa.UniqueConstraint("session_id", "staff_id", name=op.f("uq_training_attendance_session_id_staff_id")),
    )
    op.create_index(op.f("ix_training_attendance_session_id"), "training_attendance", ["session_id"])
    op.create_index(op.f("ix_training_attendance_staff_id"), "training_attendance", ["staff_id"])
    op.create_table(
        "training_material",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"],
                                name=op.f("fk_training_material_session_id_training_session")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_material")),
    )
    op.create_index(op.f("ix_training_material_session_id"), "training_material", ["session_id"])
    op.create_table(
        "internship",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("staff_id", sa.Integer, nullable=False),
        sa.Column("university", sa.String(100), nullable=False),
        sa.Column("major", sa.String(100), nullable=False),
        sa.Column("supervisor_id", sa.Integer, nullable=True),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_internship_staff_id_staff")),
        sa.ForeignKeyConstraint(["supervisor_id"], ["staff.id"], name=op.f("fk_internship_supervisor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internship")),
        sa.UniqueConstraint("staff_id", name=op.f("uq_internship_staff_id")),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("staff_id", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("grade", sa.String(6), nullable=False),
        sa.Column("assessor", sa.String(50), nullable=False),
        sa.Column("assessed_on", sa.Date, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("review_outcome", sa.String(200), nullable=False),
        sa.Column("reviewed_on", sa.Date, nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_assessment_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("staff_id", "year", name=op.f("uq_assessment_staff_id_year")),
    )
    op.create_index(op.f("ix_assessment_staff_id"), "assessment", ["staff_id"])
    op.create_index(op.f("ix_assessment_year"), "assessment", ["year"])


def downgrade() -> None:
    for table in ("assessment", "internship", "training_material", "training_attendance", "training_session"):
        op.drop_table(table)
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("leave_reason")
