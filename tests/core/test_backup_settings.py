"""Backups without thinking: the backup at close (data folder + second folder), the overdue warning."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from sgz_desktop.core import backup, backup_settings, settings
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.errors import PermissionDenied, ValidationError
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station


def test_without_any_backup_the_status_is_overdue(station: Station) -> None:
    status = backup_settings.backup_status(station)
    assert status.last is None and status.overdue and status.age_days is None
    assert status.warn_days == 7 and status.second_folder is None


def test_backup_on_close_goes_to_the_data_folder(station: Station) -> None:
    result = backup_settings.backup_on_close(station)
    assert len(result.made) == 1 and result.problems == ()
    assert result.made[0].path.parent == station.data.backups and result.made[0].verified
    status = backup_settings.backup_status(station)
    assert status.last is not None and status.age_days == 0 and not status.overdue


def test_the_warning_comes_after_warn_days(station: Station, admin: Actor) -> None:
    backup_settings.backup_on_close(station)
    clock = station.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=6, hours=23)
    status = backup_settings.backup_status(station)
    assert status.age_days == 6 and not status.overdue
    clock.advance(hours=2)
    assert backup_settings.backup_status(station).overdue
    settings.set_value(station, admin, settings.BACKUP_WARN_DAYS.key, 14)
    assert not backup_settings.backup_status(station).overdue


def test_second_folder_gets_its_own_rotating_copies(station: Station, admin: Actor, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "sgz-backup-20250101-120000").mkdir()  # the user's own folder there is never rotated away
    assert backup_settings.set_second_folder(station, admin, usb) == usb.resolve()
    settings.set_value(station, admin, settings.BACKUP_KEEP.key, 2)
    clock = station.clock
    assert isinstance(clock, FixedClock)
    for minute in range(4):
        clock.at = dt.datetime(2026, 3, 2, 17, minute)
        result = backup_settings.backup_on_close(station)
        assert len(result.made) == 2 and result.problems == ()
    copies = backup.list_backups(usb / backup_settings.AUTO_SUBFOLDER)
    assert [b.created_at.minute for b in copies] == [3, 2]  # keep 2; the month's newest is among them
    assert (usb / "sgz-backup-20250101-120000").is_dir()
    status = backup_settings.backup_status(station)
    assert status.second_available and status.last_second is not None
    assert status.last_second.created_at == dt.datetime(2026, 3, 2, 17, 3)


def test_a_missing_usb_drive_is_reported_not_raised(station: Station, admin: Actor, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup_settings.set_second_folder(station, admin, usb)
    usb.rmdir()  # the drive was pulled out
    result = backup_settings.backup_on_close(station)
    assert len(result.made) == 1 and "不可用" in result.problems[0]
    assert not backup_settings.backup_status(station).second_available


def test_a_full_usb_drive_is_reported_in_words_and_the_program_still_closes(
        station: Station, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup_settings.set_second_folder(station, admin, usb)
    connect = sqlite3.connect

    def full_usb(path: object, *args: object, **kw: object) -> sqlite3.Connection:
        conn = connect(path, *args, **kw)  # type: ignore[arg-type]
        if str(path).startswith(str(usb)):
            conn.execute("PRAGMA max_page_count = 8")  # SQLite's own "database or disk is full"
        return conn

    monkeypatch.setattr(backup.sqlite3, "connect", full_usb)
    result = backup_settings.backup_on_close(station)
    assert len(result.made) == 1 and result.made[0].path.parent == station.data.backups
    assert len(result.problems) == 1 and "第二备份文件夹" in result.problems[0] and "磁盘已满" in result.problems[0]
    assert "Errno" not in result.problems[0]


def test_second_folder_must_exist_and_lie_outside_the_data_folder(station: Station, admin: Actor,
                                                                   tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="不存在"):
        backup_settings.set_second_folder(station, admin, tmp_path / "nowhere")
    with pytest.raises(ValidationError, match="数据目录"):
        backup_settings.set_second_folder(station, admin, station.data.backups)
    assert backup_settings.second_folder(station) is None
    worker = Actor(user_id=99, username="shegong", display_name="李娜", role=Role.SOCIAL_WORKER)
    with pytest.raises(PermissionDenied):
        backup_settings.set_second_folder(station, worker, tmp_path)


def test_switched_off_means_no_backup_at_close(station: Station, admin: Actor) -> None:
    settings.set_value(station, admin, backup_settings.ON_CLOSE.key, False)
    result = backup_settings.backup_on_close(station)
    assert result.skipped and result.made == ()
    assert backup.list_backups(station.data.backups) == []


def test_the_backup_sheet_says_where_everything_is(station: Station, admin: Actor, tmp_path: Path) -> None:
    from pypdf import PdfReader

    usb = tmp_path / "usb"
    usb.mkdir()
    backup_settings.set_second_folder(station, admin, usb)
    backup_settings.backup_on_close(station)
    out = backup_settings.write_backup_sheet(station, tmp_path / "说明单.pdf")
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "").replace("\n", "")
    assert "数据与备份说明单" in text and "江汉街道社会工作服务站" in text
    for place in (station.data.root, station.data.backups, usb.resolve()):
        assert str(place).replace(" ", "") in text
    assert "2026-03-0209:30" in text and "恢复密钥" in text
