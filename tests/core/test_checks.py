"""Compliance and integrity checks, each made to pass and to fail on crafted data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sgz_desktop.core import backup, checks, profile
from sgz_desktop.core.checks import CheckResult, Status
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.crypto import FieldCipher, new_station_secret
from sgz_desktop.core.errors import SecretUnavailable
from sgz_desktop.core.models import Community, Staff
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM, Actor
from sgz_desktop.core.secrets import MemorySecretStore
from sgz_desktop.core.station import Station, open_station
from sgz_desktop.core.validation import make_id_number

TODAY = dt.date(2026, 3, 2)


def add_staff(st: Station, name: str, post: str, *, community: str | None = None,
              hired: dt.date = dt.date(2025, 1, 1), left: dt.date | None = None) -> None:
    id_number = make_id_number("420102", dt.date(1990, 1, 1), sum(map(ord, name)) % 1000)
    with st.begin(SYSTEM) as s:
        cid = s.scalar(select(Community.id).where(Community.name == community)) if community else None
        s.add(Staff(name=name, post=post, employment="专职", hire_date=hired, leave_date=left, community_id=cid,
                    id_number=id_number, phone="13800138000",
                    id_number_index=st.require_unlocked().blind_index(id_number, "staff.id_number")))


def by_key(results: list[CheckResult], key: str) -> CheckResult:
    return next(r for r in results if r.key == key)


def compliance(st: Station, key: str) -> CheckResult:
    return by_key(checks.run_compliance(st), key)


def integrity(st: Station, key: str) -> CheckResult:
    return by_key(checks.run_integrity(st), key)


def raw(data: DataDir, sql: str) -> None:
    conn = sqlite3.connect(data.database)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


# --- integrity ---------------------------------------------------------------------------------------

def test_fresh_station_passes_every_integrity_check(station: Station) -> None:
    add_staff(station, "张三", "站长")
    results = checks.run_integrity(station, deep=True)
    assert {r.key for r in results} >= {"db.integrity", "db.foreign_keys", "db.schema", "audit.append_only",
                                        "secret.loaded", "secret.decrypts"}
    assert all(r.status is Status.OK for r in results), results
    assert by_key(results, "secret.decrypts").figure == "2/2 项可解密"


def test_missing_audit_trigger_fails(station: Station) -> None:
    raw(station.data, "DROP TRIGGER audit_log_no_delete")
    result = integrity(station, "audit.append_only")
    assert result.status is Status.FAILING and "audit_log_no_delete" in result.detail


def test_dangling_reference_fails(station: Station) -> None:
    add_staff(station, "张三", "社区联络员", community="新华社区")
    raw(station.data, "UPDATE staff SET community_id = 999")  # a fresh sqlite3 connection has FKs off
    result = integrity(station, "db.foreign_keys")
    assert result.status is Status.FAILING and "staff" in result.detail


def test_old_schema_fails(station: Station) -> None:
    raw(station.data, "UPDATE alembic_version SET version_num = '0001'")
    result = integrity(station, "db.schema")
    assert result.status is Status.FAILING and "0001" in result.detail


def test_damaged_index_fails_integrity_check(station: Station) -> None:
    add_staff(station, "张三", "站长")
    add_staff(station, "李四", "副站长")
    # Point the name index at another column: its entries no longer match the rows.
    conn = sqlite3.connect(station.data.database)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_staff_name ON staff (post)' "
                 "WHERE name = 'ix_staff_name'")
    conn.commit()
    conn.close()
    result = integrity(station, "db.integrity")
    assert result.status is Status.FAILING and "sgz restore" in result.detail


def test_station_without_its_secret_warns(station: Station, clock: FixedClock) -> None:
    add_staff(station, "张三", "站长")
    locked = open_station(station.data, clock=clock, secret_store=MemorySecretStore())
    try:
        results = checks.run_integrity(locked)
        assert by_key(results, "secret.loaded").status is Status.WARNING
        assert "恢复密钥" in by_key(results, "secret.loaded").detail
    finally:
        locked.close()


def test_field_encrypted_with_another_key_fails(station: Station) -> None:
    add_staff(station, "张三", "站长")
    foreign = FieldCipher(new_station_secret()).encrypt("13900000000", "staff.phone")
    raw(station.data, f"UPDATE staff SET phone = '{foreign}'")
    result = integrity(station, "secret.decrypts")
    assert result.status is Status.FAILING and "staff #1" in result.detail


# --- compliance --------------------------------------------------------------------------------------

def test_profile_complete(station: Station, admin: Actor) -> None:
    result = compliance(station, "station.profile")
    assert result.status is Status.WARNING and "负责人" in result.detail
    profile.update_profile(station, admin, responsible_person="王丽")
    assert compliance(station, "station.profile").status is Status.OK


def test_head_and_deputy_exactly_one_each(station: Station) -> None:
    result = compliance(station, "staff.head_deputy")
    assert result.status is Status.FAILING and result.article == "第十二条"
    add_staff(station, "张站长", "站长")
    add_staff(station, "李副站", "副站长")
    result = compliance(station, "staff.head_deputy")
    assert result.status is Status.OK and result.people == ("张站长", "李副站")
    add_staff(station, "王站长", "站长")
    result = compliance(station, "staff.head_deputy")
    assert result.status is Status.FAILING and "站长有 2 名" in result.detail
    assert set(result.people) == {"张站长", "王站长", "李副站"}


def test_only_people_in_post_today_count(station: Station) -> None:
    add_staff(station, "张站长", "站长")
    add_staff(station, "李副站", "副站长", left=TODAY)  # the leave date is the first day out of post
    add_staff(station, "赵副站", "副站长", hired=TODAY + dt.timedelta(days=1))
    result = compliance(station, "staff.head_deputy")
    assert result.status is Status.FAILING and result.figure == "站长 1 名 · 副站长 0 名"
    add_staff(station, "钱副站", "副站长", hired=TODAY, left=TODAY + dt.timedelta(days=1))
    assert compliance(station, "staff.head_deputy").status is Status.OK


def test_every_active_community_needs_a_liaison(station: Station, admin: Actor) -> None:
    names = [c.name for c in profile.list_communities(station)]
    assert len(names) == 4
    for name in names[:3]:
        add_staff(station, f"{name}联络员", "社区联络员", community=name)
    add_staff(station, "离职联络员", "社区联络员", community=names[3], left=dt.date(2026, 1, 1))
    result = compliance(station, "staff.liaisons")
    assert result.status is Status.FAILING and names[3] in result.detail and result.figure == "3/4 个社区（村）"
    retired = next(c for c in profile.list_communities(station) if c.name == names[3])
    profile.set_community_active(station, admin, retired.id, False)
    assert compliance(station, "staff.liaisons").status is Status.OK


def test_no_communities_warns(station: Station, admin: Actor) -> None:
    for c in profile.list_communities(station):
        profile.set_community_active(station, admin, c.id, False)
    assert compliance(station, "staff.liaisons").status is Status.WARNING


def test_recent_backup_is_a_warning_only(station: Station, admin: Actor, clock: FixedClock, tmp_path: Path) -> None:
    result = compliance(station, "backup.recent")
    assert result.status is Status.WARNING and result.figure == "从未备份"
    backup.backup_to(station, admin, tmp_path / "usb")
    assert compliance(station, "backup.recent").status is Status.OK
    clock.advance(days=8)  # backup.warn_days defaults to 7
    result = compliance(station, "backup.recent")
    assert result.status is Status.WARNING and result.figure == "8 天前"


@pytest.fixture
def extra_checks() -> Iterator[None]:
    checks.load_areas()  # the areas' own checks first, so the test's come last
    before = list(checks._COMPLIANCE)
    yield
    checks._COMPLIANCE[:] = before


def test_areas_register_their_checks(station: Station, extra_checks: None) -> None:
    @checks.compliance_check("volunteers")
    def two_results(st: Station) -> list[CheckResult]:
        return [CheckResult(f"volunteers.{n}", "volunteers", "测试", "第二十二条", Status.OK, "1", "") for n in "ab"]

    @checks.compliance_check("volunteers")
    def locked(st: Station) -> CheckResult:
        """志愿者个人信息"""
        raise SecretUnavailable("站点密钥未加载。")

    results = checks.run_compliance(station)
    assert [r.key for r in results][-3:] == ["volunteers.a", "volunteers.b", "volunteers.locked"]
    assert results[-1].status is Status.WARNING and results[-1].title == "志愿者个人信息"
    assert checks.worst(results) is Status.FAILING  # no head/deputy in this fresh station
    assert checks.worst([]) is Status.OK
