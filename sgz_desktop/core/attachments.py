"""The attachment store: files kept beside the database under their SHA-256 (content-addressed).

A file is hashed while it is copied to a temporary name, flushed to the disk (``durable``), then
renamed, so the store never holds half a file and the same file added twice is stored once. Its format
is taken from its content, not its name; executables, scripts and password-protected PDFs are refused
with a clear message.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from .durable import copy_durably
from .errors import IntegrityFailure, NotFound, Problem, ValidationError
from .paths import DataDir
from .station import Station

CHUNK = 1024 * 1024
MAX_BYTES = 500 * 1024 * 1024
INGEST_THREADS = 8  # overlap the waits for the disk; more gave nothing on a 2-core PC
FORMATS = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png", "tiff": ".tif"}
FORMAT_LABELS = {"pdf": "PDF", "jpeg": "JPEG 图像", "png": "PNG 图像", "tiff": "TIFF 图像"}


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    format: str  # pdf | jpeg | png | tiff
    pages: int | None  # PDFs only
    original_name: str


def detect_format(head: bytes) -> str | None:
    """The format by its signature (the first bytes), or None when it is not an allowed one."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return None


def refusal_reason(head: bytes) -> str:
    """Why a file of unknown format is refused, in words an office worker understands."""
    if head.startswith(b"MZ"):
        return "这是 Windows 可执行程序（.exe/.dll），不能作为附件"
    if head.startswith(b"\x7fELF") or head.startswith(b"\xcf\xfa\xed\xfe") or head.startswith(b"\xca\xfe\xba\xbe"):
        return "这是可执行程序，不能作为附件"
    if head.startswith(b"#!"):
        return "这是脚本文件，不能作为附件"
    if head.startswith(b"PK\x03\x04"):
        return "这是压缩包或 Office 文档；请先另存为 PDF 再添加"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "这是旧版 Office 文档；请先另存为 PDF 再添加"
    return "只能添加 PDF 文件或 JPEG/PNG/TIFF 扫描图像"


def pdf_pages(path: Path) -> int:
    """Page count; refuses encrypted (password-protected) and unreadable PDFs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ValidationError(Problem("文件", "PDF 设有密码保护，归档文件必须能直接打开；请去掉密码后再添加"))
        pages = len(reader.pages)
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise ValidationError(Problem("文件", f"PDF 文件已损坏，无法读取（{exc}）")) from None
    if pages < 1:
        raise ValidationError(Problem("文件", "PDF 文件没有页面"))
    return pages


class AttachmentStore(Protocol):
    def ingest(self, source: Path) -> StoredFile: ...

    def path_of(self, sha256: str) -> Path: ...

    def exists(self, sha256: str) -> bool: ...

    def verify(self, sha256: str) -> bool: ...


class FileAttachmentStore:
    """``<data>/attachments/sha256/ab/abcdef….pdf``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _folder(self, sha256: str) -> Path:
        return self.root / "sha256" / sha256[:2]

    def path_of(self, sha256: str) -> Path:
        folder = self._folder(sha256)
        for ext in FORMATS.values():
            candidate = folder / f"{sha256}{ext}"
            if candidate.exists():
                return candidate
        raise NotFound(f"附件 {sha256[:12]}… 不在附件库中（文件丢失）。")

    def path_for(self, sha256: str, fmt: str) -> Path:
        """Where a file of known format is kept (no look-up: the caller checks it exists, or opens it)."""
        return self._folder(sha256) / f"{sha256}{FORMATS[fmt]}"

    def exists(self, sha256: str) -> bool:
        try:
            self.path_of(sha256)
        except NotFound:
            return False
        return True

    def ingest(self, source: Path) -> StoredFile:
        outcome = self.ingest_many([source], threads=1)[0]
        if isinstance(outcome, ValidationError):
            raise outcome
        return outcome

    def ingest_many(self, sources: Sequence[Path], threads: int = INGEST_THREADS) -> list[StoredFile | ValidationError]:
        """Several files at once, in the order given, each a ``StoredFile`` or the reason it was refused.

        In stages, each over all files: copy (hashing) to temporary names; flush them to the disk; rename
        them to their hashes; flush the folders. Waiting for the disk is most of an ingest, and one flush
        after all copies commits them together where one per copy would wait for each in turn. A file gets
        its final name only once its bytes are on the disk, so a crash leaves at most temporary files,
        which ``sweep_incoming`` removes."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.sweep_incoming()

        def stage(path: Path) -> _Staged | ValidationError:
            try:
                return self._stage(Path(path))
            except ValidationError as err:
                return err

        staged: list[_Staged | ValidationError] = []
        try:
            with ThreadPoolExecutor(max_workers=max(1, min(threads, len(sources)))) as pool:
                staged = list(pool.map(stage, sources))
                ready = [s for s in staged if isinstance(s, _Staged)]
                list(pool.map(_fsync_path, [s.tmp for s in ready]))
                folders = {folder for s in ready if (folder := self._place(s)) is not None}
                list(pool.map(_fsync_folder, folders))
        finally:
            for s in staged:
                if isinstance(s, _Staged):
                    s.tmp.unlink(missing_ok=True)
        return [s if isinstance(s, ValidationError) else s.stored for s in staged]

    def _stage(self, source: Path) -> _Staged:
        """Check one file and copy it, hashing, to a temporary name in the store (not yet flushed)."""
        name = source.name
        if not source.is_file():
            raise ValidationError(Problem("文件", f"找不到文件 {source}"))
        if source.is_symlink():
            raise ValidationError(Problem("文件", f"{name} 是快捷方式/链接，请选择文件本身"))
        size = source.stat().st_size
        if size == 0:
            raise ValidationError(Problem("文件", f"{name} 是空文件"))
        if size > MAX_BYTES:
            raise ValidationError(Problem("文件", f"{name} 超过 {MAX_BYTES // 1024 // 1024} MB，请拆分或压缩后再添加"))
        with source.open("rb") as src:
            head = src.read(16)
            fmt = detect_format(head)
            if fmt is None:
                raise ValidationError(Problem("文件", f"{name}：{refusal_reason(head)}"))
            src.seek(0)
            tmp = self.root / f".incoming-{uuid.uuid4().hex}.part"
            try:
                digest, written = copy_durably(src, tmp, sync=False)
                pages = pdf_pages(tmp) if fmt == "pdf" else None
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        return _Staged(tmp, StoredFile(digest, written, fmt, pages, name))

    def _place(self, staged: _Staged) -> Path | None:
        """Rename a flushed temporary file to its hash; returns the folder to flush (None: already held)."""
        f = staged.stored
        final = self._folder(f.sha256) / f"{f.sha256}{FORMATS[f.format]}"
        if final.exists():
            return None
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.tmp, final)
        return final.parent

    def sweep_incoming(self, older_than_s: float = 3600) -> int:
        """Remove temp files a killed ingest left behind (never a stored file: those are hash-named)."""
        removed = 0
        cutoff = time.time() - older_than_s
        for stale in self.root.glob(".incoming-*.part"):
            with contextlib.suppress(OSError):
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
                    removed += 1
        return removed

    def verify(self, sha256: str) -> bool:
        """Re-hash the stored file; False when it is missing or changed."""
        try:
            path = self.path_of(sha256)
        except NotFound:
            return False
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256

    def open(self, sha256: str) -> IO[bytes]:
        return self.path_of(sha256).open("rb")

    def require_intact(self, sha256: str) -> Path:
        if not self.verify(sha256):
            raise IntegrityFailure(f"附件 {sha256[:12]}… 丢失或已被改动。")
        return self.path_of(sha256)


@dataclass(frozen=True)
class _Staged:
    tmp: Path
    stored: StoredFile


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only handles open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def attachment_store(where: Station | DataDir) -> FileAttachmentStore:
    data = where.data if isinstance(where, Station) else where
    return FileAttachmentStore(data.attachments)
