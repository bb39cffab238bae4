"""Opening, migrating and protecting a station database."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text

from sgz_desktop.core import profile, users
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.db import migrate
from sgz_desktop.core.db.engine import make_engine
from sgz_desktop.core.errors import DataDirLocked, SchemaTooNew, SecretUnavailable, ValidationError
from sgz_desktop.core.lock import DataDirLock
from sgz_desktop.core.models import Community, User
from sgz_desktop.core.paths import DataDir, resolve_data_dir
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.secrets import KeyringSecretStore, MemorySecretStore
from sgz_desktop.core.setup import init_station, restore_secret
from sgz_desktop.core.station import Station, open_station
from tests.conftest import new_station_values


def test_pragmas_are_those_platform_md_asks_for(station: Station) -> None:
    with station.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_writer_takes_the_lock_at_begin(station: Station) -> None:
    # BEGIN IMMEDIATE: a second writer waits (busy timeout) instead of failing half-way through.
    other = sqlite3.connect(station.data.database, timeout=0.1, isolation_level=None)
    with station.begin(SYSTEM) as s:
        s.execute(select(1))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_error_inside_a_transaction_changes_nothing(station: Station) -> None:
    with pytest.raises(RuntimeError), station.begin(SYSTEM) as s:
        s.add(Community(name="半途社区", kind="社区", sort_order=9, active=True))
        s.flush()
        raise RuntimeError("boom")
    assert "半途社区" not in [c.name for c in profile.list_communities(station)]


def test_init_refuses_an_existing_station_and_bad_values(data_dir: DataDir, station: Station) -> None:
    with pytest.raises(ValidationError, match="已经有社工站数据库"):
        init_station(data_dir, new_station_values(), secret_store=MemorySecretStore())
    other = DataDir(data_dir.root.parent / "other")
    with pytest.raises(ValidationError) as err:
        init_station(other, new_station_values(name=" ", district_type="郊区", admin_password="short"),
                     secret_store=MemorySecretStore())
    fields = {p.field for p in err.value.problems}
    assert {"站点名称", "城区类型", "管理员密码"} <= fields
    assert not other.database.exists()


def test_secret_lives_in_the_keyring_not_beside_the_database(station: Station, memory_keyring: object) -> None:
    assert station.unlocked
    assert not station.data.secret_file.exists()
    assert station.profile_row().secret_location == "keyring"


def test_a_new_pc_needs_the_recovery_key(data_dir: DataDir, clock: FixedClock) -> None:
    store = MemorySecretStore()
    st, recovery = init_station(data_dir, new_station_values(), secret_store=store, clock=clock)
    st.close()
    fresh = open_station(data_dir, clock=clock, secret_store=MemorySecretStore())  # reinstalled PC
    assert not fresh.unlocked
    with pytest.raises(SecretUnavailable):
        fresh.require_unlocked()
    wrong = "AAAA-" * 13 + "AAAA"
    with pytest.raises(SecretUnavailable):
        restore_secret(fresh, wrong)
    # Typed from paper: lower case, spaces instead of hyphens, 0 for O.
    restore_secret(fresh, recovery.lower().replace("-", " ").replace("o", "0"))
    assert fresh.unlocked
    assert fresh.secret() == store.get(fresh.profile_row().station_uuid)
    fresh.close()


def test_recovery_key_of_another_station_is_refused(tmp_path: object, clock: FixedClock) -> None:
    from pathlib import Path

    root = Path(str(tmp_path))
    a, _ = init_station(DataDir(root / "a"), new_station_values(), secret_store=MemorySecretStore(), clock=clock)
    b, key_b = init_station(DataDir(root / "b"), new_station_values(), secret_store=MemorySecretStore(), clock=clock)
    a.cipher = None
    with pytest.raises(SecretUnavailable, match="不属于本站点"):
        restore_secret(a, key_b)
    a.close()
    b.close()


def test_second_lock_on_the_same_folder_is_refused(data_dir: DataDir) -> None:
    with DataDirLock(data_dir.lock_file), pytest.raises(DataDirLocked, match="另一个"):
        DataDirLock(data_dir.lock_file).acquire()
    # Released with its holder: no stale lock is left behind.
    with DataDirLock(data_dir.lock_file):
        pass


def test_data_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("SGZ_DATA_DIR", f"{tmp_path}/env")
    assert resolve_data_dir(None).root.name == "env"
    assert resolve_data_dir(f"{tmp_path}/flag").root.name == "flag"
    monkeypatch.delenv("SGZ_DATA_DIR")
    assert "sgz-desktop" in str(resolve_data_dir(None).root)


def test_migration_from_previous_schema_keeps_every_row(data_dir: DataDir, clock: FixedClock) -> None:
    data_dir.ensure()
    engine = make_engine(data_dir.database)
    migrate.upgrade(engine, data_dir.backups, clock, target="0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO station VALUES (1, 'u-1', '站', '街', '区', '中心城区', 'Z1', '', '', '', '',"
                          " 0, 'keyring', 'x', '2025-01-01 00:00:00')"))
        for i in range(50):
            conn.execute(text("INSERT INTO community (name, kind, sort_order, active) VALUES (:n, '社区', :i, 1)"),
                         {"n": f"社区{i}", "i": i})
            conn.execute(text("INSERT INTO app_user (username, display_name, role, password_hash, failed_attempts,"
                              " must_change_password, active, created_at) VALUES (:u, '某', 'deputy', 'h', 0, 0, 1,"
                              " '2025-01-01 00:00:00')"), {"u": f"user{i}"})
    result = migrate.upgrade(engine, data_dir.backups, clock)
    assert result.from_revision == "0001" and result.to_revision == migrate.head_revision()
    assert result.backup is not None and result.backup.exists()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM community")).scalar() == 50
        assert conn.execute(text("SELECT count(*) FROM app_user")).scalar() == 50
        assert conn.execute(text("SELECT count(*) FROM station")).scalar() == 1
        assert conn.execute(text("SELECT last_login_at FROM app_user LIMIT 1")).scalar() is None
    # The backup taken before the migration holds the old schema and every row.
    old = sqlite3.connect(result.backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT count(*) FROM app_user").fetchone() == (50,)
    old.close()
    engine.dispose()


def test_a_newer_schema_is_refused_untouched(station: Station, data_dir: DataDir, clock: FixedClock) -> None:
    station.close()
    raw = sqlite3.connect(data_dir.database)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.commit()
    raw.close()
    before = data_dir.database.read_bytes()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_station(data_dir, clock=clock, secret_store=KeyringSecretStore())
    assert data_dir.database.read_bytes() == before


def test_audit_log_is_append_only(station: Station, admin: object) -> None:
    with station.engine.connect() as conn:
        with pytest.raises(Exception, match="只能追加"):
            conn.exec_driver_sql("UPDATE audit_log SET summary = 'x'")
        with pytest.raises(Exception, match="只能追加"):
            conn.exec_driver_sql("DELETE FROM audit_log")


def test_every_change_needs_an_actor(station: Station) -> None:
    with pytest.raises(RuntimeError, match="audited"), station._sessions() as s, s.begin():
        s.add(Community(name="无主社区", kind="社区", sort_order=1, active=True))
        s.flush()
    assert users  # imported for fixtures
    with station.read() as s:
        assert s.scalar(select(User).where(User.username == "fuzhanzhang")) is not None


def test_only_an_admin_sees_the_recovery_key_again(data_dir: DataDir, clock: FixedClock) -> None:
    from sgz_desktop.core import audit, setup
    from sgz_desktop.core.errors import PermissionDenied
    from sgz_desktop.core.roles import Role
    from tests.conftest import ADMIN_PASSWORD

    st, first = init_station(data_dir, new_station_values(), secret_store=MemorySecretStore(), clock=clock)
    admin = users.login(st, "fuzhanzhang", ADMIN_PASSWORD)
    assert setup.recovery_key(st, admin) == first
    users.create_user(st, admin, username="zhanzhang", display_name="站长", role=Role.HEAD, password="Head2026pw")
    head = users.login(st, "zhanzhang", "Head2026pw")
    with pytest.raises(PermissionDenied):
        setup.recovery_key(st, head)
    shown = audit.count_entries(st, admin, audit.AuditFilter(action="show_recovery_key"))
    assert shown == 1
    st.close()
