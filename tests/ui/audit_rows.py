"""Bulk audit entries for table tests and benchmarks: thousands of rows in one INSERT."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import insert

from sgz_desktop.core.models import AuditEntry
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.station import Station

USERS = ("fuzhanzhang", "shegong", "caiwu", "dangan")
START = dt.datetime(2025, 1, 1, 8, 0)


def audit_entry(i: int) -> dict[str, object]:
    """Entry i: every 10th a login, the rest staff changes; one minute apart."""
    user = USERS[i % len(USERS)]
    at = START + dt.timedelta(minutes=i)
    if i % 10 == 0:
        return dict(at=at, user_id=None, username=user, action="login", table_name="app_user",
                    record_id=str(i % len(USERS) + 1), summary=f"{user} 登录 #{i}", before_json="", after_json="")
    before = {"name": f"员工{i}", "monthly_pay_fen": 500_000 + i}
    after = {"name": f"员工{i}", "monthly_pay_fen": 500_000 + i + 100}
    if i % 3 == 0:
        return dict(at=at, user_id=None, username=user, action="insert", table_name="staff", record_id=str(i),
                    summary="", before_json="", after_json=json.dumps(after, ensure_ascii=False))
    return dict(at=at, user_id=None, username=user, action="update", table_name="staff", record_id=str(i),
                summary="", before_json=json.dumps(before, ensure_ascii=False),
                after_json=json.dumps(after, ensure_ascii=False))


def add_audit_entries(st: Station, n: int, start: int = 0, batch: int = 20_000) -> None:
    for first in range(start, start + n, batch):
        rows = [audit_entry(i) for i in range(first, min(first + batch, start + n))]
        with st.begin(SYSTEM) as s:
            s.execute(insert(AuditEntry), rows)
