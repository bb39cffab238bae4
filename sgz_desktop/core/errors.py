"""Errors the core raises. Every message is meant for the station's staff, in Chinese."""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass


class SgzError(Exception):
    """Base of every error the user may see; ``str(err)`` is a complete sentence for them."""


class NotFound(SgzError):
    pass


class PermissionDenied(SgzError):
    pass


class LoginFailed(SgzError):
    pass


class AccountLocked(LoginFailed):
    pass


class DataDirLocked(SgzError):
    pass


class SecretUnavailable(SgzError):
    """No usable OS keyring, or the station secret is missing from it."""


class SchemaTooNew(SgzError):
    pass


class IntegrityFailure(SgzError):
    pass


@dataclass(frozen=True)
class Problem:
    """One bad value: where it is and why it is refused."""

    field: str
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"第 {self.row} 行，" if self.row is not None else ""
        return f"{where}「{self.field}」：{self.reason}"


class ValidationError(SgzError):
    """One or more bad values; nothing was written."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("；".join(str(p) for p in self.problems))


# Besides its own error types, what a parser of an untrusted file (pypdf) raises on a damaged one: caught
# and turned into a message, never shown as an unexpected error.
PARSE_FAULTS: tuple[type[Exception], ...] = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                                             RecursionError, AssertionError)


# Windows reports some of these by its own numbers (``OSError.winerror``); errno alone would call a file held
# open by Excel, or a disk that is full, "permission denied".
_WIN_IN_USE = {32, 33}  # sharing / lock violation
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_GONE = {21, 433, 1167}  # not ready, no such device, device not connected


def os_error_text(exc: OSError) -> str:
    """A sentence for the station's staff about a file that could not be read or written: what happened in
    the words of an office (a full USB drive, one pulled out, a file open in Excel), never only the OS's."""
    name = f"文件 {exc.filename}" if exc.filename else "文件"
    before = f"{name} " if exc.filename else name  # a space between a path and the Chinese after it
    win = getattr(exc, "winerror", None)
    if win in _WIN_IN_USE:
        return f"{before}正被其他程序打开（例如 Excel 或 PDF 阅读器），请关闭它后重试。"
    if exc.errno == errno.ENOSPC or win in _WIN_FULL:
        return f"磁盘已满，{before}没有写完。请腾出空间或换一个空间更大的U盘后重试。"
    if exc.errno == errno.EROFS:
        return f"{before}所在的磁盘只能读不能写（U盘的写保护开关是否打开？），请换一个位置。"
    if exc.errno in (errno.EIO, errno.ENODEV, errno.ENXIO) or win in _WIN_GONE:
        return f"读写{before}时磁盘出错，U盘可能已被拔出。请插好后重试。"
    if exc.errno == errno.ENOENT:
        return f"找不到{name}。请检查路径是否正确、U盘是否插好。"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"没有读写{before}的权限。请换一个文件夹，或请电脑管理员开放权限。"
    return f"无法读写{name}（{exc.strerror or exc}）。请检查路径是否正确、U盘是否插好、是否有写入权限。"


def fault_text(exc: BaseException) -> str | None:
    """The sentence for a failure of the PC rather than of the program (a full disk, a pulled-out drive, a file
    held open by another program), or None for a real fault."""
    if isinstance(exc, OSError):
        return os_error_text(exc)
    orig = getattr(exc, "orig", exc)  # SQLAlchemy wraps the driver's error
    if isinstance(orig, sqlite3.OperationalError) and getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return "电脑的磁盘已满，刚才的操作没有保存。请腾出空间后重试。"
    return None
