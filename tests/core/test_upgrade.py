"""Upgrades keep data: a station made with the first released schema opens in this version with every
row kept (backed up first); a station from a newer version is refused and left untouched.

The first released schema is revision 0002 (sgz-desktop 0.1.0: station, users, audit log, staff
roster). The old database is built with the real migration scripts up to 0002 and filled with plain SQL
the way 0.1.0 wrote it (personal fields encrypted with the station key), so the test does not depend
on today's models.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sgz_desktop.core import checks, staff, users
from sgz_desktop.core.backup import list_backups
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.crypto import FieldCipher, key_check, new_station_secret
from sgz_desktop.core.db import migrate
from sgz_desktop.core.db.engine import make_engine
from sgz_desktop.core.errors import SchemaTooNew
from sgz_desktop.core.passwords import hash_password
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import MemorySecretStore
from sgz_desktop.core.station import Station, open_station
from tests.conftest import ADMIN_PASSWORD

FIRST_RELEASED = "0002"
STATION_UUID = "7a0f4d8e-1c55-4c1e-9a0b-2f9d3e6b5a11"
# Columns a later migration may drop on purpose, with the reason; none so far.
DROPPED_ON_PURPOSE: dict[str, set[str]] = {}


def id_number(base17: str) -> str:
    """A GB 11643 number with its check digit."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(base17, weights, strict=True))
    return base17 + "10X98765432"[total % 11]


PEOPLE = [  # name, gender, id base, phone, post, employment, cert, community, hire, leave, pay
    ("王丽", "女", "42010219850312002", "13807150001", "副站长", "专职", "社会工作师", None, "2021-03-01", None,
     780000),
    ("李强", "男", "42010319900705001", "13807150002", "站长", "兼职", "无", None, "2021-03-01", None, 0),
    ("张敏", "女", "42010419920115002", "13807150003", "驻站社工", "专职", "助理社会工作师", None, "2022-06-15",
     None, 620000),
    ("刘伟", "男", "42010519881120003", "13807150004", "社区联络员", "兼职", "无", 1, "2023-01-09", None, 150000),
    ("陈静", "女", "42010619950601004", "13807150005", "驻站社工", "专职", "无", None, "2022-02-01", "2024-07-31",
     590000),
]


def make_first_release_station(data: DataDir, clock: FixedClock) -> tuple[bytes, dict[str, str]]:
    """A station as sgz-desktop 0.1.0 left it: schema 0002, a row in every table. Returns the secret and
    the plain phone numbers by ID number."""
    data.ensure()
    engine = make_engine(data.database)
    migrate.upgrade(engine, data.backups, clock, target=FIRST_RELEASED)
    engine.dispose()
    secret = new_station_secret()
    cipher = FieldCipher(secret)
    phones: dict[str, str] = {}
    now = "2025-12-30 16:45:00.000000"
    conn = sqlite3.connect(data.database)
    with conn:
        conn.execute(
            "INSERT INTO station (id, station_uuid, name, subdistrict, district, district_type, fonds_code, "
            "operator_org, responsible_person, contact_phone, address, city_avg_wage_fen, secret_location, "
            "key_check, created_at) VALUES (1, ?, '民意街道社会工作服务站', '民意街道', '江汉区', '中心城区', 'Z109', "
            "'同心社会工作服务中心', '李强', '027-85550000', '江汉区民意四路 8 号', 850000, 'keyring', ?, ?)",
            (STATION_UUID, key_check(secret), "2021-03-01 09:00:00.000000"))
        conn.executemany("INSERT INTO community (id, name, kind, sort_order, active) VALUES (?, ?, ?, ?, ?)",
                         [(1, "新华社区", "社区", 1, 1), (2, "民意社区", "社区", 2, 1), (3, "友谊村", "村", 3, 0)])
        conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                         [("backup.warn_days", "10"), ("staff.min_fulltime_central", "3")])
        conn.executemany(
            "INSERT INTO app_user (id, username, display_name, role, password_hash, failed_attempts, locked_until, "
            "must_change_password, active, created_at, last_login_at) VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, ?)",
            [(1, "fuzhanzhang", "王丽", "deputy", hash_password(ADMIN_PASSWORD), 0, 1, "2021-03-01 09:00:00.000000",
              now),
             (2, "dangan", "赵雪", "archivist", hash_password("Archive2025x"), 1, 1, "2022-01-04 10:00:00.000000",
              None),
             (3, "laoli", "李强", "head", hash_password("Head2025xyz"), 0, 0, "2021-03-01 09:05:00.000000", None)])
        for n, (name, gender, base, phone, post, emp, cert, community, hire, leave, pay) in enumerate(PEOPLE, 1):
            number = id_number(base)
            phones[number] = phone
            conn.execute(
                "INSERT INTO staff (id, name, gender, id_number, id_number_index, phone, post, employment, "
                "cert_level, cert_number, cert_date, sw_background, community_id, hire_date, leave_date, "
                "contract_end, monthly_pay_fen, social_insurance, experience_years, notes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (n, name, gender, cipher.encrypt(number, "staff.id_number"),
                 cipher.blind_index(number, staff.ID_CONTEXT), cipher.encrypt(phone, "staff.phone"), post, emp,
                 cert, "" if cert == "无" else f"2019{n:06d}", None if cert == "无" else "2019-11-20",
                 1 if n % 2 else 0, community, hire, leave, "2026-12-31" if leave is None else None, pay,
                 1, 3 + n, "" if n != 5 else "离职：回老家"))
        conn.executemany(
            "INSERT INTO audit_log (at, user_id, username, action, table_name, record_id, summary, before_json, "
            "after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [("2021-03-01 09:00:00.000000", None, "system", "setup", "", "", "新建站点「民意街道社会工作服务站」",
              "", ""),
             (now, 1, "fuzhanzhang", "login", "app_user", "1", "王丽 登录", "", ""),
             (now, 1, "fuzhanzhang", "update", "staff", "5", "陈静 离职", '{"leave_date": null}',
              '{"leave_date": "2024-07-31"}')])
    conn.close()
    return secret, phones


def tables(db: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (alembic's own excepted), keyed by table, in primary-key order."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        out = {}
        for name in names:
            pk = [r["name"] for r in conn.execute(f'PRAGMA table_info("{name}")') if r["pk"]] or ["rowid"]
            order = ", ".join(f'"{c}"' for c in pk)
            out[name] = [dict(r) for r in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}')]
        return out
    finally:
        conn.close()


def revision(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def old_station(tmp_path: Path, clock: FixedClock) -> tuple[DataDir, bytes, dict[str, str]]:
    data = DataDir(tmp_path / "from-0.1.0")
    secret, phones = make_first_release_station(data, clock)
    return data, secret, phones


def test_the_old_station_has_a_row_in_every_table(old_station: tuple[DataDir, bytes, dict[str, str]]) -> None:
    data, _secret, _phones = old_station
    before = tables(data.database)
    assert revision(data.database) == FIRST_RELEASED
    assert set(before) == {"station", "community", "setting", "app_user", "audit_log", "staff"}
    assert all(rows for rows in before.values()), {t: len(r) for t, r in before.items()}


def open_with(data: DataDir, secret: bytes, clock: FixedClock) -> Station:
    store = MemorySecretStore()
    store.put(STATION_UUID, secret)
    return open_station(data, clock=clock, secret_store=store)


def test_upgrade_from_the_first_release_keeps_every_row(
        old_station: tuple[DataDir, bytes, dict[str, str]], clock: FixedClock) -> None:
    data, secret, phones = old_station
    before = tables(data.database)
    st = open_with(data, secret, clock)
    try:
        assert st.migration is not None
        assert (st.migration.from_revision, st.migration.to_revision) == (FIRST_RELEASED, migrate.head_revision())
        assert migrate.current_revision(st.engine) == migrate.head_revision()
        # every old row is still there with every old value, column by column
        after = tables(data.database)
        for table, rows in before.items():
            assert table in after, f"table {table} vanished in the upgrade"
            assert len(after[table]) == len(rows), f"{table}: {len(rows)} rows before, {len(after[table])} after"
            old_columns = set(rows[0])
            new_columns = set(after[table][0])
            assert old_columns - new_columns <= DROPPED_ON_PURPOSE.get(table, set()), (
                f"{table} lost columns {old_columns - new_columns}")
            for old, new in zip(rows, after[table], strict=True):
                assert {c: new[c] for c in old_columns & new_columns} == {c: old[c] for c in old_columns & new_columns}
        # the new version reads the old data through its services: logins, decrypted personal data
        admin = users.login(st, "fuzhanzhang", ADMIN_PASSWORD)
        roster = staff.list_staff(st, admin)
        assert {p.name for p in roster} == {p[0] for p in PEOPLE}
        assert {p.id_number: p.phone for p in roster} == phones
        found = staff.find_by_id_number(st, admin, id_number(PEOPLE[2][2]))
        assert found is not None and found.name == "张敏"
        assert all(r.status is not checks.Status.FAILING for r in checks.run_integrity(st, deep=True))
        with st.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        # the audit log is still append-only after the upgrade
        with pytest.raises(Exception, match="只能追加"), st.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM audit_log")
    finally:
        st.close()
    # the upgrade was preceded by a backup of the old database, complete
    backup = st.migration.backup
    assert backup is not None and backup.exists() and FIRST_RELEASED in backup.name
    assert revision(backup) == FIRST_RELEASED and tables(backup) == before


def test_a_second_open_does_not_migrate_or_back_up_again(
        old_station: tuple[DataDir, bytes, dict[str, str]], clock: FixedClock) -> None:
    data, secret, _phones = old_station
    open_with(data, secret, clock).close()
    made = sorted(data.backups.iterdir())
    st = open_with(data, secret, clock)
    try:
        assert st.migration is not None and st.migration.backup is None
        assert sorted(data.backups.iterdir()) == made
    finally:
        st.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_newer_station_is_refused_and_left_untouched(station: Station, clock: FixedClock) -> None:
    data = station.data
    station.close()
    conn = sqlite3.connect(data.database)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest, rows = sha256(data.database), tables(data.database)
    backups = sorted(p.name for p in data.backups.iterdir())
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_station(data, clock=clock)
    assert sha256(data.database) == digest
    assert tables(data.database) == rows and revision(data.database) == "9001_from_the_future"
    assert sorted(p.name for p in data.backups.iterdir()) == backups  # no backup, no migration attempted
    assert list_backups(data.backups) == []


def test_the_command_line_refuses_a_newer_station_with_one_line(station: Station,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from sgz_desktop import cli

    data = station.data
    station.close()
    conn = sqlite3.connect(data.database)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    conn.close()
    assert cli.main(["--data-dir", str(data.root), "check"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "更新版本" in err and "9001_from_the_future" in err


def test_the_first_released_revision_is_still_known() -> None:
    # A later version must keep every released migration: it is how old stations reach the new schema.
    assert {"0001", FIRST_RELEASED} <= migrate.known_revisions()


def test_the_chain_read_as_text_is_the_one_alembic_reads() -> None:
    # Start-up reads the head from the migration files without importing Alembic: keep the two equal.
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate._chain() == {s.revision: s.down_revision for s in scripts.walk_revisions()}
