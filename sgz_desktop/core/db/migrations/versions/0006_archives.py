"""Archive items (DA/T 22-2015 fields, 件号 and 档号), their files, amendments after filing.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

On SQLite, triggers keep what filing promises even against raw SQL: a finalised item keeps its 档号,
件号 and group and cannot be deleted, nor can its files; amendments are append-only. A later batch
migration of these tables recreates them without the triggers: ``archive_checks`` reports that.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TRIGGERS = {
    "archive_item_final_keeps_number": (
        "BEFORE UPDATE ON archive_item WHEN OLD.status = 'final' AND ("
        "NEW.status IS NOT OLD.status OR NEW.fonds_code IS NOT OLD.fonds_code OR NEW.category IS NOT OLD.category"
        " OR NEW.year IS NOT OLD.year OR NEW.retention IS NOT OLD.retention OR NEW.org_code IS NOT OLD.org_code"
        " OR NEW.item_number IS NOT OLD.item_number OR NEW.danghao IS NOT OLD.danghao)",
        "已归档档案的档号、件号和分组不能更改"),
    "archive_item_final_no_delete": (
        "BEFORE DELETE ON archive_item WHEN OLD.status = 'final'", "已归档的档案不能删除"),
    "archive_file_final_no_update": (
        "BEFORE UPDATE ON archive_file WHEN (SELECT status FROM archive_item WHERE id = OLD.item_id) = 'final'",
        "已归档档案的文件不能更改"),
    "archive_file_final_no_delete": (
        "BEFORE DELETE ON archive_file WHEN (SELECT status FROM archive_item WHERE id = OLD.item_id) = 'final'",
        "已归档档案的文件不能删除"),
    "archive_amendment_no_update": ("BEFORE UPDATE ON archive_amendment", "档案更正记录只能追加"),
    "archive_amendment_no_delete": ("BEFORE DELETE ON archive_amendment", "档案更正记录只能追加"),
}


def upgrade() -> None:
    op.create_table(
        "archive_item",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("fonds_code", sa.String(20), nullable=False),
        sa.Column("category", sa.String(10), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("retention", sa.String(4), nullable=False),
        sa.Column("org_code", sa.String(20), nullable=False),
        sa.Column("item_number", sa.Integer, nullable=True),
        sa.Column("danghao", sa.String(100), nullable=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("responsible", sa.String(200), nullable=False),
        sa.Column("doc_number", sa.String(100), nullable=False),
        sa.Column("doc_date", sa.Date, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("record_kind", sa.String(40), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("project_id", sa.Integer, nullable=True),
        sa.Column("source_kind", sa.String(30), nullable=False),
        sa.Column("source_id", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(50), nullable=False),
        sa.Column("finalised_at", sa.DateTime, nullable=True),
        sa.Column("finalised_by", sa.String(50), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_archive_item_project_id_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_item")),
        sa.UniqueConstraint("category", "year", "retention", "org_code", "item_number",
                            name=op.f("uq_archive_item_category_year_retention_org_code_item_number")),
        sa.UniqueConstraint("danghao", name=op.f("uq_archive_item_danghao")),
    )
    op.create_index(op.f("ix_archive_item_status"), "archive_item", ["status"])
    op.create_index(op.f("ix_archive_item_category"), "archive_item", ["category"])
    op.create_index(op.f("ix_archive_item_year"), "archive_item", ["year"])
    op.create_index(op.f("ix_archive_item_retention"), "archive_item", ["retention"])
    op.create_index(op.f("ix_archive_item_project_id"), "archive_item", ["project_id"])
    op.create_index("ix_archive_item_group", "archive_item",
                    ["year", "category", "retention", "org_code", "item_number"])
    op.create_index("ix_archive_item_source", "archive_item", ["source_kind", "source_id"])
    op.create_table(
        "archive_file",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("pages", sa.Integer, nullable=True),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["archive_item.id"], name=op.f("fk_archive_file_item_id_archive_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_file")),
        sa.UniqueConstraint("item_id", "sha256", name=op.f("uq_archive_file_item_id_sha256")),
    )
    op.create_index(op.f("ix_archive_file_item_id"), "archive_file", ["item_id"])
    op.create_index(op.f("ix_archive_file_sha256"), "archive_file", ["sha256"])
    op.create_table(
        "archive_amendment",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("amended_at", sa.DateTime, nullable=False),
        sa.Column("amended_by", sa.String(50), nullable=False),
        sa.Column("field", sa.String(30), nullable=False),
        sa.Column("old_value", sa.Text, nullable=False),
        sa.Column("new_value", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["archive_item.id"],
                                name=op.f("fk_archive_amendment_item_id_archive_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_amendment")),
    )
    op.create_index(op.f("ix_archive_amendment_item_id"), "archive_amendment", ["item_id"])
    if op.get_bind().dialect.name == "sqlite":
        for name, (when, message) in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("archive_amendment", "archive_file", "archive_item"):
        op.drop_table(table)
