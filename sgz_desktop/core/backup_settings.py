"""Backups without thinking: the automatic backup when the program closes, an optional second folder
(a USB drive), and the state the status bar shows ("last good backup … days ago").

The copies in the data folder protect against mistakes; only the second folder protects against the PC
itself failing, so the status says when that copy was last made too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import backup, settings
from .errors import Problem, SgzError, ValidationError, os_error_text
from .progress import Progress, quiet
from .roles import SYSTEM, Actor, Permission, require
from .settings import SettingDef, define
from .station import Station

SECOND_FOLDER = define(SettingDef(
    "backup.second_folder", "第二备份文件夹（如U盘）", "str", "",
    help="关闭程序时的自动备份同时复制一份到这里（子文件夹 sgz-auto-backups）；为空则不复制"))
ON_CLOSE = define(SettingDef("backup.on_close", "关闭程序时自动备份", "bool", True,
                             help="退出程序时在数据目录的 backups 中自动备份（保留最近若干份和每月一份）"))
if TYPE_CHECKING:
    from .reports.backup_sheet import BackupPlaces  # reportlab loads only when a sheet is printed

AUTO_SUBFOLDER = "sgz-auto-backups"  # rotation happens only in here, never among the user's own backups


@dataclass(frozen=True)
class BackupStatus:
    last: backup.BackupInfo | None  # newest good backup anywhere (data folder, USB, chosen folder)
    age_days: int | None  # whole days since it, None when there is none
    warn_days: int
    overdue: bool  # no backup, or the newest is older than warn_days
    second_folder: Path | None  # the configured second folder (None: not set)
    second_available: bool  # it exists now (the USB drive is plugged in)
    last_second: backup.BackupInfo | None  # newest backup inside the second folder, as remembered


@dataclass(frozen=True)
class CloseBackup:
    made: tuple[backup.BackupInfo, ...]
    problems: tuple[str, ...]  # complete Chinese sentences, e.g. the USB drive is not plugged in
    skipped: bool = False  # automatic backups on close are switched off


def second_folder(st: Station) -> Path | None:
    text = str(settings.get(st, SECOND_FOLDER) or "").strip()
    return Path(text) if text else None


def auto_folder(folder: Path) -> Path:
    return folder / AUTO_SUBFOLDER


def set_second_folder(st: Station, actor: Actor, folder: Path | None) -> Path | None:
    """Choose (or with None clear) the second folder. It must exist and lie outside the data folder."""
    require(actor, Permission.EDIT_SETTINGS)
    if folder is None or not str(folder).strip():
        settings.set_value(st, actor, SECOND_FOLDER.key, "")
        return None
    chosen = Path(folder).expanduser().resolve()
    if not chosen.is_dir():
        raise ValidationError(Problem(SECOND_FOLDER.label, f"文件夹 {chosen} 不存在，请先插好U盘或建好文件夹"))
    if chosen.is_relative_to(st.data.root.resolve()):
        raise ValidationError(Problem(SECOND_FOLDER.label,
                                      f"{chosen} 在数据目录里面，电脑坏了它也会一起丢失，请选U盘或另一块硬盘"))
    settings.set_value(st, actor, SECOND_FOLDER.key, str(chosen))
    return chosen


def backup_status(st: Station) -> BackupStatus:
    last = backup.last_backup(st.data)
    warn_days = int(settings.get(st, settings.BACKUP_WARN_DAYS))
    now = st.clock.now()
    age = None if last is None else max(0, (now - _naive(last.created_at)).days)
    folder = second_folder(st)
    last_second = None
    if folder is not None:
        inside = [b for b in _remembered(st) if b.path.parent == auto_folder(folder) or b.path.parent == folder]
        last_second = max(inside, key=lambda b: b.created_at, default=None)
    return BackupStatus(last=last, age_days=age, warn_days=warn_days, overdue=age is None or age >= warn_days,
                        second_folder=folder, second_available=folder is not None and folder.is_dir(),
                        last_second=last_second)


def _naive(when: dt.datetime) -> dt.datetime:
    return when.replace(tzinfo=None) if when.tzinfo else when


def _remembered(st: Station) -> list[backup.BackupInfo]:
    """Every backup the history file remembers (including those on drives not plugged in now)."""
    try:
        entries = json.loads((st.data.root / backup.HISTORY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found = []
    for e in entries if isinstance(entries, list) else []:
        try:
            found.append(backup.BackupInfo(
                path=Path(e["path"]), created_at=dt.datetime.fromisoformat(e["created_at"]),
                station_name=str(e.get("station_name", "")), schema_revision=str(e.get("schema_revision", "")),
                bytes=int(e.get("bytes", 0)), file_count=int(e.get("file_count", 0)), row_counts={},
                verified=bool(e.get("verified")), reason=str(e.get("reason", ""))))
        except (KeyError, ValueError, TypeError, AttributeError):
            continue
    return found


def backup_on_close(st: Station, progress: Progress | None = None) -> CloseBackup:
    """The automatic backup when the program closes: into the data folder, then the second folder if set.

    A missing USB drive or a failing copy there is reported, never raised: the program must still close,
    and the copy in the data folder stands on its own.
    """
    progress = progress or quiet()
    if not bool(settings.get(st, ON_CLOSE)):
        return CloseBackup(made=(), problems=(), skipped=True)
    made: list[backup.BackupInfo] = []
    problems: list[str] = []
    try:
        made.append(backup.auto_backup(st, "auto"))
    except (SgzError, OSError) as exc:
        problems.append(f"自动备份到数据目录 {st.data.backups} 没有成功：{_why(exc)}")
    folder = second_folder(st)
    if folder is not None:
        if not folder.is_dir():
            problems.append(f"第二备份文件夹 {folder} 现在不可用（U盘没有插上？），这次只备份在本机数据目录。")
        else:
            try:
                target = auto_folder(folder)
                made.append(backup.backup_to(st, SYSTEM, target, progress, reason="auto"))
                backup.rotate(target, int(settings.get(st, settings.BACKUP_KEEP)))
            except (SgzError, OSError) as exc:
                problems.append(f"备份到第二备份文件夹 {folder} 没有成功：{_why(exc)}")
    return CloseBackup(made=tuple(made), problems=tuple(problems))


def _why(exc: SgzError | OSError) -> str:
    return os_error_text(exc) if isinstance(exc, OSError) else str(exc)


def backup_places(st: Station) -> BackupPlaces:
    """What the printed backup sheet says: where the data and its backups are."""
    from .profile import get_profile
    from .reports.backup_sheet import BackupPlaces

    last = backup.last_backup(st.data)
    return BackupPlaces(
        station_name=get_profile(st).name, data_folder=st.data.root, automatic_backups=st.data.backups,
        second_folder=second_folder(st), keep_last=int(settings.get(st, settings.BACKUP_KEEP)),
        warn_days=int(settings.get(st, settings.BACKUP_WARN_DAYS)),
        last_backup=f"{last.created_at:%Y-%m-%d %H:%M}，{last.path}" if last is not None else "")


def write_backup_sheet(st: Station, out: Path) -> Path:
    """The printable sheet (PDF) of where the data and backups are and how to restore them."""
    from .reports.backup_sheet import write_backup_sheet as write

    return write(out, backup_places(st), st.clock.now())
