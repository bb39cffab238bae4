"""Service projects (1+4+N), purchase-of-service contracts and project finance ledgers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

No ON DELETE CASCADE: ledger rows are append-only and every deletion elsewhere is audited.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=True),
        sa.Column("lead_staff_id", sa.Integer, nullable=True),
        sa.Column("goals", sa.Text, nullable=False),
        sa.Column("need_list", sa.Text, nullable=False),
        sa.Column("resource_list", sa.Text, nullable=False),
        sa.Column("service_list", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(["lead_staff_id"], ["staff.id"], name=op.f("fk_project_lead_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    op.create_index(op.f("ix_project_kind"), "project", ["kind"])
    op.create_index(op.f("ix_project_name"), "project", ["name"])
    op.create_index(op.f("ix_project_lead_staff_id"), "project", ["lead_staff_id"])


def downgrade() -> None:
    op.drop_table("project")
