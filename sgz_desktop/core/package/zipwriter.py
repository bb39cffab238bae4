"""A streaming zip writer: each source file is read once, and while its bytes go into the zip they are
hashed twice on two helper threads — SHA-256 for the bag manifest and SHA-256 of the zip itself (the
``.sha256`` beside the package) — while the caller computes the CRC-32 and hands the bytes to the
output. hashlib releases the GIL, so the three run on different cores. The output is strictly
append-only, so the zip's own hash needs no second pass and no file is ever held whole in memory.

Streamed files therefore carry a data descriptor after their bytes (flag bit 3: the CRC is known only
at the end); a streamed file is stored, or deflated piece by piece when it is text (the catalogue of a
large year runs to tens of megabytes); small tags, already in memory, are deflated with complete
headers. Zip64 fields are written when an entry, an offset or the entry count needs them. Names are
UTF-8 (flag bit 11). A streamed file's SHA-256 is known only after ``settle()``: the manifest needs it
at the end, and waiting for it per file would idle one core at every file boundary.

Each member's central-directory record is packed as the member is written, so a package of tens of
thousands of members keeps about a hundred bytes for each instead of an object.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from ..errors import IntegrityFailure
from . import zipcodec
from .lanes import Lane
from .zipcodec import crc32

CHUNK = 4 * 1024 * 1024
ZIP64_LIMIT = (1 << 31) - 1  # like Python's zipfile: readers with signed 32-bit fields stay safe
ZIP_MAX_ENTRIES = 0xFFFF
STORED, DEFLATED = 0, 8
FLAG_DESCRIPTOR, FLAG_UTF8 = 0x0008, 0x0800
# "Made by Unix" with a plain file mode: Info-ZIP's unzip re-codes names of entries made on MS-DOS
# hosts from the OEM code page even when the UTF-8 flag is set, which garbles 档号 such as "WS·2024".
MADE_BY_UNIX = 3 << 8
FILE_MODE = 0o100644 << 16

_LOCAL = struct.Struct("<4s5H3I2H")
_CENTRAL = struct.Struct("<4s4H2H3I5H2I")
_EOCD = struct.Struct("<4s4H2IH")
_EOCD64 = struct.Struct("<4sQ2H2I4Q")
_EOCD64_LOCATOR = struct.Struct("<4sIQI")


class Sink(Protocol):
    """Where the zip goes: an open binary file, or a ``durable.DurableFile``."""

    def write(self, data: bytes | memoryview, /) -> int: ...


@dataclass(frozen=True)
class Entry:
    """One member as written: what the bag manifest and the central directory need."""

    name: str
    method: int
    crc: int
    compressed: int
    size: int
    sha256: str
    offset: int
    flags: int
    head: bytes  # the first bytes, for the exporter's own check (format by content)
    body: bytes | None = None  # a member given in memory: its bytes as they lie in the zip (deflated or not)


def _dos_time(when: dt.datetime) -> tuple[int, int]:
    year = min(max(when.year, 1980), 2107)
    date = (year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    return time, date


class ZipStreamWriter:
    """Write members one after another into ``out`` (a file opened for writing, positioned at 0). Names are
    the caller's to keep unique (the bag writer does: it holds every name for its manifests anyway)."""

    def __init__(self, out: Sink, when: dt.datetime) -> None:
        self._out = out
        self._time, self._date = _dos_time(when)
        self._pos = 0
        self._central = bytearray()
        self._count = 0
        self._zip_sha = hashlib.sha256()
        self._zip_lane = Lane("zip-sha", depth=2)
        self._file_lane = Lane("file-sha", depth=2)
        self._unsettled: list[tuple[str, hashlib._Hash]] = []
        self.closed = False

    @property
    def position(self) -> int:
        return self._pos

    def _write(self, data: bytes | memoryview) -> None:
        self._out.write(data)
        self._pos += len(data)
        self._zip_lane.feed(self._zip_sha.update, data)

    # --- members ---------------------------------------------------------------------------------

    def add_bytes(self, name: str, data: bytes, *, deflate: bool = True) -> Entry:
        """A member held in memory (tag files, metadata, generated registers)."""
        raw = name.encode("utf-8")
        crc = crc32(data)
        sha = hashlib.sha256(data).hexdigest()
        if deflate:
            body = zipcodec.deflate(data)
            method = DEFLATED
        else:
            body, method = data, STORED
        if len(data) > ZIP64_LIMIT or len(body) > ZIP64_LIMIT:
            raise ValueError("in-memory members must stay small")
        offset = self._pos
        self._write(_LOCAL.pack(b"PK\x03\x04", 20, FLAG_UTF8, method, self._time, self._date, crc, len(body),
                                len(data), len(raw), 0) + raw)
        self._write(body)
        entry = Entry(name, method, crc, len(body), len(data), sha, offset, FLAG_UTF8, data[:16], body)
        self._record(entry, raw)
        return entry

    def add_file(self, name: str, source: Path, *, on_bytes: Callable[[int], None] | None = None,
                 deflate: bool = False) -> Entry:
        """A file streamed, read once in large chunks: stored, or deflated piece by piece (``deflate``). The
        returned entry's ``sha256`` is empty until ``settle()``."""
        raw = name.encode("utf-8")
        with source.open("rb") as src:
            expected = _file_size(src)
            # Deflate can outgrow its input by a few bytes in a thousand: Zip64 a little early for it.
            zip64 = expected > (ZIP64_LIMIT - (expected >> 8) - 1024 if deflate else ZIP64_LIMIT)
            offset, start = self._open(raw, deflate, zip64)
            packer = zipcodec.deflater() if deflate else None
            sha = hashlib.sha256()
            crc = size = 0
            head = b""
            # Reads sized to what is left: a 4 MiB read of a 2 KB file allocates 4 MiB and gives most of it
            # back, and thousands of such allocations leave the heap in pieces the process cannot return.
            # Text to deflate is read a quarter as much at a time: deflating, not reading, sets its pace.
            step = CHUNK // 4 if deflate else CHUNK
            while size < expected and (chunk := src.read(min(step, expected - size))):
                if not size:
                    head = chunk[:16]
                self._file_lane.feed(sha.update, chunk)
                crc = crc32(chunk, crc)
                self._write(chunk if packer is None else packer.compress(chunk))
                size += len(chunk)
                if on_bytes is not None:
                    on_bytes(len(chunk))
            if packer is not None:
                self._write(packer.flush())
            if src.read(1):  # grown since it was measured: refused below
                size = max(_file_size(src), size + 1)
        if size != expected:
            raise IntegrityFailure(f"文件 {source} 在导出过程中被改动（大小由 {expected} 变为 {size} 字节）。")
        entry = self._close(name, raw, deflate, zip64, offset, start, crc, size, head, "")
        self._unsettled.append((name, sha))
        return entry

    def add_pieces(self, name: str, pieces: Iterable[bytes]) -> Entry:
        """A text made piece by piece (a manifest of tens of thousands of lines), deflated as it comes: never
        held whole. Hashed here, on the caller's thread: the entry's ``sha256`` is set."""
        raw = name.encode("utf-8")
        offset, start = self._open(raw, True, False)
        packer = zipcodec.deflater()
        sha = hashlib.sha256()
        crc = size = 0
        head = b""
        for piece in pieces:
            if not size:
                head = piece[:16]
            sha.update(piece)
            crc = crc32(piece, crc)
            self._write(packer.compress(piece))
            size += len(piece)
            if size > ZIP64_LIMIT // 2:
                raise ValueError("pieced members must stay small")
        self._write(packer.flush())
        return self._close(name, raw, True, False, offset, start, crc, size, head, sha.hexdigest())

    def _open(self, raw: bytes, deflate: bool, zip64: bool) -> tuple[int, int]:
        """A streamed member's local header (sizes follow in its data descriptor): (its offset, its data's)."""
        offset = self._pos
        extra = struct.pack("<2H2Q", 1, 16, 0, 0) if zip64 else b""
        marker = 0xFFFFFFFF if zip64 else 0
        self._write(_LOCAL.pack(b"PK\x03\x04", 45 if zip64 else 20, FLAG_UTF8 | FLAG_DESCRIPTOR,
                                DEFLATED if deflate else STORED, self._time, self._date, 0, marker, marker, len(raw),
                                len(extra)) + raw + extra)
        return offset, self._pos

    def _close(self, name: str, raw: bytes, deflate: bool, zip64: bool, offset: int, start: int, crc: int, size: int,
               head: bytes, sha256: str) -> Entry:
        """A streamed member's data descriptor, and its central-directory record."""
        compressed = self._pos - start
        if zip64:
            self._write(struct.pack("<4sI2Q", b"PK\x07\x08", crc, compressed, size))
        else:
            self._write(struct.pack("<4s3I", b"PK\x07\x08", crc, compressed, size))
        entry = Entry(name, DEFLATED if deflate else STORED, crc, compressed, size, sha256, offset,
                      FLAG_UTF8 | FLAG_DESCRIPTOR, head)
        self._record(entry, raw)
        return entry

    def _record(self, e: Entry, raw: bytes) -> None:
        """The member's central-directory record, packed now and written by ``close``."""
        big = [v for v, over in ((e.size, e.size > ZIP64_LIMIT), (e.compressed, e.compressed > ZIP64_LIMIT),
                                 (e.offset, e.offset > ZIP64_LIMIT)) if over]
        # Zip64 extra field order is fixed: size, compressed size, offset — only those that overflow.
        extra = struct.pack(f"<2H{len(big)}Q", 1, 8 * len(big), *big) if big else b""
        cap = 0xFFFFFFFF
        version = 45 if big else 20
        self._central += _CENTRAL.pack(
            b"PK\x01\x02", MADE_BY_UNIX | version, version, e.flags, e.method, self._time, self._date, e.crc,
            cap if e.compressed > ZIP64_LIMIT else e.compressed, cap if e.size > ZIP64_LIMIT else e.size,
            len(raw), len(extra), 0, 0, 0, FILE_MODE, cap if e.offset > ZIP64_LIMIT else e.offset) + raw + extra
        self._count += 1

    def settle(self) -> dict[str, str]:
        """Wait for the streamed files' SHA-256 and return them by member name."""
        self._file_lane.drain()
        settled = {name: sha.hexdigest() for name, sha in self._unsettled}
        self._unsettled.clear()
        return settled

    # --- the end -----------------------------------------------------------------------------------

    def close(self) -> str:
        """Write the central directory and end records; returns the whole zip's SHA-256."""
        self.settle()
        self._file_lane.close()
        start = self._pos
        central, self._central = self._central, bytearray()
        self._write(memoryview(central))  # not copied: nothing changes it any more (the zip hash's lane reads it later)
        del central
        size = self._pos - start
        count = self._count
        if count > ZIP_MAX_ENTRIES or start > ZIP64_LIMIT or size > ZIP64_LIMIT:
            eocd64 = self._pos
            self._write(_EOCD64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, start))
            self._write(_EOCD64_LOCATOR.pack(b"PK\x06\x07", 0, eocd64, 1))
        self._write(_EOCD.pack(b"PK\x05\x06", 0, 0, min(count, ZIP_MAX_ENTRIES), min(count, ZIP_MAX_ENTRIES),
                               min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF), 0))
        self._zip_lane.close()
        self.closed = True
        return self._zip_sha.hexdigest()

    def abort(self) -> None:
        self._file_lane.close(cancel=True)
        self._zip_lane.close(cancel=True)


def _file_size(fh: BinaryIO) -> int:
    import os

    return os.fstat(fh.fileno()).st_size
