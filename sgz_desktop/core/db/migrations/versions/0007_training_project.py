"""Training sessions may belong to a service project (as volunteer activities and archive items do).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

A nullable column: existing sessions keep every value and have no project. SQLite cannot add a foreign
key to a table in place, so batch mode copies the table (foreign keys are off during migrations, so the
attendance and material rows that refer to it are not touched; no trigger lives on this table).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("training_session") as batch:
        batch.add_column(sa.Column("project_id", sa.Integer, nullable=True))
        batch.create_foreign_key(op.f("fk_training_session_project_id_project"), "project", ["project_id"], ["id"])
        batch.create_index(op.f("ix_training_session_project_id"), ["project_id"])


def downgrade() -> None:
    with op.batch_alter_table("training_session") as batch:
        batch.drop_index(op.f("ix_training_session_project_id"))
        batch.drop_constraint(op.f("fk_training_session_project_id_project"), type_="foreignkey")
        batch.drop_column("project_id")
