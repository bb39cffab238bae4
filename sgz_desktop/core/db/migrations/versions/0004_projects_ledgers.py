"""Service projects (1+4+N), purchase-of-service contracts and project finance ledgers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

No ON DELETE CASCADE: ledger rows are append-only and every deletion elsewhere is audited. On SQLite,
triggers refuse any UPDATE or DELETE of a reviewed ledger entry and any change to the voucher scans of
one (the core never tries; this stops other tools). A later batch migration that recreates these
tables must recreate the triggers: ``sgz check`` reports them missing.
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
    _contracts()
    _ledger()
    if op.get_bind().dialect.name == "sqlite":
        for statement in TRIGGERS.values():
            op.execute(statement)


def _contracts() -> None:
    op.create_table(
        "contract",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_no", sa.String(50), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("funder", sa.String(100), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("total_fen", sa.BigInteger, nullable=False),
        sa.Column("first_purchase", sa.Boolean, nullable=False),
        sa.Column("signed_on", sa.Date, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
        sa.UniqueConstraint("contract_no", name=op.f("uq_contract_contract_no")),
    )
    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("sub_category", sa.String(20), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"], name=op.f("fk_budget_line_contract_id_contract")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
        sa.UniqueConstraint("contract_id", "sub_category", name=op.f("uq_budget_line_contract_id_sub_category")),
    )
    op.create_index(op.f("ix_budget_line_contract_id"), "budget_line", ["contract_id"])
    op.create_table(
        "contract_evaluation",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("execution_year", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(4), nullable=False),
        sa.Column("evaluated_on", sa.Date, nullable=False),
        sa.Column("evaluator", sa.String(100), nullable=False),
        sa.Column("grade", sa.String(6), nullable=False),
        sa.Column("score", sa.Integer, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"],
                                name=op.f("fk_contract_evaluation_contract_id_contract")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_evaluation")),
        sa.UniqueConstraint("contract_id", "execution_year", "kind",
                            name=op.f("uq_contract_evaluation_contract_id_execution_year_kind")),
    )
    op.create_index(op.f("ix_contract_evaluation_contract_id"), "contract_evaluation", ["contract_id"])


def _ledger() -> None:
    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("voucher_no", sa.Integer, nullable=False),
        sa.Column("entry_date", sa.Date, nullable=False),
        sa.Column("summary", sa.String(200), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("sub_category", sa.String(20), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("counterparty", sa.String(100), nullable=False),
        sa.Column("payment_method", sa.String(10), nullable=False),
        sa.Column("contract_id", sa.Integer, nullable=False),
        sa.Column("project_id", sa.Integer, nullable=True),
        sa.Column("reverses_id", sa.Integer, nullable=True),
        sa.Column("over_limit_reason", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("entered_by", sa.String(40), nullable=False),
        sa.Column("entered_by_name", sa.String(50), nullable=False),
        sa.Column("entered_at", sa.DateTime, nullable=False),
        sa.Column("reviewed_by", sa.String(40), nullable=True),
        sa.Column("reviewed_by_name", sa.String(50), nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=True),
        sa.Column("chain_seq", sa.Integer, nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("chain_hash", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["contract_id"], ["contract.id"], name=op.f("fk_ledger_entry_contract_id_contract")),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_ledger_entry_project_id_project")),
        sa.ForeignKeyConstraint(["reverses_id"], ["ledger_entry.id"],
                                name=op.f("fk_ledger_entry_reverses_id_ledger_entry")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
        sa.UniqueConstraint("year", "voucher_no", name=op.f("uq_ledger_entry_year_voucher_no")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_ledger_entry_reverses_id")),
        sa.UniqueConstraint("chain_seq", name=op.f("uq_ledger_entry_chain_seq")),
    )
    op.create_index(op.f("ix_ledger_entry_entry_date"), "ledger_entry", ["entry_date"])
    op.create_index(op.f("ix_ledger_entry_category"), "ledger_entry", ["category"])
    op.create_index(op.f("ix_ledger_entry_journal"), "ledger_entry", ["year", "entry_date", "voucher_no"])
    op.create_index(op.f("ix_ledger_entry_sums"), "ledger_entry",
                    ["contract_id", "direction", "sub_category", "entry_date", "amount_fen"])
    op.create_index(op.f("ix_ledger_entry_project_id"), "ledger_entry", ["project_id"])
    op.create_index(op.f("ix_ledger_entry_reviewed_at"), "ledger_entry", ["reviewed_at"])
    op.create_table(
        "ledger_attachment",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("pages", sa.Integer, nullable=True),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["ledger_entry.id"],
                                name=op.f("fk_ledger_attachment_entry_id_ledger_entry")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_attachment")),
        sa.UniqueConstraint("entry_id", "sha256", name=op.f("uq_ledger_attachment_entry_id_sha256")),
    )
    op.create_index(op.f("ix_ledger_attachment_entry_id"), "ledger_attachment", ["entry_id"])
    op.create_table(
        "ledger_close",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=False),
        sa.Column("closed_by", sa.String(40), nullable=False),
        sa.Column("closed_by_name", sa.String(50), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_close")),
        sa.UniqueConstraint("year", "month", name=op.f("uq_ledger_close_year_month")),
    )


_REVIEWED = "已审核的账目不能修改或删除；更正请做红字冲销凭证"
_SCANS = "已审核账目的凭证附件不能增删"
# name -> CREATE TRIGGER statement; finance_checks verifies every one is present.
TRIGGERS = {
    "ledger_entry_reviewed_no_update": (
        "CREATE TRIGGER ledger_entry_reviewed_no_update BEFORE UPDATE ON ledger_entry "
        f"WHEN OLD.reviewed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, '{_REVIEWED}'); END"),
    "ledger_entry_reviewed_no_delete": (
        "CREATE TRIGGER ledger_entry_reviewed_no_delete BEFORE DELETE ON ledger_entry "
        f"WHEN OLD.reviewed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, '{_REVIEWED}'); END"),
    "ledger_attachment_reviewed_no_insert": (
        "CREATE TRIGGER ledger_attachment_reviewed_no_insert BEFORE INSERT ON ledger_attachment "
        "WHEN (SELECT reviewed_at FROM ledger_entry WHERE id = NEW.entry_id) IS NOT NULL "
        f"BEGIN SELECT RAISE(ABORT, '{_SCANS}'); END"),
    "ledger_attachment_reviewed_no_delete": (
        "CREATE TRIGGER ledger_attachment_reviewed_no_delete BEFORE DELETE ON ledger_attachment "
        "WHEN (SELECT reviewed_at FROM ledger_entry WHERE id = OLD.entry_id) IS NOT NULL "
        f"BEGIN SELECT RAISE(ABORT, '{_SCANS}'); END"),
    "ledger_attachment_reviewed_no_update": (
        "CREATE TRIGGER ledger_attachment_reviewed_no_update BEFORE UPDATE ON ledger_attachment "
        "WHEN (SELECT reviewed_at FROM ledger_entry WHERE id = OLD.entry_id) IS NOT NULL "
        f"BEGIN SELECT RAISE(ABORT, '{_SCANS}'); END"),
}


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("ledger_close", "ledger_attachment", "ledger_entry", "contract_evaluation", "budget_line",
                  "contract", "project"):
        op.drop_table(table)
