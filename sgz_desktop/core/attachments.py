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
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from .durable import copy_durably
from .errors import IntegrityFailure, NotFound, Problem, ValidationError
from .paths import DataDir
from .station import Station

CHUNK = 1024 * 1024
MAX_BYTES = 500 * 1024 * 1024
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

    def exists(self, sha256: str) -> bool:
        try:
            self.path_of(sha256)
        except NotFound:
            return False
        return True

    def ingest(self, source: Path) -> StoredFile:
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
        with source.open("rb") as fh:
            head = fh.read(16)
        fmt = detect_format(head)
        if fmt is None:
            raise ValidationError(Problem("文件", f"{name}：{refusal_reason(head)}"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.sweep_incoming()
        tmp = self.root / f".incoming-{uuid.uuid4().hex}.part"
        try:
            digest, written = _copy_hashing(source, tmp)
            pages = pdf_pages(tmp) if fmt == "pdf" else None
            final = self._folder(digest) / f"{digest}{FORMATS[fmt]}"
            if final.exists():
                tmp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                _fsync_folder(final.parent)
        finally:
            tmp.unlink(missing_ok=True)
        return StoredFile(digest, written, fmt, pages, name)

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


def _copy_hashing(source: Path, tmp: Path) -> tuple[str, int]:
    with source.open("rb") as src:
        return copy_durably(src, tmp)


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
