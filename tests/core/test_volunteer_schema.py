"""Migration 0005 builds exactly the tables the volunteer models describe, and guards the ledger."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from sgz_desktop.core.db.base import Base
from sgz_desktop.core.station import Station

TABLES = {"volunteer", "volunteer_activity", "service_record", "point_rule", "reward_item", "redemption",
          "point_transaction", "volunteer_certificate"}


def test_migration_matches_the_models(station: Station) -> None:
    with station.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    ours = [d for d in diff if any(t in repr(d) for t in TABLES)]
    assert ours == []


def test_ledger_rows_cannot_be_changed_or_deleted_and_never_go_negative(station: Station) -> None:
    with station.engine.begin() as conn:
        conn.execute(text("INSERT INTO volunteer (id, volunteer_no, name, gender, id_number, id_number_index, phone, "
                          "skills, registered_on, status, star_level, notes) VALUES "
                          "(1, 'ZY000001', '张三', '男', '', '', '', '', '2026-01-01', '在册', 0, '')"))
        conn.execute(text("INSERT INTO point_transaction (volunteer_id, kind, amount, balance_after, occurred_on, "
                          "created_at, created_by, reason) VALUES (1, 'adjust', 5, 5, '2026-01-02', :at, 'x', 'r')"),
                     {"at": dt.datetime(2026, 1, 2)})
    for statement in ("UPDATE point_transaction SET amount = 50", "DELETE FROM point_transaction"):
        with pytest.raises(IntegrityError, match="积分明细只能追加"), station.engine.begin() as conn:
            conn.execute(text(statement))
    with pytest.raises(IntegrityError, match="balance_not_negative"), station.engine.begin() as conn:
        conn.execute(text("INSERT INTO point_transaction (volunteer_id, kind, amount, balance_after, occurred_on, "
                          "created_at, created_by, reason) VALUES (1, 'redeem', -6, -1, '2026-01-02', :at, 'x', 'r')"),
                     {"at": dt.datetime(2026, 1, 2)})
