"""New files written durably and fast: straight to the disk where the system allows it (``O_DIRECT``).

Why not ``write`` + ``fsync``: the archive store and the yearly package write hundreds of megabytes that
must be on the disk before we say so. Through the page cache, the kernel writes them back only when
``fsync`` asks, in small pieces; on the office PC's Linux VM we measured 2.6–3.2 s for a gigabyte that
way against 0.4–0.6 s written directly from an aligned buffer (``benchmarks/ARCHIVES.md``). Direct
writes also leave the page cache to the programs the user is running.

Direct I/O needs page-aligned memory and block-sized writes, so the bytes go through an aligned buffer
(an anonymous ``mmap``); the last, partial block is padded and the file cut back to its size before the
final ``fsync``. Where ``O_DIRECT`` is missing (Windows, macOS) or the filesystem refuses it (tmpfs, some
USB sticks), the same class writes through the cache and flushes at the end: slower, equally durable.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import mmap
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

ALIGN = 4096  # covers the logical block size of every disk we expect (512 or 4096 bytes)
BLOCK = 4 * 1024 * 1024
_DIRECT = getattr(os, "O_DIRECT", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: never translate line ends

# Aligned buffers are reused: the first touch of each fresh page costs a fault, ~0.3 s per gigabyte.
_pool: list[mmap.mmap] = []
_pool_lock = threading.Lock()
POOL_MAX = 16


def _take_buffer(size: int) -> mmap.mmap:
    with _pool_lock:
        for i, buf in enumerate(_pool):
            if len(buf) == size:
                return _pool.pop(i)
    return mmap.mmap(-1, size)


def _give_back(buf: mmap.mmap) -> None:
    with _pool_lock:
        if len(_pool) < POOL_MAX:
            _pool.append(buf)  # beyond that the garbage collector frees it (a caller may still hold a view)


class DurableFile:
    """A new file opened for writing; ``close()`` returns only when every byte is on the disk.

    ``background=True`` writes each full block on a helper thread while the caller fills the next one
    (two buffers), so the caller never waits for the disk except at ``close``."""

    def __init__(self, path: Path, *, block: int = BLOCK, exclusive: bool = False, background: bool = False) -> None:
        assert block % ALIGN == 0
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY | (os.O_EXCL if exclusive else 0)
        self.path = path
        self.direct = bool(_DIRECT)
        try:
            self._fd = os.open(path, flags | _DIRECT, 0o644)
        except OSError as exc:
            if not _DIRECT or exc.errno != errno.EINVAL:
                raise
            self._fd = os.open(path, flags, 0o644)
            self.direct = False
        self._bufs = [_take_buffer(block) for _ in range(2 if background else 1)]
        self._views = [memoryview(b) for b in self._bufs]
        self._current = 0
        self._view = self._views[0]
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="durable-write") if background else None
        self._inflight: Future[None] | None = None
        self._block = block
        self._fill = 0
        self.size = 0

    def __enter__(self) -> DurableFile:
        return self

    def __exit__(self, kind: object, *_rest: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def write(self, data: bytes | memoryview) -> int:
        src = memoryview(data).cast("B")
        done = 0
        while done < len(src):
            room = self._block - self._fill
            n = min(room, len(src) - done)
            self._view[self._fill:self._fill + n] = src[done:done + n]
            self._fill += n
            done += n
            if self._fill == self._block:
                self._flush_block()
        self.size += done
        return done

    def fill_from(self, src: BinaryIO) -> memoryview | None:
        """Read the next bytes of ``src`` straight into the buffer (no extra copy); returns them, or None
        at the end of ``src``. The view is valid until the next call."""
        if self._fill == self._block:
            self._flush_block()
        start = self._fill
        n = src.readinto(self._view[start:])  # type: ignore[attr-defined]
        if not n:
            return None
        self._fill += n
        self.size += n
        # A full buffer is written out on the next call, after the caller has hashed these bytes.
        return self._view[start:start + n]

    def close(self, *, sync: bool = True) -> None:
        """Write what is buffered, cut the padding, flush to disk (unless the caller flushes a whole batch
        later: ``sync=False``) and close."""
        try:
            self._wait()
            if self._fill:
                if self.direct:
                    padded = -(-self._fill // ALIGN) * ALIGN
                    self._view[self._fill:padded] = bytes(padded - self._fill)
                    self._write_all(self._view[:padded])
                    os.ftruncate(self._fd, self.size)
                else:
                    self._write_all(self._view[:self._fill])
                self._fill = 0
            if sync:
                os.fsync(self._fd)
        finally:
            self._release()

    def abort(self) -> None:
        """Close without flushing (the caller deletes the file)."""
        with contextlib.suppress(OSError):
            self._wait()
        self._release()

    def _wait(self) -> None:
        if self._inflight is not None:
            inflight, self._inflight = self._inflight, None
            inflight.result()

    def _release(self) -> None:
        if self._fd < 0:
            return
        if self._writer is not None:
            self._writer.shutdown()
        os.close(self._fd)
        self._fd = -1
        for view, buf in zip(self._views, self._bufs, strict=True):
            view.release()
            _give_back(buf)

    def _flush_block(self) -> None:
        if self._writer is None:
            self._write_all(self._view[:self._fill])
        else:
            self._wait()  # the other buffer is free again once its write is done
            self._inflight = self._writer.submit(self._write_all, self._view[:self._fill])
            self._current ^= 1
            self._view = self._views[self._current]
        self._fill = 0

    def _write_all(self, view: memoryview) -> None:
        done = 0
        while done < len(view):
            try:
                done += os.write(self._fd, view[done:])
            except OSError as exc:
                # Some filesystems accept O_DIRECT at open and refuse the write: fall back to the cache.
                if not (self.direct and exc.errno == errno.EINVAL and done == 0):
                    raise
                import fcntl  # only reached where O_DIRECT exists, i.e. not on Windows

                fcntl.fcntl(self._fd, fcntl.F_SETFL, fcntl.fcntl(self._fd, fcntl.F_GETFL) & ~_DIRECT)
                self.direct = False


def copy_durably(source: BinaryIO, target: Path, *, block: int = BLOCK, sync: bool = True) -> tuple[str, int]:
    """Copy ``source`` into the new file ``target`` while hashing it; returns (sha256 hex, size)."""
    digest = hashlib.sha256()
    out = DurableFile(target, block=block)
    try:
        while (chunk := out.fill_from(source)) is not None:
            digest.update(chunk)
    except BaseException:
        out.abort()
        raise
    out.close(sync=sync)
    return digest.hexdigest(), out.size


def write_small_file(path: Path, data: bytes) -> None:
    """A few bytes (a ``.sha256``, a key) written whole or not at all: under a temporary name, flushed to the
    disk, then renamed, so a crash leaves either the old file or the new one."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
