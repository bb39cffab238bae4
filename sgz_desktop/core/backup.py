"""Backups to a folder or USB drive, verified after writing; automatic rotating backups; restore.

A backup is a folder ``sgz-backup-YYYYmmdd-HHMMSS/`` holding ``station.db`` (made with SQLite's online
backup API, so it is consistent while the program runs), a copy of ``attachments/`` and
``manifest.json`` (sizes, SHA-256, row counts). Attachments never change once stored (their name is
their SHA-256), so a file the newest earlier backup in the same folder already holds, intact, is
hard-linked from it rather than copied again, as ``rsync --link-dest`` does: a station with a gigabyte
of scans backs up in a second and keeps one copy of each scan however many backups it keeps. On a drive
without hard links (FAT32/exFAT USB sticks) every file is copied. The station secret is never in a backup: a backup
found by someone else stays unreadable where it matters, and the printed recovery key restores it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from . import audit, settings
from .clock import Clock
from .db import migrate
from .durable import copy_durably
from .errors import IntegrityFailure, Problem, SchemaTooNew, ValidationError
from .paths import DataDir
from .progress import Progress, quiet
from .roles import SYSTEM, Actor, Permission, require
from .sizes import human_size
from .station import Station

MANIFEST = "manifest.json"
DATABASE = "station.db"
ATTACHMENTS = "attachments"
PREFIX = "sgz-backup-"
BEFORE_RESTORE = "before-restore-"
HISTORY_FILE = "backup-history.json"
FORMAT = "sgz-backup/1"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    station_name: str
    schema_revision: str
    bytes: int
    file_count: int
    row_counts: dict[str, int]
    verified: bool
    station_uuid: str = ""
    reason: str = ""
    app_version: str = ""


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    previous: Path | None  # the backup folder holding the data that was replaced (None: there was none)
    set_aside_secret_file: Path | None = None  # another station's secret file, renamed, not deleted


# --- making a backup --------------------------------------------------------------------------------

def backup_to(st: Station, actor: Actor, dest_dir: Path, progress: Progress | None = None, *,
              reason: str = "manual") -> BackupInfo:
    """Back up the open station into a new folder inside ``dest_dir``, then verify the copy."""
    require(actor, Permission.BACKUP)
    created_at = st.clock.now()
    raw = st.engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        folder = _write_backup(source, st.data.attachments, Path(dest_dir), PREFIX, created_at, reason,
                               progress or quiet())
    finally:
        raw.close()
    info = verify_backup(folder, just_written=True)
    with st.begin(actor) as s:
        audit.record_event(s, "backup", f"备份到 {folder}（{_REASONS.get(reason, reason)}）")
    _remember(st.data, info)
    return info


_REASONS = {"manual": "手动备份", "auto": "自动备份", "before-restore": "恢复前自动保存"}


def auto_backup(st: Station, reason: str = "auto") -> BackupInfo:
    """A backup into the data folder's ``backups/``, keeping the last N and one per month."""
    info = backup_to(st, SYSTEM, st.data.backups, reason=reason)
    rotate(st.data.backups, int(settings.get(st, settings.BACKUP_KEEP)))
    return info


def rotate(folder: Path, keep_last: int) -> list[Path]:
    """Delete old ``sgz-backup-*`` folders but the newest ``keep_last`` and the newest of each month."""
    backups = [b for b in list_backups(folder) if b.path.name.startswith(PREFIX)]
    keep = {b.path for b in backups[:keep_last]}
    months: set[tuple[int, int]] = set()
    for b in backups:  # newest first, so the first seen of a month is its newest
        month = (b.created_at.year, b.created_at.month)
        if month not in months:
            months.add(month)
            keep.add(b.path)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def _write_backup(source: sqlite3.Connection, attachments: Path, dest_dir: Path, prefix: str,
                  created_at: dt.datetime, reason: str, progress: Progress) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    final = _free_name(dest_dir, f"{prefix}{created_at:%Y%m%d-%H%M%S}")
    tmp = dest_dir / f".{final.name}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        attachment_files = sorted(p for p in attachments.rglob("*") if p.is_file()) if attachments.is_dir() else []
        db_bytes = _database_bytes(source)
        total = db_bytes + sum(p.stat().st_size for p in attachment_files)
        earlier = _linkable(dest_dir)
        _refuse_without_room(dest_dir, db_bytes, attachments, attachment_files, earlier)
        progress.report(0, total, "正在备份数据库…")
        counts, revision, station = _copy_database(source, tmp / DATABASE, db_bytes, total, progress)
        files = [_file_entry(tmp / DATABASE, DATABASE)]
        done = db_bytes
        for src in attachment_files:
            rel = Path(ATTACHMENTS) / src.relative_to(attachments)
            progress.report(done, total, f"正在复制附件 {rel.as_posix()}…")
            entry = _link_file(earlier, src, tmp / rel, rel.as_posix())
            files.append(entry if entry is not None else _copy_file(src, tmp / rel, rel.as_posix()))
            done += src.stat().st_size
        manifest = {
            "format": FORMAT, "app_version": __version__, "schema_revision": revision,
            "station_name": station[0], "station_uuid": station[1], "created_at": created_at.isoformat(),
            "reason": reason, "files": files, "row_counts": counts,
        }
        _write_json(tmp / MANIFEST, manifest)
        _fsync_dir(tmp)
        os.replace(tmp, final)  # complete or absent: a half-written backup never carries the final name
        _fsync_dir(dest_dir)
        progress.report(total, total, "备份完成，正在校验…")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _refuse_without_room(dest_dir: Path, db_bytes: int, attachments: Path, attachment_files: list[Path],
                         earlier: _Earlier | None) -> None:
    """Said before copying, not a gigabyte later when the USB drive fills up. The least the backup needs: the
    database, and the attachments an earlier backup in the folder cannot lend by a hard link (a drive without
    hard links needs them all, and still fails cleanly, in words, if it fills up)."""
    try:
        free = shutil.disk_usage(dest_dir).free
    except OSError:
        return
    need = db_bytes + 1024 * 1024  # and the manifest
    for src in attachment_files:
        rel = (Path(ATTACHMENTS) / src.relative_to(attachments)).as_posix()
        size = src.stat().st_size
        if _earlier_entry(earlier, rel, src, size) is None:
            need += size
    if free < need:
        short = f"{dest_dir} 所在的磁盘只剩 {human_size(free)} 可用，这次备份至少需要 {human_size(need)}"
        raise ValidationError(Problem("备份位置", short + "；请换一个空间更大的U盘，或先腾出空间"))


def _free_name(dest_dir: Path, name: str) -> Path:
    candidate, n = dest_dir / name, 2
    while candidate.exists():
        candidate, n = dest_dir / f"{name}-{n}", n + 1
    return candidate


def _database_bytes(conn: sqlite3.Connection) -> int:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    return int(pages) * int(size)


def _copy_database(source: sqlite3.Connection, dest: Path, db_bytes: int, total: int,
                   progress: Progress) -> tuple[dict[str, int], str, tuple[str, str]]:
    target = sqlite3.connect(dest)
    try:
        def step(_status: int, remaining: int, pages: int) -> None:
            # Raises Cancelled when asked to, which aborts the copy.
            progress.report(int(db_bytes * (pages - remaining) / max(pages, 1)), total, "正在备份数据库…")

        try:
            source.backup(target, pages=1024, progress=step)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:  # the target drive, not the PC's
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest)) from exc
            raise
        # The copy must stand alone: no -wal beside it, so a single file carries everything.
        target.execute("PRAGMA journal_mode=DELETE")
        counts = _row_counts(target)
        revision = _revision(target)
        station = _station(target)
        target.commit()
    finally:
        target.close()
    return counts, revision, station


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: int(conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0]) for n in names}


def _revision(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return ""
    return str(row[0]) if row else ""


def _station(conn: sqlite3.Connection) -> tuple[str, str]:
    try:
        row = conn.execute("SELECT name, station_uuid FROM station ORDER BY id LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return "", ""
    return (str(row[0]), str(row[1])) if row else ("", "")


def _file_entry(path: Path, rel: str) -> dict[str, Any]:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
        os.fsync(fh.fileno())
    return {"path": rel, "bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def _copy_file(src: Path, dest: Path, rel: str) -> dict[str, Any]:
    """Copy, hashing what was read, and flush to disk: a USB stick pulled early must not pass as good."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(src, "rb") as fin:
        digest, size = copy_durably(fin, dest)
    shutil.copystat(src, dest)
    return {"path": rel, "bytes": size, "sha256": digest}


@dataclass(frozen=True)
class _Earlier:
    """The newest earlier backup in the destination folder, whose attachments a new one may link to."""

    folder: Path
    entries: dict[str, dict[str, Any]]  # manifest entries by path


def _linkable(dest_dir: Path) -> _Earlier | None:
    for info in list_backups(dest_dir):  # newest first
        with contextlib.suppress(IntegrityFailure, OSError):
            manifest = _read_manifest(info.path)
            return _Earlier(info.path, {str(f["path"]): f for f in manifest.get("files", []) if "path" in f})
    return None


def _earlier_entry(earlier: _Earlier | None, rel: str, src: Path, size: int) -> dict[str, Any] | None:
    """The earlier backup's entry for ``rel`` when it holds the same stored attachment: the same size, stored
    under the same name (the SHA-256 it was added with)."""
    if earlier is None or not rel.startswith(f"{ATTACHMENTS}/sha256/"):
        return None
    entry = earlier.entries.get(rel)
    if entry is None or int(entry.get("bytes", -1)) != size or entry.get("sha256") != src.stem:
        return None
    return entry


def _link_file(earlier: _Earlier | None, src: Path, dest: Path, rel: str) -> dict[str, Any] | None:
    """Hard-link ``rel`` from the earlier backup when it holds the same stored attachment, intact by size
    and by the name it is stored under (the SHA-256 it was added with); None to copy instead."""
    size = src.stat().st_size
    entry = _earlier_entry(earlier, rel, src, size)
    if earlier is None or entry is None:
        return None
    old = earlier.folder / rel
    try:
        if old.stat().st_size != size:
            return None
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.link(old, dest)
    except OSError:  # no hard links on this drive (FAT32/exFAT), or the earlier file is gone
        return None
    return {"path": rel, "bytes": size, "sha256": entry["sha256"], "linked": True}


def _write_json(path: Path, value: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        # No indent: that switches json to its pure-Python encoder, slow on thousands of file entries.
        fh.write(json.dumps(value, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":
        return  # directories cannot be opened for fsync on Windows; NTFS journals the rename
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- reading and verifying ---------------------------------------------------------------------------

def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        stat = path.stat()
    except OSError:
        stat = None
    if stat is not None:
        # Listing, rotating and linking each read every backup's manifest: parse each once (thousands of
        # entries each), again only if it changed. A copy, so no caller can alter the cached one.
        return dict(_parsed_manifest(folder, stat.st_mtime_ns, stat.st_size))
    if not path.is_file():
        inside = list_backups(folder) if folder.is_dir() else []
        hint = (f"这个文件夹里有 {len(inside)} 份备份，最新的是 {inside[0].path.name}，请选择那一个文件夹。" if inside
                else f"请选择名为 {PREFIX}… 的文件夹。")
        raise IntegrityFailure(f"{folder} 不是社工站备份文件夹（缺少 {MANIFEST}）。{hint}")
    return _parse_manifest(folder)


@lru_cache(maxsize=64)
def _parsed_manifest(folder: Path, _mtime_ns: int, _size: int) -> dict[str, Any]:
    return _parse_manifest(folder)


def _parse_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError
        dt.datetime.fromisoformat(manifest["created_at"])
        return manifest
    except (ValueError, KeyError, TypeError, OSError):
        raise IntegrityFailure(f"备份 {folder} 的清单文件 {MANIFEST} 已损坏或格式不对。") from None


def _info(folder: Path, manifest: dict[str, Any], verified: bool) -> BackupInfo:
    files = manifest.get("files", [])
    return BackupInfo(
        path=folder, created_at=dt.datetime.fromisoformat(manifest["created_at"]),
        station_name=str(manifest.get("station_name", "")), schema_revision=str(manifest.get("schema_revision", "")),
        bytes=sum(int(f.get("bytes", 0)) for f in files), file_count=len(files),
        row_counts={str(k): int(v) for k, v in manifest.get("row_counts", {}).items()}, verified=verified,
        station_uuid=str(manifest.get("station_uuid", "")), reason=str(manifest.get("reason", "")),
        app_version=str(manifest.get("app_version", "")))


def verify_backup(path: Path, progress: Progress | None = None, *, just_written: bool = False) -> BackupInfo:
    """Check every file's size and SHA-256, then the database itself; raise IntegrityFailure saying what.

    ``just_written`` (the check right after making the backup): files hard-linked from the earlier
    backup were checked when that one was made and have not been copied now, so only their size is
    checked; and the database, a page-for-page copy of the open one, gets SQLite's ``quick_check``
    (structure and pages, 0.2 s on a 140 MB station) rather than the full ``integrity_check`` (which also
    re-checks every index against its table, 1.2 s) that a backup chosen for a restore gets."""
    folder = Path(path)
    progress = progress or quiet()
    _inside.cache_clear()  # where a folder really leads is asked afresh for each backup checked
    manifest = _read_manifest(folder)
    files = manifest.get("files", [])
    if not any(f.get("path") == DATABASE for f in files):
        raise IntegrityFailure(f"备份 {folder} 的清单中没有数据库文件 {DATABASE}。")
    total = sum(int(f["bytes"]) for f in files)
    done = 0
    for entry in files:
        progress.report(done, total, f"正在校验 {entry['path']}…")
        _check_file(folder, entry, size_only=just_written and bool(entry.get("linked")))
        done += int(entry["bytes"])
    with _open_read_only(folder / DATABASE) as conn:
        check = "quick_check" if just_written else "integrity_check"
        problems = [str(r[0]) for r in conn.execute(f"PRAGMA {check}")]
        if problems != ["ok"]:
            raise IntegrityFailure(f"备份 {folder} 中的数据库未通过完整性检查：{problems[0]}。")
        counts = _row_counts(conn)
        revision = _revision(conn)
    expected = {str(k): int(v) for k, v in manifest.get("row_counts", {}).items()}
    if counts != expected:
        diff = sorted(t for t in set(counts) | set(expected) if counts.get(t) != expected.get(t))
        raise IntegrityFailure(f"备份 {folder} 中表 {'、'.join(diff)} 的记录数与清单不符。")
    if revision != manifest.get("schema_revision"):
        raise IntegrityFailure(f"备份 {folder} 中数据库的结构版本与清单不符。")
    progress.report(total, total, "校验完成")
    return _info(folder, manifest, verified=True)


def _check_file(folder: Path, entry: dict[str, Any], *, size_only: bool = False) -> None:
    rel = str(entry["path"])
    parts = Path(rel).parts
    target = folder / rel
    # Inside the backup, by the words of the path and by where its folder really is (a link must not lead
    # out); folders are few and resolved once each, files are many.
    if Path(rel).is_absolute() or ".." in parts or not _inside(folder, target.parent) or target.is_symlink():
        raise IntegrityFailure(f"备份清单中的路径 {rel} 不合法。")
    if not target.is_file():
        raise IntegrityFailure(f"备份 {folder} 缺少文件 {rel}。")
    if target.stat().st_size != int(entry["bytes"]):
        raise IntegrityFailure(f"备份 {folder} 中的文件 {rel} 大小不对，可能没有复制完整。")
    if size_only:
        return
    digest = hashlib.sha256()
    with open(target, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != entry["sha256"]:
        raise IntegrityFailure(f"备份 {folder} 中的文件 {rel} 内容已改变（校验值不符），这份备份不可靠。")


@lru_cache(maxsize=4096)
def _inside(folder: Path, sub: Path) -> bool:
    return sub.resolve().is_relative_to(folder.resolve())


@contextlib.contextmanager
def _open_read_only(db: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        yield conn
    except sqlite3.DatabaseError as exc:
        raise IntegrityFailure(f"备份中的数据库 {db} 无法读取：{exc}。") from None
    finally:
        conn.close()


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups directly inside ``folder`` (manifest read, not verified), newest first."""
    folder = Path(folder)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for child in folder.iterdir():
        if child.is_dir() and not child.name.startswith(".") and (child / MANIFEST).is_file():
            with contextlib.suppress(IntegrityFailure):
                found.append(_info(child, _read_manifest(child), verified=False))
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


# --- history: remembers backups made to USB drives that are not plugged in now ----------------------

def _history_path(data: DataDir) -> Path:
    return data.root / HISTORY_FILE


def _remember(data: DataDir, info: BackupInfo) -> None:
    entries = _history(data)
    entries.append({"path": str(info.path), "created_at": info.created_at.isoformat(),
                    "station_name": info.station_name, "schema_revision": info.schema_revision,
                    "bytes": info.bytes, "file_count": info.file_count, "verified": info.verified,
                    "reason": info.reason})
    _write_json(_history_path(data), entries[-50:])


def _history(data: DataDir) -> list[dict[str, Any]]:
    try:
        entries = json.loads(_history_path(data).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def last_backup(data: DataDir) -> BackupInfo | None:
    candidates = [b for b in list_backups(data.backups) if b.path.name.startswith(PREFIX)]
    for e in _history(data):
        with contextlib.suppress(KeyError, ValueError, TypeError):
            candidates.append(BackupInfo(
                path=Path(e["path"]), created_at=dt.datetime.fromisoformat(e["created_at"]),
                station_name=str(e.get("station_name", "")), schema_revision=str(e.get("schema_revision", "")),
                bytes=int(e.get("bytes", 0)), file_count=int(e.get("file_count", 0)), row_counts={},
                verified=bool(e.get("verified")), reason=str(e.get("reason", ""))))
    return max(candidates, key=lambda b: b.created_at, default=None)


# --- restore -----------------------------------------------------------------------------------------

def restore_from(data: DataDir, source: Path, clock: Clock, progress: Progress | None = None) -> RestoreResult:
    """Replace the station's data with a backup. The station must be closed (the caller holds its lock).

    The backup is verified first and the current data is saved as a backup before anything changes.
    """
    progress = progress or quiet()
    info = verify_backup(Path(source), progress)
    if info.schema_revision not in migrate.known_revisions():
        raise SchemaTooNew(f"这份备份由更新版本的社工站程序创建（结构版本 {info.schema_revision}），"
                           "请先安装最新版本再恢复。")
    data.ensure()
    previous: Path | None = None
    old_uuid = ""
    if data.database.exists():
        previous, old_uuid = _save_current(data, clock, progress)
    progress.report(0, 1, "正在恢复数据库…")
    staged_db, staged_files = _stage(data, Path(source))
    # Only renames from here on: a full disk or a pulled-out drive has already been met while staging. The
    # attachments go first: on Windows a scan open in a viewer stops their folder's rename, and then the
    # database must not have been replaced yet.
    try:
        old_files = _swap_attachments(data, staged_files, clock)
    except BaseException:
        staged_db.unlink(missing_ok=True)
        shutil.rmtree(staged_files, ignore_errors=True)
        raise
    try:
        _replace_database(data, staged_db)
    except BaseException:
        staged_db.unlink(missing_ok=True)
        _swap_back(data, old_files)
        raise
    if old_files is not None:
        shutil.rmtree(old_files, ignore_errors=True)  # its files are in the before-restore backup
    set_aside = None
    if old_uuid and old_uuid != info.station_uuid and data.secret_file.exists():
        # That file holds the replaced station's secret; keep it beside the data, never overwrite it.
        set_aside = data.root / f"station-secret-{old_uuid}.key"
        os.replace(data.secret_file, set_aside)
    _record_restore(data, info, previous, clock)
    progress.report(1, 1, "恢复完成")
    return RestoreResult(restored=info, previous=previous, set_aside_secret_file=set_aside)


def _save_current(data: DataDir, clock: Clock, progress: Progress) -> tuple[Path, str]:
    conn = sqlite3.connect(data.database)
    try:
        old_uuid = _station(conn)[1]
        folder = _write_backup(conn, data.attachments, data.backups, BEFORE_RESTORE, clock.now(),
                               "before-restore", progress)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    verify_backup(folder)
    return folder, old_uuid


def _stage(data: DataDir, source: Path) -> tuple[Path, Path]:
    """Copy the backup's database and attachments beside the data before anything is replaced, so that a
    copy failing part-way leaves the station as it was, not a new database over the old attachments."""
    db = data.root / (DATABASE + ".restoring")
    files = data.root / (ATTACHMENTS + ".restoring")
    try:
        db.unlink(missing_ok=True)  # these two: left by a restore that was killed
        shutil.rmtree(files, ignore_errors=True)
        files.mkdir()
        for entry in _read_manifest(source)["files"]:
            rel = Path(entry["path"])
            if rel.as_posix() == DATABASE:
                dest = db
            elif rel.parts[0] == ATTACHMENTS:
                dest = files / Path(*rel.parts[1:])
            else:
                continue
            # what is copied is what was verified: a drive that reads back differently now is caught here
            if _copy_file(source / rel, dest, str(rel))["sha256"] != entry["sha256"]:
                raise IntegrityFailure(f"备份中的 {rel.as_posix()} 复制时读出的内容与备份清单不符（U盘可能有故障），"
                                       "没有恢复任何数据")
    except BaseException:
        db.unlink(missing_ok=True)
        shutil.rmtree(files, ignore_errors=True)
        raise
    return db, files


def _replace_database(data: DataDir, staged: Path) -> None:
    # A -wal left beside the new file would be replayed into it: remove it first.
    for suffix in ("-wal", "-shm", "-journal"):
        data.database.with_name(data.database.name + suffix).unlink(missing_ok=True)
    os.replace(staged, data.database)
    _fsync_dir(data.root)


def _swap_attachments(data: DataDir, incoming: Path, clock: Clock) -> Path | None:
    """Put the staged attachments in place; returns where the current ones were set aside (None: there were
    none). Raises with the current ones back in place."""
    old: Path | None = None
    if data.attachments.exists():
        old = data.root / f"{ATTACHMENTS}.replaced-{clock.now():%Y%m%d-%H%M%S}"
        os.replace(data.attachments, old)
    try:
        os.replace(incoming, data.attachments)
    except BaseException:
        _swap_back(data, old)
        raise
    return old


def _swap_back(data: DataDir, old: Path | None) -> None:
    """Undo ``_swap_attachments``: the staged folder goes, the set-aside one comes back."""
    staged = data.root / (ATTACHMENTS + ".restoring")
    if data.attachments.exists():  # the staged ones, when they had been put in place
        os.replace(data.attachments, staged)
    if old is not None:
        os.replace(old, data.attachments)
    shutil.rmtree(staged, ignore_errors=True)


def _record_restore(data: DataDir, info: BackupInfo, previous: Path | None, clock: Clock) -> None:
    summary = f"从备份 {info.path}（{info.created_at:%Y-%m-%d %H:%M}）恢复数据"
    if previous is not None:
        summary += f"，原数据已另存到 {previous}"
    conn = sqlite3.connect(data.database)
    try:
        with conn:
            conn.execute(
                "INSERT INTO audit_log (at, user_id, username, action, table_name, record_id, summary, "
                "before_json, after_json) VALUES (?, NULL, ?, 'restore', '', '', ?, '', '')",
                (clock.now().strftime("%Y-%m-%d %H:%M:%S.%f"), SYSTEM.username, summary))
    finally:
        conn.close()
