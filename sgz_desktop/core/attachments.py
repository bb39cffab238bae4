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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from .durable import copy_durably
from .errors import PARSE_FAULTS, IntegrityFailure, NotFound, Problem, ValidationError
from .paths import DataDir
from .station import Station
from .threads import each_on_threads

CHUNK = 1024 * 1024
MAX_BYTES = 500 * 1024 * 1024
INGEST_THREADS = 8  # overlap the waits for the disk; more gave nothing on a 2-core PC
PROBE_ALONE = 16  # files probed on the calling thread before deciding whether threads would help
SLOW_PROBE_S = 0.0005  # a probe slower than this on average waits for the disk, not for Python
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
    from pypdf.errors import PyPdfError

    # pypdf's own errors (e.g. LimitReachedError for a cross-reference table of 10¹² entries) and the rest
    faults: tuple[type[Exception], ...] = (PyPdfError, *PARSE_FAULTS)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ValidationError(Problem("文件", "PDF 设有密码保护，归档文件必须能直接打开；请去掉密码后再添加"))
        pages = len(reader.pages)
    except faults as exc:
        why = str(exc) or type(exc).__name__
        raise ValidationError(Problem("文件", f"PDF 文件已损坏，无法读取（{why}）")) from None
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
        """Several files at once, in the order given, each a ``StoredFile`` or the reason it was refused."""
        return self.start_ingest(sources, threads).finish()

    def start_ingest(self, sources: Sequence[Path], threads: int = INGEST_THREADS, *,
                     all_or_nothing: bool = False) -> Ingest:
        """Check every file now (format, pages, size: ``Ingest.probes``) and copy them in on threads while
        the caller goes on — typically to write their records, committed only after ``finish()``.
        ``all_or_nothing``: when any file is refused, none is copied.

        The copies go in stages, each over all files: copy (hashing) to temporary names; flush them to
        the disk; rename them to their hashes; flush the folders. Waiting for the disk is most of an
        ingest, and one flush after all copies commits them together where one per copy would wait for
        each in turn. A file gets its final name only once its bytes are on the disk, so a crash leaves
        at most temporary files, which ``sweep_incoming`` removes."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.sweep_incoming()
        threads = max(1, min(threads, len(sources)))

        def probe(path: Path) -> Probe | ValidationError:
            try:
                return self.probe(Path(path))
            except ValidationError as err:
                return err

        # A file whose folder the system has in memory is probed in some 20 µs, less than handing it to a
        # thread costs; only when the first few were slow (a USB stick, a network folder) do the rest go
        # to threads, where the waits overlap.
        started = time.perf_counter()
        probes = [probe(path) for path in sources[:PROBE_ALONE]]
        slow = time.perf_counter() - started > SLOW_PROBE_S * len(probes)
        probes += each_on_threads(probe, sources[PROBE_ALONE:], threads if slow else 1, "ingest-probe")
        refused = any(isinstance(p, ValidationError) for p in probes)
        return Ingest(self, probes, threads, start=not (all_or_nothing and refused))

    def probe(self, source: Path) -> Probe:
        """What a file is, read from the file itself, or why it is refused (nothing is copied)."""
        name = source.name
        if not source.is_file():
            raise ValidationError(Problem("文件", f"找不到文件 {source}"))
        if source.is_symlink():
            raise ValidationError(Problem("文件", f"{name} 是快捷方式/链接，请选择文件本身"))
        stat = source.stat()
        if stat.st_size == 0:
            raise ValidationError(Problem("文件", f"{name} 是空文件"))
        if stat.st_size > MAX_BYTES:
            raise ValidationError(Problem("文件", f"{name} 超过 {MAX_BYTES // 1024 // 1024} MB，请拆分或压缩后再添加"))
        with source.open("rb") as src:
            head = src.read(16)
        fmt = detect_format(head)
        if fmt is None:
            raise ValidationError(Problem("文件", f"{name}：{refusal_reason(head)}"))
        pages = pdf_pages(source) if fmt == "pdf" else None
        return Probe(source, name, fmt, pages, stat.st_size, stat.st_mtime_ns)

    def _stage(self, probe: Probe) -> _Staged:
        """Copy one checked file, hashing, to a temporary name in the store (not yet flushed)."""
        tmp = self.root / f".incoming-{uuid.uuid4().hex}.part"
        try:
            with probe.path.open("rb") as src:
                digest, written = copy_durably(src, tmp, sync=False)
            if written != probe.size or probe.path.stat().st_mtime_ns != probe.mtime_ns:
                raise ValidationError(Problem("文件", f"{probe.name} 在添加过程中被改动，请等它保存完再添加"))
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return _Staged(tmp, StoredFile(digest, written, probe.format, probe.pages, probe.name))

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


@dataclass(frozen=True)
class Probe:
    """A file checked before it is copied: its format and pages are what its record will say."""

    path: Path
    name: str
    format: str
    pages: int | None
    size: int
    mtime_ns: int


class Ingest:
    """Files being copied into the store on threads (``FileAttachmentStore.start_ingest``)."""

    def __init__(self, store: FileAttachmentStore, probes: list[Probe | ValidationError], threads: int, *,
                 start: bool = True) -> None:
        self.probes = probes
        self._threads = threads
        self._cancelled = not start  # a refused file in an all-or-nothing batch: copy none
        self._hashed: Future[list[StoredFile | ValidationError]] = Future()
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        self._done = self._runner.submit(self._copy_all, store)

    def _copy_all(self, store: FileAttachmentStore) -> list[StoredFile | ValidationError]:
        try:
            return self._copy_stages(store)
        except BaseException as exc:
            if not self._hashed.done():
                self._hashed.set_exception(exc)
            raise

    def _copy_stages(self, store: FileAttachmentStore) -> list[StoredFile | ValidationError]:
        threads = self._threads
        made: list[Path] = []  # every temporary file copied, even when another copy fails (disk full)

        def stage(p: Probe | ValidationError) -> _Staged | ValidationError:
            if isinstance(p, ValidationError):
                return p
            if self._cancelled:
                return ValidationError(Problem("文件", f"{p.name} 未添加（已取消）"))
            try:
                staged = store._stage(p)
            except ValidationError as err:
                return err
            made.append(staged.tmp)
            return staged

        staged: list[_Staged | ValidationError] = []
        try:
            staged = each_on_threads(stage, self.probes, threads, "ingest-copy")
            self._hashed.set_result([s if isinstance(s, ValidationError) else s.stored for s in staged])
            ready = [s for s in staged if isinstance(s, _Staged)]
            each_on_threads(_fsync_path, [s.tmp for s in ready], threads, "ingest-flush")
            folders = {folder for s in ready if (folder := store._place(s)) is not None}
            each_on_threads(_fsync_folder, sorted(folders), threads, "ingest-flush")
        finally:
            for tmp in made:  # those placed are gone already: renamed to their hashes
                tmp.unlink(missing_ok=True)
        return [s if isinstance(s, ValidationError) else s.stored for s in staged]

    def cancel(self) -> None:
        """Copy no more files (those copied stay in the store, unreferenced, like any unused content)."""
        self._cancelled = True

    def hashed(self) -> list[StoredFile | ValidationError]:
        """Each file's hash, or why it was refused, as soon as all are copied, before they are flushed and
        given their names: the caller writes their records meanwhile and commits only after ``finish()``."""
        return self._hashed.result()

    def finish(self) -> list[StoredFile | ValidationError]:
        """Wait until every file is in the store and on the disk; in the order given."""
        try:
            return self._done.result()
        finally:
            self._runner.shutdown()


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
