"""Volunteers, activities and service hours, points rules and ledger, rewards, certificate register.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

The points ledger is append-only: triggers refuse UPDATE and DELETE (like the audit log), and a CHECK
keeps every running balance at zero or above. No ON DELETE CASCADE anywhere (platform.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _volunteers() -> None:
    op.create_table(
        "volunteer",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("volunteer_no", sa.String(30), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("gender", sa.String(2), nullable=False),
        sa.Column("id_number", sa.Text, nullable=False),
        sa.Column("id_number_index", sa.String(32), nullable=False),
        sa.Column("phone", sa.Text, nullable=False),
        sa.Column("community_id", sa.Integer, nullable=True),
        sa.Column("skills", sa.String(200), nullable=False),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(4), nullable=False),
        sa.Column("left_on", sa.Date, nullable=True),
        sa.Column("star_level", sa.Integer, nullable=False),
        sa.Column("star_awarded_on", sa.Date, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["community.id"], name=op.f("fk_volunteer_community_id_community")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer")),
        sa.UniqueConstraint("volunteer_no", name=op.f("uq_volunteer_volunteer_no")),
    )
    for column in ("name", "id_number_index", "community_id", "status"):
        op.create_index(op.f(f"ix_volunteer_{column}"), "volunteer", [column])
    op.create_table(
        "volunteer_activity",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("activity_type", sa.String(10), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("starts_at", sa.Time, nullable=True),
        sa.Column("ends_at", sa.Time, nullable=True),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("project_id", sa.Integer, nullable=True),
        sa.Column("community_id", sa.Integer, nullable=True),
        sa.Column("organiser", sa.String(100), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(50), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_volunteer_activity_project_id_project")),
        sa.ForeignKeyConstraint(["community_id"], ["community.id"],
                                name=op.f("fk_volunteer_activity_community_id_community")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_activity")),
    )
    for column in ("activity_type", "held_on", "project_id", "community_id"):
        op.create_index(op.f(f"ix_volunteer_activity_{column}"), "volunteer_activity", [column])
    op.create_table(
        "service_record",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("activity_id", sa.Integer, nullable=False),
        sa.Column("volunteer_id", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.Time, nullable=True),
        sa.Column("ends_at", sa.Time, nullable=True),
        sa.Column("hours_tenths", sa.Integer, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("recorded_by", sa.String(50), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("decided_by", sa.String(50), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=True),
        sa.Column("decision_note", sa.String(200), nullable=False),
        sa.CheckConstraint("hours_tenths > 0 AND hours_tenths <= 240", name=op.f("ck_service_record_hours_in_a_day")),
        sa.ForeignKeyConstraint(["activity_id"], ["volunteer_activity.id"],
                                name=op.f("fk_service_record_activity_id_volunteer_activity")),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"],
                                name=op.f("fk_service_record_volunteer_id_volunteer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_record")),
        sa.UniqueConstraint("activity_id", "volunteer_id", name=op.f("uq_service_record_activity_id_volunteer_id")),
    )
    op.create_index(op.f("ix_service_record_activity_id"), "service_record", ["activity_id"])
    op.create_index(op.f("ix_service_record_status"), "service_record", ["status"])
    op.create_index("ix_service_record_volunteer_status", "service_record", ["volunteer_id", "status"])


def _points() -> None:
    op.create_table(
        "point_rule",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("effective_from", sa.Date, nullable=False),
        sa.Column("points_per_hour", sa.Integer, nullable=False),
        sa.Column("multipliers", sa.Text, nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("created_by", sa.String(50), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_rule")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_point_rule_effective_from")),
    )
    op.create_table(
        "reward_item",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("points_cost", sa.Integer, nullable=False),
        sa.Column("stock", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("notes", sa.String(200), nullable=False),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_reward_item_stock_not_negative")),
        sa.CheckConstraint("points_cost > 0", name=op.f("ck_reward_item_cost_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reward_item")),
        sa.UniqueConstraint("name", name=op.f("uq_reward_item_name")),
    )
    op.create_table(
        "redemption",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("receipt_no", sa.String(20), nullable=False),
        sa.Column("volunteer_id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("item_name", sa.String(100), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("redeemed_on", sa.Date, nullable=False),
        sa.Column("handled_by", sa.String(50), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("cancelled_at", sa.DateTime, nullable=True),
        sa.Column("cancel_reason", sa.String(200), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_redemption_quantity_positive")),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"], name=op.f("fk_redemption_volunteer_id_volunteer")),
        sa.ForeignKeyConstraint(["item_id"], ["reward_item.id"], name=op.f("fk_redemption_item_id_reward_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redemption")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_redemption_receipt_no")),
    )
    for column in ("volunteer_id", "item_id", "redeemed_on"):
        op.create_index(op.f(f"ix_redemption_{column}"), "redemption", [column])
    op.create_table(
        "point_transaction",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("volunteer_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("balance_after", sa.Integer, nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(50), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("service_record_id", sa.Integer, nullable=True),
        sa.Column("rule_id", sa.Integer, nullable=True),
        sa.Column("redemption_id", sa.Integer, nullable=True),
        sa.Column("reverses_id", sa.Integer, nullable=True),
        sa.CheckConstraint("balance_after >= 0", name=op.f("ck_point_transaction_balance_not_negative")),
        sa.CheckConstraint("kind IN ('earn', 'redeem', 'adjust', 'expire', 'reversal')",
                           name=op.f("ck_point_transaction_kind_known")),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"],
                                name=op.f("fk_point_transaction_volunteer_id_volunteer")),
        sa.ForeignKeyConstraint(["service_record_id"], ["service_record.id"],
                                name=op.f("fk_point_transaction_service_record_id_service_record")),
        sa.ForeignKeyConstraint(["rule_id"], ["point_rule.id"], name=op.f("fk_point_transaction_rule_id_point_rule")),
        sa.ForeignKeyConstraint(["redemption_id"], ["redemption.id"],
                                name=op.f("fk_point_transaction_redemption_id_redemption")),
        sa.ForeignKeyConstraint(["reverses_id"], ["point_transaction.id"],
                                name=op.f("fk_point_transaction_reverses_id_point_transaction")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_transaction")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_point_transaction_reverses_id")),
    )
    for column in ("kind", "occurred_on", "service_record_id", "rule_id", "redemption_id"):
        op.create_index(op.f(f"ix_point_transaction_{column}"), "point_transaction", [column])
    op.create_index("ix_point_transaction_volunteer_id_id", "point_transaction", ["volunteer_id", "id"])
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER point_transaction_no_{verb.lower()} BEFORE {verb} ON point_transaction "
                "BEGIN SELECT RAISE(ABORT, '积分明细只能追加，不能修改或删除；更正请做冲正'); END"
            )


def _certificates() -> None:
    op.create_table(
        "volunteer_certificate",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("number", sa.String(30), nullable=False),
        sa.Column("volunteer_id", sa.Integer, nullable=False),
        sa.Column("volunteer_name", sa.String(50), nullable=False),
        sa.Column("id_type", sa.String(20), nullable=False),
        sa.Column("id_number_masked", sa.String(30), nullable=False),
        sa.Column("volunteer_no", sa.String(30), nullable=False),
        sa.Column("period_from", sa.Date, nullable=False),
        sa.Column("period_to", sa.Date, nullable=False),
        sa.Column("hours_tenths", sa.Integer, nullable=False),
        sa.Column("activities", sa.Integer, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("responsible_person", sa.String(50), nullable=False),
        sa.Column("handler", sa.String(50), nullable=False),
        sa.Column("contact", sa.String(50), nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("issued_by", sa.String(50), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteer.id"],
                                name=op.f("fk_volunteer_certificate_volunteer_id_volunteer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_volunteer_certificate_number")),
    )
    op.create_index(op.f("ix_volunteer_certificate_volunteer_id"), "volunteer_certificate", ["volunteer_id"])
    op.create_index(op.f("ix_volunteer_certificate_issued_on"), "volunteer_certificate", ["issued_on"])


def upgrade() -> None:
    _volunteers()
    _points()
    _certificates()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS point_transaction_no_update")
        op.execute("DROP TRIGGER IF EXISTS point_transaction_no_delete")
    for table in ("volunteer_certificate", "point_transaction", "redemption", "reward_item", "point_rule",
                  "service_record", "volunteer_activity", "volunteer"):
        op.drop_table(table)
