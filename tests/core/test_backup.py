"""Backups: verified copies, detection of damage, restore keeping the current data, rotation."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from sgz_desktop.core import audit, backup, profile, settings, users
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.errors import IntegrityFailure, PermissionDenied, ValidationError, os_error_text
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.progress import Cancelled, Progress
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.setup import init_station
from sgz_desktop.core.station import Station, open_station
from tests.conftest import ADMIN_PASSWORD, MemoryKeyring, new_station_values


def put_attachment(data: DataDir, rel: str, content: bytes) -> Path:
    path = data.attachments / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_backup_is_complete_verified_and_recorded(station: Station, admin: Actor, tmp_path: Path) -> None:
    put_attachment(station.data, "2026/培训签到表.pdf", b"%PDF-1.4 sign-in sheet")
    info = backup.backup_to(station, admin, tmp_path / "usb")
    assert info.verified and info.path.parent == tmp_path / "usb"
    assert info.path.name == "sgz-backup-20260302-093000"
    assert info.station_name == "江汉街道社会工作服务站" and info.schema_revision
    assert (info.path / "station.db").is_file()
    assert (info.path / "attachments" / "2026" / "培训签到表.pdf").read_bytes() == b"%PDF-1.4 sign-in sheet"
    assert not list(info.path.rglob("*secret*")) and not list(info.path.rglob("*-wal"))
    manifest = json.loads((info.path / "manifest.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in manifest["files"]} == {"station.db", "attachments/2026/培训签到表.pdf"}
    assert info.file_count == 2 and info.bytes == sum(f["bytes"] for f in manifest["files"])
    assert info.row_counts["community"] == 4 and info.row_counts["app_user"] == 1
    assert count(info.path / "station.db", "SELECT COUNT(*) FROM community") == 4
    rows = audit.page_entries(station, admin, audit.AuditFilter(action="backup"), 0, 10)
    assert len(rows) == 1 and str(info.path) in rows[0].summary
    last = backup.last_backup(station.data)
    assert last is not None and last.path == info.path


def test_backup_needs_the_backup_permission(station: Station, admin: Actor, tmp_path: Path) -> None:
    for role, name in ((Role.SOCIAL_WORKER, "shegong"), (Role.HEAD, "zhanzhang")):
        users.create_user(station, admin, username=name, display_name=name, role=role, password=ADMIN_PASSWORD)
        actor = users.login(station, name, ADMIN_PASSWORD)
        with pytest.raises(PermissionDenied, match="权限不足"):
            backup.backup_to(station, actor, tmp_path / "usb")
    assert not (tmp_path / "usb").exists()


def test_two_backups_in_the_same_second_get_two_folders(station: Station, admin: Actor, tmp_path: Path) -> None:
    first = backup.backup_to(station, admin, tmp_path)
    second = backup.backup_to(station, admin, tmp_path)
    assert first.path != second.path and second.path.name.endswith("-2")
    assert [b.path for b in backup.list_backups(tmp_path)] == [second.path, first.path]


def test_cancelled_backup_leaves_nothing(station: Station, admin: Actor, tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        backup.backup_to(station, admin, tmp_path / "usb", progress)
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_full_drive_is_said_in_words_and_leaves_nothing(station: Station, admin: Actor, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite says "database or disk is full" (SQLITE_FULL); here a copy that may grow to 8 pages meets it."""
    connect = sqlite3.connect

    def small_drive(path: object, *args: object, **kw: object) -> sqlite3.Connection:
        conn = connect(path, *args, **kw)  # type: ignore[arg-type]
        if str(path).endswith(backup.DATABASE) and ".partial" in str(path):
            conn.execute("PRAGMA max_page_count = 8")
        return conn

    monkeypatch.setattr(backup.sqlite3, "connect", small_drive)
    with pytest.raises(OSError) as caught:
        backup.backup_to(station, admin, tmp_path / "usb")
    assert os_error_text(caught.value).startswith("磁盘已满，文件 ") and backup.DATABASE in str(caught.value.filename)
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_drive_too_small_is_refused_before_copying_counting_what_links_would_save(
        station: Station, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The least a backup needs is the database and the attachments an earlier backup in the same folder
    cannot lend by a hard link: less free space than that is said before a byte is copied."""
    scan = b"%PDF-1.4 " + os.urandom(3 * 1024 * 1024)
    digest = hashlib.sha256(scan).hexdigest()
    put_attachment(station.data, f"sha256/{digest[:2]}/{digest}.pdf", scan)
    usb = tmp_path / "usb"
    first = backup.backup_to(station, admin, usb)  # the drive's real free space: copied whole
    database = (first.path / backup.DATABASE).stat().st_size
    free = [2 * 1024 * 1024 + database]  # the database, the manifest, not the 3 MB scan

    def drive(path: object) -> object:
        return shutil._ntuple_diskusage(64 * 1024**3, 0, free[0])  # type: ignore[attr-defined]

    monkeypatch.setattr(backup.shutil, "disk_usage", drive)
    second = backup.backup_to(station, admin, usb)  # the scan is linked from the first backup: it fits
    assert second.verified and (second.path / "attachments").exists()
    other = tmp_path / "other-usb"
    with pytest.raises(ValidationError) as refused:
        backup.backup_to(station, admin, other)  # no earlier backup there: the scan must be copied
    text = str(refused.value)
    assert "备份位置" in text and f"{other} 所在的磁盘只剩" in text and "这次备份至少需要" in text
    assert "请换一个空间更大的U盘" in text
    assert list(other.iterdir()) == []


@pytest.mark.parametrize("target", ["station.db", "attachments/a.txt", "manifest.json"])
def test_verify_detects_a_changed_byte(station: Station, admin: Actor, tmp_path: Path, target: str) -> None:
    put_attachment(station.data, "a.txt", b"hello attachments")
    info = backup.backup_to(station, admin, tmp_path)
    path = info.path / target
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))
    with pytest.raises(IntegrityFailure) as err:
        backup.verify_backup(info.path)
    if target != "manifest.json":  # a changed manifest fails in whichever way the flipped byte lands
        assert target in str(err.value)


def test_verify_detects_a_missing_file_and_a_non_backup(station: Station, admin: Actor, tmp_path: Path) -> None:
    put_attachment(station.data, "a.txt", b"x")
    info = backup.backup_to(station, admin, tmp_path)
    (info.path / "attachments" / "a.txt").unlink()
    with pytest.raises(IntegrityFailure, match=r"缺少文件 attachments/a\.txt"):
        backup.verify_backup(info.path)
    with pytest.raises(IntegrityFailure, match="不是社工站备份文件夹") as err:
        backup.verify_backup(tmp_path)
    assert f"最新的是 {info.path.name}" in str(err.value)  # the parent folder was picked: name the backup
    with pytest.raises(IntegrityFailure, match="请选择名为 sgz-backup-"):
        backup.verify_backup(tmp_path / "nowhere")


def test_restore_replaces_data_and_keeps_the_current_data_first(
        station: Station, admin: Actor, clock: FixedClock, tmp_path: Path) -> None:
    data = station.data
    put_attachment(data, "old.txt", b"in the backup")
    info = backup.backup_to(station, admin, tmp_path / "usb")
    # Work after the backup: it must survive in the before-restore copy.
    profile.add_community(station, admin, "后来新建社区")
    put_attachment(data, "new.txt", b"after the backup")
    (data.attachments / "old.txt").unlink()
    station.close()
    clock.advance(hours=1)

    result = backup.restore_from(data, info.path, clock)

    assert result.restored.path == info.path and result.previous is not None
    assert result.previous.parent == data.backups and result.previous.name.startswith("before-restore-")
    assert count(result.previous / "station.db", "SELECT COUNT(*) FROM community WHERE name = '后来新建社区'") == 1
    assert (result.previous / "attachments" / "new.txt").read_bytes() == b"after the backup"
    assert sorted(p.name for p in data.attachments.iterdir()) == ["old.txt"]
    reopened = open_station(data, clock=clock)
    try:
        assert "后来新建社区" not in {c.name for c in profile.list_communities(reopened)}
        assert reopened.unlocked  # same station, same PC: its secret is still in the keyring
        actor = users.login(reopened, "fuzhanzhang", ADMIN_PASSWORD)
        rows = audit.page_entries(reopened, actor, audit.AuditFilter(action="restore"), 0, 5)
        assert len(rows) == 1 and str(result.previous) in rows[0].summary
    finally:
        reopened.close()


@pytest.mark.parametrize("failing", ["disk full", "read back differently", "a scan open in a viewer",
                                     "database held by another program"])
def test_a_restore_failing_part_way_changes_nothing(station: Station, admin: Actor, clock: FixedClock,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    failing: str) -> None:
    """The database is copied first: a copy failing at an attachment after it must not leave the backup's
    database over the current attachments."""
    data = station.data
    put_attachment(data, "scan-in-backup.pdf", b"in the backup")
    info = backup.backup_to(station, admin, tmp_path / "usb")
    profile.add_community(station, admin, "后来新建社区")
    put_attachment(data, "scan-after.pdf", b"after the backup")
    station.close()
    before = {p.relative_to(data.root).as_posix(): p.read_bytes() for p in data.root.rglob("*")
              if p.is_file() and "backups" not in p.parts}
    real_copy = backup._copy_file

    def copy(src: Path, dest: Path, rel: str) -> dict[str, object]:
        if rel.startswith("attachments/") and ".restoring" in str(dest):  # staging, not the before-restore copy
            if failing == "disk full":
                raise OSError(errno.ENOSPC, "No space left on device", str(dest))
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(b"garbled")
            return {"path": rel, "bytes": 7, "sha256": "0" * 64}
        return real_copy(src, dest, rel)

    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        # Windows refuses to rename a folder holding an open file, or a file another program holds open
        if (failing == "a scan open in a viewer" and Path(src) == data.attachments) or \
                (failing == "database held by another program" and Path(dst) == data.database):
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(src))
        real_replace(src, dst)

    if failing in ("disk full", "read back differently"):
        monkeypatch.setattr(backup, "_copy_file", copy)
    else:
        monkeypatch.setattr(os, "replace", replace)
    with pytest.raises((OSError, IntegrityFailure)) as err:
        backup.restore_from(data, info.path, clock)
    if failing == "read back differently":
        assert isinstance(err.value, IntegrityFailure)
        assert "attachments/scan-in-backup.pdf" in str(err.value) and "没有恢复任何数据" in str(err.value)
    else:  # the failure itself reaches the user, worded by os_error_text
        assert isinstance(err.value, OSError) and err.value.errno in (errno.ENOSPC, errno.EACCES)
    after = {p.relative_to(data.root).as_posix(): p.read_bytes() for p in data.root.rglob("*")
             if p.is_file() and "backups" not in p.parts}
    assert after == before  # no .restoring left, the database and attachments as they were
    assert count(data.database, "SELECT COUNT(*) FROM community WHERE name = '后来新建社区'") == 1


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
        station: Station, admin: Actor, clock: FixedClock, tmp_path: Path) -> None:
    info = backup.backup_to(station, admin, tmp_path)
    with open(info.path / "station.db", "r+b") as fh:
        fh.seek(200)
        fh.write(b"\x00garbage")
    profile.add_community(station, admin, "恢复前的社区")
    station.close()
    before = station.data.database.read_bytes()
    with pytest.raises(IntegrityFailure):
        backup.restore_from(station.data, info.path, clock)
    assert station.data.database.read_bytes() == before
    assert not any(p.name.startswith("before-restore-") for p in station.data.backups.iterdir())


def test_restore_onto_an_empty_folder_opens_locked_without_the_secret(
        station: Station, admin: Actor, clock: FixedClock, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    info = backup.backup_to(station, admin, tmp_path / "usb")
    memory_keyring.store.clear()  # a new PC: its keyring has never seen this station
    fresh = DataDir(tmp_path / "new-pc")
    result = backup.restore_from(fresh, info.path, clock)
    assert result.previous is None
    st = open_station(fresh, clock=clock)
    try:
        assert not st.unlocked
        assert [c.name for c in profile.list_communities(st)] == ["新华社区", "民意社区", "花楼社区", "友谊村"]
    finally:
        st.close()


def test_restoring_another_station_sets_its_secret_file_aside(clock: FixedClock, tmp_path: Path) -> None:
    a, b = DataDir(tmp_path / "a"), DataDir(tmp_path / "b")
    st_a, _ = init_station(a, new_station_values(name="甲站"), secret_store=FileSecretStore(a.secret_file), clock=clock)
    st_b, _ = init_station(b, new_station_values(name="乙站"), secret_store=FileSecretStore(b.secret_file), clock=clock)
    info = backup.backup_to(st_b, users.login(st_b, "fuzhanzhang", ADMIN_PASSWORD), tmp_path / "usb")
    uuid_a = st_a.profile_row().station_uuid
    secret_a = a.secret_file.read_bytes()
    st_a.close()
    st_b.close()
    result = backup.restore_from(a, info.path, clock)
    assert result.set_aside_secret_file == a.root / f"station-secret-{uuid_a}.key"
    assert result.set_aside_secret_file.read_bytes() == secret_a
    assert result.restored.station_name == "乙站"


def test_rotation_keeps_the_last_n_and_one_per_month(station: Station, admin: Actor, clock: FixedClock) -> None:
    settings.set_value(station, admin, settings.BACKUP_KEEP.key, 3)
    made = []
    for days in (0, 10, 20, 30, 31, 32, 33, 34):  # Mar 2 … Apr 5
        clock.at = dt.datetime(2026, 3, 2, 9, 30) + dt.timedelta(days=days)
        made.append(backup.auto_backup(station))
    left = [b.path for b in backup.list_backups(station.data.backups)]
    # The last 3 (Apr 3, 4, 5) and the newest of each month (March: the 22nd).
    kept_dates = sorted(b.created_at.date() for b in backup.list_backups(station.data.backups))
    assert kept_dates == [dt.date(2026, 3, 22), dt.date(2026, 4, 3), dt.date(2026, 4, 4), dt.date(2026, 4, 5)]
    assert all(b.verified for b in made) and len(left) == 4


def test_last_backup_remembers_a_drive_that_is_unplugged(station: Station, admin: Actor, tmp_path: Path) -> None:
    info = backup.backup_to(station, admin, tmp_path / "usb")
    for p in sorted(info.path.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    info.path.rmdir()
    last = backup.last_backup(station.data)
    assert last is not None and last.path == info.path and last.created_at == info.created_at


def _stored(station: Station, content: bytes) -> str:
    from sgz_desktop.core.attachments import attachment_store

    src = station.data.root / "scan.jpg"
    src.write_bytes(content)
    stored = attachment_store(station).ingest(src)
    return f"attachments/sha256/{stored.sha256[:2]}/{stored.sha256}.jpg"


def test_a_later_backup_links_the_scans_the_earlier_one_holds(
        station: Station, admin: Actor, clock: FixedClock, tmp_path: Path) -> None:
    first_scan = _stored(station, b"\xff\xd8\xff\xe0 first scan")
    first = backup.backup_to(station, admin, tmp_path / "backups")
    clock.advance(minutes=1)
    second_scan = _stored(station, b"\xff\xd8\xff\xe0 second scan")
    second = backup.backup_to(station, admin, tmp_path / "backups")
    # The scan both hold is one file on the disk; the new scan and the database are real copies.
    assert (second.path / first_scan).stat().st_ino == (first.path / first_scan).stat().st_ino
    assert (second.path / first_scan).stat().st_ino != (station.data.root / first_scan).stat().st_ino
    assert (second.path / second_scan).stat().st_nlink == 1
    manifest = json.loads((second.path / "manifest.json").read_text(encoding="utf-8"))
    linked = {f["path"] for f in manifest["files"] if f.get("linked")}
    assert linked == {first_scan}
    # It stands alone: with the earlier backup gone, it still verifies in full and restores.
    import shutil

    shutil.rmtree(first.path)
    assert backup.verify_backup(second.path).verified


def test_a_damaged_earlier_copy_is_not_linked_and_no_link_means_a_copy(
        station: Station, admin: Actor, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _stored(station, b"\xff\xd8\xff\xe0 a scan")
    first = backup.backup_to(station, admin, tmp_path / "backups")
    (first.path / scan).write_bytes(b"cut short")  # the earlier copy lost bytes
    clock.advance(minutes=1)
    second = backup.backup_to(station, admin, tmp_path / "backups")
    assert (second.path / scan).read_bytes() == b"\xff\xd8\xff\xe0 a scan"
    assert (second.path / scan).stat().st_nlink == 1

    def no_links(*_args: object) -> None:
        raise OSError("hard links not supported (FAT32)")

    monkeypatch.setattr(backup.os, "link", no_links)
    clock.advance(minutes=1)
    third = backup.backup_to(station, admin, tmp_path / "backups")
    assert (third.path / scan).read_bytes() == b"\xff\xd8\xff\xe0 a scan" and third.verified
