"""One GUI per data folder, enforced by an OS lock that dies with the process (no stale lock files)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from .errors import DataDirLocked


class DataDirLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = try_hold(self.path)
        if fh is None:
            raise DataDirLocked(
                f"数据目录 {self.path.parent} 已被另一个正在运行的社工站程序打开。"
                "请先关闭那个窗口（或等待它退出）后再试。"
            )
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            let_go(self._fh)
            self._fh = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def try_hold(path: Path) -> IO[str] | None:
    """Open ``path`` (made if missing) and lock it; None while another live process holds it. The OS lets
    go of the lock when the holder dies, however it dies."""
    fh = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until let_go
    try:
        _lock(fh)
    except OSError:
        fh.close()
        return None
    return fh


def let_go(fh: IO[str]) -> None:
    _unlock(fh)
    fh.close()


if sys.platform == "win32":
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
