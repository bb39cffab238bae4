"""Every change through the core is in the audit log, with before and after, personal data masked."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sgz_desktop.core import audit, profile, users
from sgz_desktop.core.errors import PermissionDenied
from sgz_desktop.core.models import Staff
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station


def test_update_records_who_when_which_before_after(station: Station, admin: Actor) -> None:
    profile.update_profile(station, admin, city_avg_wage_fen=912_300, operator_org="新的承接机构")
    rows = audit.page_entries(station, admin, audit.AuditFilter(table_name="station", action="update"), 0, 10)
    assert len(rows) == 1
    row = rows[0]
    assert row.username == "fuzhanzhang" and row.record_id == "1"
    assert row.at == dt.datetime(2026, 3, 2, 9, 30)
    assert json.loads(row.before) == {"city_avg_wage_fen": 850_000,
                                      "operator_org": "武汉市江汉区同心社会工作服务中心"}
    assert json.loads(row.after) == {"city_avg_wage_fen": 912_300, "operator_org": "新的承接机构"}


def test_insert_and_passwords_hidden(station: Station, admin: Actor) -> None:
    users.create_user(station, admin, username="caiwu", display_name="赵敏", role=Role.FINANCE, password="Cash2026pw")
    row = audit.page_entries(station, admin, audit.AuditFilter(text="赵敏", action="insert"), 0, 5)[0]
    after = json.loads(row.after)
    assert after["username"] == "caiwu" and after["password_hash"] == audit.HIDDEN_MARK


def test_personal_fields_never_reach_the_log_in_clear(station: Station, admin: Actor) -> None:
    with station.begin(admin) as s:
        s.add(Staff(name="李娜", id_number="420102199003071234", phone="13812345678", post="驻站社工",
                    employment="专职", hire_date=dt.date(2025, 1, 1)))
    with station.begin(admin) as s:
        person = s.query(Staff).one()
        person.phone = "13987654321"
    everything = audit.page_entries(station, admin, audit.AuditFilter(table_name="staff"), 0, 10)
    dump = " ".join(r.before + r.after for r in everything)
    assert "420102199003071234" not in dump and "1381234" not in dump and "1398765" not in dump
    update = next(r for r in everything if r.action == "update")
    assert json.loads(update.after) == {"phone": audit.ENCRYPTED_MARK}


def test_filters_and_counts(station: Station, admin: Actor) -> None:
    total = audit.count_entries(station, admin, audit.AuditFilter())
    logins = audit.count_entries(station, admin, audit.AuditFilter(action="login"))
    assert logins == 1 and total > logins
    first_page = audit.page_entries(station, admin, audit.AuditFilter(), 0, 2)
    assert [r.id for r in first_page] == sorted((r.id for r in first_page), reverse=True)
    oldest = audit.page_entries(station, admin, audit.AuditFilter(), 0, 1, sort="id", descending=False)[0]
    assert oldest.action == "setup"
    assert audit.count_entries(station, admin, audit.AuditFilter(since=dt.date(2026, 3, 3))) == 0


def test_roles_without_audit_right_are_refused(station: Station, admin: Actor) -> None:
    users.create_user(station, admin, username="shegong", display_name="社工甲", role=Role.SOCIAL_WORKER,
                      password="Work2026pw", must_change_password=False)
    worker = users.login(station, "shegong", "Work2026pw")
    with pytest.raises(PermissionDenied):
        audit.count_entries(station, worker, audit.AuditFilter())


def test_inserts_name_the_new_record(station: Station, admin: Actor) -> None:
    info = users.create_user(station, admin, username="dangan", display_name="档案员甲", role=Role.ARCHIVIST,
                             password="Arch2026pw")
    row = audit.page_entries(station, admin, audit.AuditFilter(table_name="app_user", action="insert",
                                                               text="档案员甲"), 0, 5)[0]
    assert row.record_id == str(info.id)
