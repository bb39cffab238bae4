"""Reading an untrusted zip without extracting it, in one sequential pass.

The central directory is parsed here (not by ``zipfile``) after the end record's entry count and
directory size are checked against limits, so a package claiming millions of entries costs nothing.
Then every member is read once, in the order it lies in the file: the reader checks the CRC-32, one
helper thread hashes each member (SHA-256), another scans PDFs; the zip's own SHA-256 is computed by a
thread reading the file on its own (``FileDigest``). Deflated members are inflated with a cap at their
declared size, and members whose declared expansion ratio is absurd are not inflated at all. Nothing
is written to disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import struct
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..threads import yield_to_others
from .content import PdfScan
from .lanes import Lane
from .mapping import MappedFile, hash_mapped, mapped
from .members import Columns, Member
from .zipcodec import crc32

BLOCK = 4 * 1024 * 1024
MAX_ENTRIES = 200_000
MAX_DIRECTORY = 64 * 1024 * 1024
MAX_TOTAL = 256 * 1024**3  # declared bytes, all members together
KEEP_LIMIT = 32 * 1024 * 1024  # text members parsed later are kept in memory up to this size each
KEEP_TOTAL = 32 * 1024 * 1024  # all kept members together; beyond it, texts are read again in pieces
SMALL = 64 * 1024  # members up to this size (stored and inflated) are read in one piece by the reader
SMALL_OUT = 1024 * 1024

_CENTRAL = struct.Struct("<4s4H2H3I5H2I")
_LOCAL = struct.Struct("<4s5H3I2H")


@dataclass
class Directory:
    path: Path
    size: int
    members: list[Member] = field(default_factory=list)
    table: Columns = field(default_factory=Columns)
    problems: list[str] = field(default_factory=list)  # structural problems (safety, check 13)
    declared_entries: int = 0

    @property
    def usable(self) -> bool:
        return bool(self.members)


def _end_record(fh: IO[bytes], size: int) -> tuple[int, int, int] | str:
    """(entries, directory size, directory offset), or why the zip has no usable end record."""
    tail_len = min(size, 65_557)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return "不是 zip 文件（找不到 zip 结束记录）"
    _sig, _d, _ds, _n, entries, cd_size, cd_offset, _c = struct.unpack("<4s4H2IH", tail[at:at + 22])
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        loc = size - tail_len + at - 20
        if loc < 0:
            return "zip64 结束记录缺失"
        fh.seek(loc)
        sig, _disk, rec_offset, _total = struct.unpack("<4sIQI", fh.read(20))
        if sig != b"PK\x06\x07" or rec_offset > size - 56:
            return "zip64 结束记录定位器无效"
        fh.seek(rec_offset)
        rec = fh.read(56)
        if rec[:4] != b"PK\x06\x06":
            return "zip64 结束记录无效"
        _s, _rs, _v1, _v2, _d1, _d2, _n1, entries, cd_size, cd_offset = struct.unpack("<4sQ2H2I4Q", rec)
    return entries, cd_size, cd_offset


def read_directory(path: Path) -> Directory:
    size = path.stat().st_size
    d = Directory(path, size)
    with path.open("rb") as fh:
        end = _end_record(fh, size)
        if isinstance(end, str):
            d.problems.append(end)
            return d
        entries, cd_size, cd_offset = end
        d.declared_entries = entries
        if entries > MAX_ENTRIES:
            d.problems.append(f"条目数 {entries:,} 超过上限 {MAX_ENTRIES:,}（疑似攻击包，未继续读取）")
            return d
        if cd_size > MAX_DIRECTORY or cd_offset + cd_size > size:
            d.problems.append(f"中央目录大小或位置无效（{cd_size:,} 字节，位于 {cd_offset:,}）")
            return d
        fh.seek(cd_offset)
        total = _read_records(d, _Window(fh, cd_size), entries)
    if len(d.members) != entries:
        d.problems.append(f"结束记录声明 {entries} 个条目，中央目录中只有 {len(d.members)} 个")
    if total > MAX_TOTAL:
        d.problems.append(f"声明的解压后总大小 {total:,} 字节超过上限")
    d.table.ready()
    return d


def _read_records(d: Directory, directory: _Window, entries: int) -> int:
    """The central directory's records into ``d``; the sizes they declare, all together."""
    total = 0
    while directory.need(46) and len(d.members) < entries:
        pos, chunk = directory.pos, directory.chunk
        fields = _CENTRAL.unpack_from(chunk, pos)
        if fields[0] != b"PK\x01\x02":
            d.problems.append(f"中央目录第 {len(d.members) + 1} 项损坏")
            break
        (_sig, made_by, _need, flags, method, _t, _d, crc, csize, usize, n_len, e_len, c_len, _disk, _int,
         ext_attr, offset) = fields
        directory.need(46 + n_len + e_len + c_len)  # past the end: what there is, as the zip tools read it
        pos, chunk = directory.pos, directory.chunk
        raw = chunk[pos + 46:pos + 46 + n_len]
        extra = chunk[pos + 46 + n_len:pos + 46 + n_len + e_len]
        usize, csize, offset = _zip64(extra, usize, csize, offset)
        link = (made_by >> 8) == 3 and (ext_attr >> 16) & 0o170000 == 0o120000
        index = d.table.add(flags, method, crc, csize, usize, offset, link)
        utf8 = _as_utf8(raw, flags)
        if utf8 is not raw and _name_bytes(utf8.decode(), flags) != raw:
            d.table.raw[index] = raw  # only then: a package may hold 200 000 names, not to be held twice
        d.members.append(Member(d.table, index, utf8))
        total += usize
        directory.pos += 46 + n_len + e_len + c_len
    return total


class _Window:
    """The central directory read a megabyte at a time: read whole, it sat beside the names taken from it (64 MB
    of each at the limit)."""

    PIECE = 1024 * 1024

    def __init__(self, fh: IO[bytes], size: int) -> None:
        self._fh, self._left = fh, size
        self.chunk, self.pos = b"", 0

    def need(self, n: int) -> bool:
        """At least ``n`` bytes from ``pos`` in ``chunk``; False when the directory ends before (``chunk`` then
        holds what is left)."""
        if len(self.chunk) - self.pos >= n:
            return True
        more = self._fh.read(min(max(n, self.PIECE), self._left)) if self._left > 0 else b""
        self._left -= len(more)
        self.chunk, self.pos = self.chunk[self.pos:] + more, 0
        return len(self.chunk) >= n


def _as_utf8(raw: bytes, flags: int) -> bytes:
    """A name from the directory as UTF-8: the bytes themselves when they are flagged so and valid."""
    if flags & 0x800:
        try:
            raw.decode("utf-8")
            return raw
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace").encode("utf-8")
    return raw.decode("cp437").encode("utf-8")


def _name_bytes(name: str, flags: int) -> bytes:
    """A member's name as the zip writes it: UTF-8 when flagged so, else code page 437."""
    return name.encode("utf-8", "replace") if flags & 0x800 else name.encode("cp437")


def _zip64(extra: bytes, usize: int, csize: int, offset: int) -> tuple[int, int, int]:
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<2H", extra, pos)
        if tag == 1:
            values = list(struct.unpack_from(f"<{min(length, 24) // 8}Q", extra, pos + 4))
            if usize == 0xFFFFFFFF and values:
                usize = values.pop(0)
            if csize == 0xFFFFFFFF and values:
                csize = values.pop(0)
            if offset == 0xFFFFFFFF and values:
                offset = values.pop(0)
        pos += 4 + length
    return usize, csize, offset


# --- the one pass ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)  # one per member written: 30 000 at 15 000 items
class Trusted:
    """What the exporter knows of a member it has just written, so its own check need not read it back
    (the package was written straight to the disk: reading it again would cost a disk pass)."""

    sha256: str
    head: bytes  # the first 16 bytes: the format by content
    data: bytes | None = None  # the whole bytes, for members the checks read whole
    # Or the bytes as they lie in the zip (deflated: a third of the size), for members the checks read one
    # at a time later (``reread``: the items' metadata): not read back from the disk the zip went to.
    packed: bytes | None = None


def _trust(m: Member, t: Trusted) -> None:
    m.found("", t.head, m.size, True, t.data, bytes.fromhex(t.sha256))
    m.packed = t.packed
    m.raw = b""  # its local header is not read: the name in bytes is not needed again

class FileDigest:
    """A file's SHA-256 computed on a thread of its own, reading the file independently of the pass: the
    zip's own hash (check 1) then overlaps the member hashes and all the checks after the pass, instead of
    holding the pass's blocks until a shared lane catches up. At the lowest priority: on two cores it took
    its share from the member hashes, and the checks after the pass then ran with a core idle."""

    def __init__(self, path: Path) -> None:
        self._sha = hashlib.sha256()
        self._error: OSError | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(path,), name="zip-sha", daemon=True)
        self._thread.start()

    def __enter__(self) -> FileDigest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, path: Path) -> None:
        yield_to_others()  # needed only at the end: the member hashes, which hold up the pass, come first
        buffer = bytearray(BLOCK)
        view = memoryview(buffer)
        try:
            with path.open("rb", buffering=0) as fh, mapped(fh, path) as whole:
                if whole is not None:
                    hash_mapped(self._sha, fh, whole.size, self._stop)
                    return
                while not self._stop.is_set() and (n := fh.readinto(buffer)):
                    self._sha.update(view[:n])
        except OSError as exc:
            self._error = exc

    def hexdigest(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._sha.hexdigest()

    def stop(self) -> None:
        """Stop reading (a cancelled or failed check) and close the file: a package on a USB stick can then be
        ejected at once, not after the rest of it was read for a hash no one will see."""
        self._stop.set()
        self._thread.join()


class _Blocks:
    """Sequential reading in large blocks."""

    def __init__(self, fh: IO[bytes], whole: MappedFile | None = None) -> None:
        self._fh = fh
        self._whole = whole  # the file mapped (``mapping``): blocks are views into it, nothing is copied
        self._block: bytes | memoryview = b""
        self._at = 0  # position in the block
        self.pos = 0  # position in the file

    def _refill(self) -> bool:
        block = self._fh.read(BLOCK) if self._whole is None else self._whole.view(self.pos, BLOCK)
        if not block:
            return False
        self._block, self._at = block, 0
        return True

    def take(self, n: int) -> Iterator[memoryview]:
        """Up to ``n`` bytes as views into the blocks (fewer only at the end of the file)."""
        while n > 0:
            if self._at >= len(self._block) and not self._refill():
                return
            piece = memoryview(self._block)[self._at:self._at + n]
            self._at += len(piece)
            self.pos += len(piece)
            n -= len(piece)
            yield piece

    def let_go(self) -> None:
        self._block = b""
        if self._whole is not None:
            self._whole.let_go()

    def read(self, n: int) -> bytes | memoryview:
        if self._at + n <= len(self._block):  # the usual case (headers, names): one slice
            data = self._block[self._at:self._at + n]
            self._at += n
            self.pos += n
            return data
        return b"".join(self.take(n))

    def skip_to(self, offset: int) -> None:
        if offset - self.pos > len(self._block) - self._at:
            if self._whole is None:
                self._fh.seek(offset)
            self._block, self._at, self.pos = b"", 0, offset
            return
        for _ in self.take(offset - self.pos):
            pass


def _keep(member: Member, want: Callable[[Member], bool], budget: list[int]) -> bool:
    size = member.size
    if size > KEEP_LIMIT or budget[0] + size > KEEP_TOTAL or not want(member):
        return False
    budget[0] += size
    return True


def scan(directory: Directory, want_bytes: Callable[[Member], bool],
         on_bytes: Callable[[int], None] | None = None, *, trusted: Mapping[str, Trusted] | None = None) -> None:
    """Read every member once. Members that cannot be read get ``error``. ``trusted`` (the exporter checking
    what it has just written) describes members that are not read again. The zip's own hash is
    ``FileDigest``'s."""
    budget = [0]
    offsets, lengths = directory.table.offset, directory.table.compressed
    order = sorted((m for m in directory.members if not m.is_dir), key=lambda m: offsets[m.index])
    # Two lanes beside the reader: each member's SHA-256, and the PDF scan. Each member's results are
    # collected at the end, so no lane waits at a member boundary.
    sha_lane, side = Lane("member-sha", depth=4), Lane("verify-side", depth=4)
    with directory.path.open("rb") as fh, mapped(fh, directory.path) as whole:
        blocks = _Blocks(fh, whole)
        try:
            for m in order:
                t = trusted.get(m.name) if trusted is not None else None
                if t is not None and (t.data is not None or not want_bytes(m)):
                    _trust(m, t)
                    continue
                offset = offsets[m.index]
                if offset < blocks.pos:
                    m.error = "数据与其他条目重叠（重叠条目是 zip 炸弹的手法）"
                    continue
                if offset + 30 + lengths[m.index] > directory.size:
                    m.error = "条目数据超出文件末尾"
                    continue
                blocks.skip_to(offset)
                _read_member(m, blocks, sha_lane, side, _keep(m, want_bytes, budget), on_bytes)
            sha_lane.drain()
            side.drain()
        finally:
            sha_lane.close()
            side.close()
            blocks.let_go()  # the map closes only when no view of it is left (Windows: the file stays locked)


def _local_header(m: Member, blocks: _Blocks) -> bool:
    header = blocks.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        m.error = "本地文件头无效"
        return False
    fields = _LOCAL.unpack(header)
    n_len, e_len = fields[9], fields[10]
    flags = m.flags
    name_ok = blocks.read(n_len) == (m.raw or (m.utf8 if flags & 0x800 else _name_bytes(m.name, flags)))
    blocks.read(e_len)
    m.header_read(name_ok, 30 + n_len + e_len)
    return True


_CORRUPT = "压缩数据不完整或已损坏"
_TOO_LONG = "解压后的大小超过声明的大小（疑似 zip 炸弹）"
_CLEAN_PDF = PdfScan()  # a PDF with nothing active and no object streams


def _settle_hash(m: Member, sha: hashlib._Hash) -> Callable[[bytes | memoryview], None]:
    """Run by the hash lane after the member's last bytes: its SHA-256 set, the hash object let go (a package
    of 200 000 entries must not hold them all until the end)."""
    def settle(_nothing: bytes | memoryview) -> None:
        m.digest = sha.digest()
    return settle


def _settle_pdf(m: Member, pdf: PdfScan) -> Callable[[bytes | memoryview], None]:
    def settle(_nothing: bytes | memoryview) -> None:
        pdf.finish()
        m.pdf = pdf if pdf.found or pdf.object_streams else _CLEAN_PDF  # one shared answer for plain PDFs
    return settle


def _read_member(m: Member, blocks: _Blocks, sha_lane: Lane, side: Lane, keep: bool,
                 on_bytes: Callable[[int], None] | None) -> None:
    """Read one member; its hash and PDF scan are finished by the lanes, in order, before the pass ends."""
    if not _local_header(m, blocks):
        return
    method, size, compressed = m.method, m.size, m.compressed
    if m.flags & 0x1 or method not in (0, 8):
        return  # not readable without a password (``encrypted``) or an unknown method: judged by check 12
    if compressed <= SMALL and size <= SMALL_OUT:
        _read_small(m, blocks, keep, on_bytes, method, size, compressed)
        return
    if m.ratio_too_high:
        return  # a zip bomb is not inflated: judged by check 13
    sha = hashlib.sha256()
    crc = 0  # ISA-L's CRC-32 costs ~15 ms a gigabyte: computed here, not handed over
    kept: list[bytes] = []
    head, error = b"", ""
    pdf: PdfScan | None = None
    inflater = zlib.decompressobj(-15) if method == 8 else None
    produced = 0
    for piece in blocks.take(compressed):
        outs = [piece] if inflater is None else _inflated(inflater, piece, size - produced)
        try:
            for out in outs:
                if not head:
                    head = bytes(out[:16])
                    if head.startswith(b"%PDF-"):
                        pdf = PdfScan()
                produced += len(out)
                if produced > size:
                    error = _TOO_LONG
                    break
                crc = crc32(out, crc)
                if pdf is not None:
                    side.feed(pdf.feed, out)
                sha_lane.feed(sha.update, out)
                if keep:
                    kept.append(bytes(out))
        except zlib.error:
            error = _CORRUPT
        if on_bytes is not None:
            on_bytes(len(piece))
        if error:
            break
    if inflater is not None and not error and not inflater.eof:
        error = _CORRUPT
    m.found(error, head, produced, crc == m.crc, b"".join(kept) if keep and not error else None)
    sha_lane.feed(_settle_hash(m, sha), b"")
    if pdf is not None:
        side.feed(_settle_pdf(m, pdf), b"")


def _read_small(m: Member, blocks: _Blocks, keep: bool, on_bytes: Callable[[int], None] | None,
                method: int, size: int, compressed: int) -> None:
    """A small member (most of a package's entries are metadata of a kilobyte or two) read, inflated, checked
    and hashed right here: handing it to the lanes costs more than the work, and each hand-over makes the
    lanes run Python that the reader then waits for."""
    raw = blocks.read(compressed)
    if on_bytes is not None:
        on_bytes(len(raw))
    data = _small_bytes(raw, method, size)
    if isinstance(data, str):
        m.error = data
        return
    head = bytes(data[:16])
    if head.startswith(b"%PDF-"):
        pdf = PdfScan()
        pdf.feed(data)
        pdf.finish()
        m.pdf = pdf if pdf.found or pdf.object_streams else _CLEAN_PDF
    # stored bytes are a view into the blocks: kept as a copy
    m.found("", head, len(data), crc32(data) == m.crc, bytes(data) if keep else None, hashlib.sha256(data).digest())


def _small_bytes(raw: bytes | memoryview, method: int, size: int) -> bytes | memoryview | str:
    """A small member's whole bytes, inflated if deflated; or why they cannot be had."""
    if method != 8:
        return raw
    inflater = zlib.decompressobj(-15)
    try:
        data = inflater.decompress(raw, size + 1)  # one byte more than declared tells an over-long member
    except zlib.error:
        return _CORRUPT
    if len(data) > size:
        return _TOO_LONG
    return data if inflater.eof else _CORRUPT


def _inflated(inflater: zlib._Decompress, data: bytes | memoryview, room: int, piece: int = SMALL_OUT
              ) -> Iterator[bytes]:
    """``data`` inflated a piece at a time (a block of text inflates to ten times its size: never all at once),
    at most ``room`` bytes and one more, which tells an over-long member. ``zlib.error``: not valid deflate."""
    cap = max(room, 0) + 1
    while data and cap > 0:
        chunk = inflater.decompress(data, min(cap, piece))
        data = inflater.unconsumed_tail
        cap -= len(chunk)
        if chunk:
            yield chunk
        elif not data:
            break


def reread(source: ZipBytes, m: Member) -> bytes | None:
    """A small member read again after the pass (its bytes were not kept, so that thousands of them never
    sit in memory together), held to the SHA-256 the pass computed: None when it cannot be read, or no
    longer holds what the pass read."""
    if not m.read or m.size > KEEP_LIMIT or m.compressed > KEEP_LIMIT:
        return None
    raw, m.packed = m.packed, None
    if raw is None:
        if not _find_data(source, m):
            return None
        raw = source.read_at(m.data_offset, m.compressed)
    if len(raw) != m.compressed:
        return None
    data = _small_bytes(raw, m.method, m.size)
    if isinstance(data, str) or len(data) != m.size or hashlib.sha256(data).digest() != m.digest:
        return None
    return bytes(data)


def kept_or_reread(source: ZipBytes, m: Member) -> bytes | None:
    """A member's bytes: kept by the pass, else read again (``reread``, held to the pass's hash); None when they
    cannot be had."""
    return m.kept if m.kept is not None else reread(source, m)


def _find_data(source: ZipBytes, m: Member) -> bool:
    """Where the member's data begin; a member the exporter vouched for had its local header left unread."""
    if m.local_len < 0:
        header = source.read_at(m.offset, 30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            return False
        fields = _LOCAL.unpack(header)
        m.located(30 + fields[9] + fields[10])
    return True


class MemberChanged(Exception):
    """A member read again after the pass no longer holds what the pass read (the package changed while being
    checked, or its disk reads back differently)."""


STREAM_PIECE = 256 * 1024


def member_pieces(source: ZipBytes, m: Member) -> Iterator[bytes]:
    """A member read again after the pass, in pieces of at most ``STREAM_PIECE`` (inflated if deflated), for
    text too large to hold whole. What it yields is held to the size and SHA-256 the pass found:
    ``MemberChanged`` at the end otherwise, so a reader must not trust what it has parsed until the pieces run
    out."""
    if not m.read or not _find_data(source, m):
        raise MemberChanged(m.name)
    sha = hashlib.sha256()
    inflater = zlib.decompressobj(-15) if m.method == 8 else None
    produced, at, end = 0, m.data_offset, m.data_offset + m.compressed
    while at < end:
        raw = source.read_at(at, min(STREAM_PIECE // 4, end - at))
        if not raw:
            break
        at += len(raw)
        try:
            for piece in [raw] if inflater is None else _inflated(inflater, raw, m.size - produced, STREAM_PIECE):
                produced += len(piece)
                if produced > m.size:
                    raise MemberChanged(m.name)
                sha.update(piece)
                yield piece
        except zlib.error:
            raise MemberChanged(m.name) from None
    if produced != m.size or (inflater is not None and not inflater.eof) or sha.digest() != m.digest:
        raise MemberChanged(m.name)


class ZipBytes:
    """Reads at any offset of the package after the pass (items' metadata again, PDFs' trailers): from the
    mapped file where it may be mapped (``mapping``: no system call per read), else by seek and read."""

    def __init__(self, path: Path) -> None:
        self._stack = contextlib.ExitStack()
        self._fh = self._stack.enter_context(path.open("rb"))
        self._map = self._stack.enter_context(mapped(self._fh, path))

    def read_at(self, offset: int, n: int) -> bytes:
        if self._map is None:
            self._fh.seek(offset)
            return self._fh.read(n)
        parts = []
        while n > 0 and (view := self._map.view(offset, n)):
            parts.append(bytes(view))
            offset, n = offset + len(view), n - len(view)
        return b"".join(parts)

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> ZipBytes:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class MemberSlice(io.RawIOBase):
    """A stored member's bytes as a seekable read-only file (for pypdf), read straight from the zip
    through ``source``, which the caller opens once for all members and closes."""

    def __init__(self, source: ZipBytes, start: int, length: int) -> None:
        super().__init__()
        self._source = source
        self._start, self._len, self._pos = start, length, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._len}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = max(0, min(len(buffer), self._len - self._pos))
        if n == 0:
            return 0
        data = self._source.read_at(self._start + self._pos, n)
        memoryview(buffer)[:len(data)] = data
        self._pos += len(data)
        return len(data)


def member_text(source: ZipBytes, m: Member, *, encoding: str = "utf-8", newline: str | None = None
                ) -> io.TextIOWrapper:
    """A text member as a text file read in pieces: from its kept bytes, else again from the zip
    (``member_pieces``: ``MemberChanged`` when it no longer holds what the pass read)."""
    pieces: Iterable[bytes] = [m.kept] if m.kept is not None else member_pieces(source, m)
    return io.TextIOWrapper(io.BufferedReader(PieceReader(pieces), STREAM_PIECE), encoding=encoding, newline=newline)


class PieceReader(io.RawIOBase):
    """Pieces of bytes (``member_pieces``, or a member's kept bytes) as a file, for ``io.TextIOWrapper``: text
    read line by line or a megabyte at a time, never whole."""

    def __init__(self, pieces: Iterable[bytes]) -> None:
        super().__init__()
        self._pieces = iter(pieces)
        self._rest = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._rest:
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._rest = memoryview(piece)
        n = min(len(buffer), len(self._rest))
        memoryview(buffer)[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n
