"""The handover register (移交记录): one row per package written, append-only.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

A new table only: existing rows are not touched. Stations that exported before this version have
those exports in the audit log only; the register starts with the next export.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

REFUSAL = "移交记录只能追加，不能修改或删除"
TRIGGERS = {
    "package_export_no_update": "BEFORE UPDATE ON package_export",
    "package_export_no_delete": "BEFORE DELETE ON package_export",
}


def upgrade() -> None:
    op.create_table(
        "package_export",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("scope_kind", sa.String(10), nullable=False),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("project_id", sa.Integer, nullable=True),
        sa.Column("scope_label", sa.String(200), nullable=False),
        sa.Column("zip_path", sa.Text, nullable=False),
        sa.Column("zip_sha256", sa.String(64), nullable=False),
        sa.Column("tagmanifest_sha256", sa.String(64), nullable=False),
        sa.Column("zip_bytes", sa.BigInteger, nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
        sa.Column("files", sa.Integer, nullable=False),
        sa.Column("record_bytes", sa.BigInteger, nullable=False),
        sa.Column("exported_at", sa.DateTime, nullable=False),
        sa.Column("exported_by", sa.String(50), nullable=False),
        sa.Column("override_reason", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_package_export_project_id_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_export")),
    )
    op.create_index(op.f("ix_package_export_name"), "package_export", ["name"])
    op.create_index(op.f("ix_package_export_year"), "package_export", ["year"])
    op.create_index(op.f("ix_package_export_project_id"), "package_export", ["project_id"])
    if op.get_bind().dialect.name == "sqlite":
        for name, when in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(op.f("ix_package_export_project_id"), table_name="package_export")
    op.drop_index(op.f("ix_package_export_year"), table_name="package_export")
    op.drop_index(op.f("ix_package_export_name"), table_name="package_export")
    op.drop_table("package_export")
