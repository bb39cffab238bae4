"""Staff roster, users' last login, append-only guard on the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("last_login_at", sa.DateTime, nullable=True))
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("gender", sa.String(2), nullable=False),
        sa.Column("id_number", sa.Text, nullable=False),
        sa.Column("id_number_index", sa.String(32), nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("post", sa.String(10), nullable=False),
        sa.Column("employment", sa.String(4), nullable=False),
        sa.Column("cert_level", sa.String(20), nullable=False),
        sa.Column("cert_number", sa.String(40), nullable=False),
        sa.Column("cert_date", sa.Date, nullable=True),
        sa.Column("sw_background", sa.Boolean, nullable=False),
        sa.Column("community_id", sa.Integer, nullable=True),
        sa.Column("hire_date", sa.Date, nullable=False),
        sa.Column("leave_date", sa.Date, nullable=True),
        sa.Column("contract_end", sa.Date, nullable=True),
        sa.Column("monthly_pay_fen", sa.BigInteger, nullable=False),
        sa.Column("social_insurance", sa.Boolean, nullable=False),
        sa.Column("experience_years", sa.Integer, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["community.id"], name=op.f("fk_staff_community_id_community")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_index(op.f("ix_staff_name"), "staff", ["name"])
    op.create_index(op.f("ix_staff_id_number_index"), "staff", ["id_number_index"])
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改或删除'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.drop_table("staff")
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("last_login_at")
