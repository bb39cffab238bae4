"""A file that cannot be read or written is told in the office's words: a full or pulled-out USB drive, a file
open in Excel, a write-protected drive; the OS's own words only when nothing better is known."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
import sqlalchemy.exc
from sqlalchemy import create_engine

from sgz_desktop.core.errors import fault_text, os_error_text


@pytest.mark.parametrize(("error", "words"), [
    (OSError(errno.ENOSPC, "No space left on device", "E:/移交/.Z109-2025-YJ01.zip.part"), "磁盘已满"),
    (OSError(errno.EROFS, "Read-only file system", "E:/x.zip"), "写保护"),
    (OSError(errno.EIO, "Input/output error", "E:/x.zip"), "U盘可能已被拔出"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "E:/x.zip"), "找不到文件 E:/x.zip"),
    (PermissionError(errno.EACCES, "Permission denied", "C:/Windows/x.zip"), "没有读写文件 C:/Windows/x.zip 的权限"),
    (OSError(errno.ENAMETOOLONG, "File name too long", "x" * 300), "File name too long"),
])
def test_each_everyday_failure_has_its_sentence(error: OSError, words: str) -> None:
    text = os_error_text(error)
    assert words in text and text.endswith("。")


def test_windows_numbers_come_before_errno() -> None:
    """Windows raises a file open in Excel as PermissionError (errno 13) with winerror 32; a full disk as
    winerror 112 with errno 28 only sometimes."""
    in_use = PermissionError(errno.EACCES, "The process cannot access the file", "D:/花名册.xlsx")
    in_use.winerror = 32  # type: ignore[attr-defined]
    assert "正被其他程序打开" in os_error_text(in_use) and "D:/花名册.xlsx" in os_error_text(in_use)
    full = OSError(errno.EINVAL, "There is not enough space on the disk")
    full.winerror = 112  # type: ignore[attr-defined]
    assert os_error_text(full).startswith("磁盘已满，文件没有写完")


def test_a_full_pc_disk_under_the_database_is_said_in_words(tmp_path: Path) -> None:
    """The station's own disk filling up: SQLite's error, as SQLAlchemy hands it on, becomes a sentence; any
    other database error stays a fault."""
    engine = create_engine(f"sqlite:///{tmp_path / 'full.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x BLOB)")
    with pytest.raises(sqlalchemy.exc.OperationalError) as caught, engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA max_page_count = 3")
        conn.exec_driver_sql("INSERT INTO t VALUES (zeroblob(100000))")
    assert fault_text(caught.value) == "电脑的磁盘已满，刚才的操作没有保存。请腾出空间后重试。"
    with pytest.raises(sqlalchemy.exc.OperationalError) as other, engine.begin() as conn:
        conn.exec_driver_sql("SELECT * FROM no_such_table")
    assert fault_text(other.value) is None and fault_text(ValueError("x")) is None
    engine.dispose()
