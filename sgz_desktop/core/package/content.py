"""What a file in a package really is, judged by its bytes, never by its name.

Format by signature; executables and scripts named; PDFs inspected for pages, a password and active
content (JavaScript, Launch actions, embedded files, XFA forms); Office files for macros. PDF bytes are
scanned while they are hashed (``PdfScan``), so only PDFs with object streams, where names hide in
compressed objects, are opened a second time with pypdf.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import IO, Protocol

import ahocorasick_rs

from ..errors import PARSE_FAULTS

# Executables and scripts by their first bytes: refused wherever they appear in a package.
_EXECUTABLES = (
    (b"MZ", "Windows 可执行程序"),
    (b"\x7fELF", "Linux 可执行程序"),
    (b"\xcf\xfa\xed\xfe", "macOS 可执行程序"),
    (b"\xfe\xed\xfa\xcf", "macOS 可执行程序"),
    (b"\xca\xfe\xba\xbe", "macOS/Java 可执行程序"),
    (b"#!", "脚本"),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "Windows 快捷方式"),
)
SCRIPT_EXTENSIONS = (".exe", ".dll", ".com", ".scr", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf",
                     ".wsh", ".hta", ".msi", ".lnk", ".sh", ".jar", ".py", ".pif", ".reg", ".cpl", ".inf")


def detect_format(head: bytes) -> str | None:
    """pdf, jpeg, png, tiff, zip, ole (old Office) or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return None


def executable_kind(head: bytes) -> str | None:
    for magic, label in _EXECUTABLES:
        if head.startswith(magic):
            return label
    return None


# --- PDF active content, scanned as the bytes go by --------------------------------------------------

FORBIDDEN_PDF_NAMES = {"JavaScript": "JavaScript 脚本", "JS": "JavaScript 脚本", "Launch": "启动外部程序（Launch）",
                       "EmbeddedFile": "内嵌文件", "EmbeddedFiles": "内嵌文件", "RichMedia": "富媒体（Flash 等）",
                       "XFA": "XFA 动态表单"}
# Long names only (a 3-byte "/JS" turns up by chance in image data); a JavaScript action always has
# "/S /JavaScript" too. Names written with #xx escapes are decoded and compared.
_PDF_TOKENS = re.compile(
    rb"/(JavaScript|Launch|EmbeddedFiles?|RichMedia|XFA|ObjStm)(?![A-Za-z0-9#])"
    rb"|/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){0,24}#[0-9A-Fa-f]{2}(?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){0,24})")
_LONGEST = 1 + 49 * 3 + 1  # a token's bytes at most: "/", 49 escaped characters, the byte looked ahead at
_CARRY = _LONGEST


def _clues() -> list[bytes]:
    """Byte strings every token that matters contains: a name written plainly, or the #xx escape of one of
    the letters of the names (an escaped name has at least one)."""
    names = [*FORBIDDEN_PDF_NAMES, "ObjStm"]
    letters = {c for name in names for c in name}
    escapes = {f"#{ord(c):02{case}}".encode() for c in letters for case in "xX"}
    plain = [b"/" + name.encode() for name in names if len(name) > 2]
    return sorted({*plain, *escapes})


# Python's re walks image data at ~1.6 GB/s stopping at every "/"; Aho-Corasick (SIMD prefilter) finds
# the few clues at several GB/s, and only the bytes around each clue go through the token pattern.
_FINDER = ahocorasick_rs.BytesAhoCorasick(_clues())


def _unescape(name: bytes) -> str:
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name).decode("latin-1")


class PdfScan:
    """Feed a PDF's bytes in order; ``findings`` names active content, ``object_streams`` says a deep look
    is needed."""

    def __init__(self) -> None:
        self._carry = b""
        self.found: set[str] = set()
        self.object_streams = False

    def feed(self, block: bytes | memoryview, final: bool = False) -> None:
        # The block is searched where it lies (no copy); only the seam with the previous block's last
        # bytes is joined, and a token is counted where it starts. Small pieces are simply joined.
        if len(block) < 2 * _CARRY and not final:
            buf = self._carry + bytes(block)
            limit = max(0, len(buf) - _CARRY)
            self._tokens(buf, limit)
            self._carry = buf[limit:]
            return
        if self._carry:
            seam = self._carry + bytes(block[:_CARRY])
            self._tokens(seam, len(self._carry))
        limit = len(block) if final else max(0, len(block) - _CARRY)
        self._tokens(block, limit)
        self._carry = b"" if final else bytes(block[limit:])

    def _tokens(self, data: bytes | memoryview, limit: int) -> None:
        """Record the tokens starting before ``limit``. A token containing a clue lies within
        ``_LONGEST`` bytes of it, so the pattern runs over that window only; a match cut short by the
        window's end is left (a whole token holding a clue has its own window)."""
        end = len(data)
        for _pattern, start, stop in _FINDER.find_matches_as_indexes(data, overlapping=True):
            lo, hi = max(0, start - _LONGEST), min(end, stop + _LONGEST)
            for m in _PDF_TOKENS.finditer(data, lo, hi):
                if m.start() >= limit:
                    break
                if m.end() < hi or hi == end:
                    self._record(m)

    def _record(self, m: re.Match[bytes]) -> None:
        plain = m.group(1)
        name = plain.decode("ascii") if plain else _unescape(m.group(2))
        if name == "ObjStm":
            self.object_streams = True
        elif name in FORBIDDEN_PDF_NAMES:
            self.found.add(FORBIDDEN_PDF_NAMES[name])

    def finish(self) -> None:
        carry, self._carry = self._carry, b""
        self._tokens(carry, len(carry))


@dataclass(frozen=True)
class PdfFacts:
    pages: int | None
    encrypted: bool
    error: str  # why it cannot be opened; "" when it can
    active: tuple[str, ...]


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_SUBSECTION = re.compile(rb"\s*(\d+) (\d+)[ \t]*\r?\n")
_ROOT = re.compile(rb"/Root\s+(\d+)\s+(\d+)\s+R")
_OBJ = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")


class _Pieces(Protocol):
    """What ``quick_pages`` reads from: a file, or an unbuffered slice of one (a few reads, each once)."""

    def seek(self, offset: int, whence: int = ..., /) -> int: ...

    def read(self, size: int = ..., /) -> bytes | None: ...


def quick_pages(stream: _Pieces, size: int) -> int | None:
    """Pages of a plain PDF (one classic xref table, no encryption, no incremental update) read from its
    trailer, root and page tree root: a few small reads instead of a full parse. None when the PDF is not
    that simple; then pypdf decides."""
    try:
        tail_at = max(0, size - 1024)
        stream.seek(tail_at)
        tail = stream.read(size - tail_at) or b""
        found = list(_STARTXREF.finditer(tail))
        if not found:
            return None
        m = found[-1]
        xref_at = int(m.group(1))
        if not 0 < xref_at < size or size - xref_at > 256 * 1024:
            return None
        stream.seek(xref_at)
        table = stream.read(size - xref_at) or b""
        if not table.startswith(b"xref"):
            return None
        head, sep, trailer = table.partition(b"trailer")
        if not sep or b"/Prev" in trailer or b"/Encrypt" in trailer or b"/XRefStm" in trailer:
            return None
        offsets: dict[int, int] = {}
        pos = 4
        while (sub := _SUBSECTION.match(head, pos)) is not None:
            first, count = int(sub.group(1)), int(sub.group(2))
            if 20 * count > len(head) - sub.end():
                return None  # more entries claimed than the table holds (a hostile count would loop for ever)
            entries = head[sub.end():sub.end() + 20 * count]
            for i in range(count):
                entry = entries[20 * i:20 * i + 18]
                if entry[17:18] == b"n":
                    offsets[first + i] = int(entry[:10])
            pos = sub.end() + 20 * count
        root = _ROOT.search(trailer)
        if root is None:
            return None
        pages_ref = _object_value(stream, offsets, int(root.group(1)), rb"/Pages\s+(\d+)\s+\d+\s+R")
        if pages_ref is None:
            return None
        return _object_value(stream, offsets, pages_ref, rb"/Count\s+(\d+)")
    except (ValueError, OSError):
        return None


def _object_value(stream: _Pieces, offsets: dict[int, int], number: int, pattern: bytes) -> int | None:
    at = offsets.get(number)
    if at is None:
        return None
    stream.seek(at)
    text = stream.read(2048) or b""
    head = _OBJ.match(text)
    if head is None or int(head.group(1)) != number:
        return None
    body = text[head.end():].split(b"endobj", 1)[0]
    if b"stream" in body:
        return None
    m = re.search(pattern, body)
    return int(m.group(1)) if m else None


def inspect_pdf(stream: IO[bytes] | io.RawIOBase, *, deep: bool, found: set[str] | None = None,
                size: int | None = None) -> PdfFacts:
    """Open the PDF as a reader would: page count, password; with ``deep``, every object (object streams
    included) is looked at for actions and embedded content. A plain PDF (``size`` given) is read by
    ``quick_pages`` first."""
    active = set(found or ())
    if size is not None and not deep:
        pages = quick_pages(stream, size)
        if pages is not None:
            return PdfFacts(pages, False, "" if pages > 0 else "PDF 没有页面", tuple(sorted(active)))
        stream.seek(0)
    if isinstance(stream, io.RawIOBase):
        # quick_pages reads a few pieces, each read once; pypdf reads a byte at a time: a buffer in front
        # of an unbuffered stream saves it a million small reads.
        stream = io.BufferedReader(stream, buffer_size=16 * 1024)
    from pypdf import PdfReader  # ~0.1 s to import: only when a PDF needs more than quick_pages
    from pypdf.errors import PyPdfError

    faults: tuple[type[Exception], ...] = (PyPdfError, *PARSE_FAULTS)
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            return PdfFacts(None, True, "PDF 设有密码（已加密）", tuple(sorted(active)))
        pages = len(reader.pages)
        if deep:
            active |= _deep_findings(reader)
    except faults as exc:
        return PdfFacts(None, False, f"PDF 无法打开（{type(exc).__name__}）", tuple(sorted(active)))
    return PdfFacts(pages, False, "" if pages > 0 else "PDF 没有页面", tuple(sorted(active)))


def _deep_findings(reader: object, max_objects: int = 200_000) -> set[str]:
    from pypdf.generic import DictionaryObject, NameObject

    found: set[str] = set()
    size = int(reader.trailer.get("/Size", 0))  # type: ignore[attr-defined]
    for number in range(1, min(size, max_objects)):
        try:
            obj = reader.get_object(number)  # type: ignore[attr-defined]
        except Exception:  # a broken object is not active content; the page count judges openability
            continue
        if not isinstance(obj, DictionaryObject):
            continue
        for key, value in obj.items():
            name = str(key).lstrip("/")
            if name in FORBIDDEN_PDF_NAMES and name != "JS":
                found.add(FORBIDDEN_PDF_NAMES[name])
            if name == "JS" or (name == "S" and isinstance(value, NameObject)
                                and str(value).lstrip("/") in ("JavaScript", "Launch")):
                found.add(FORBIDDEN_PDF_NAMES["Launch" if str(value) == "/Launch" else "JavaScript"])
    return found


# --- Office documents (zip based) -----------------------------------------------------------------------

def office_macros(data: bytes) -> bool:
    """True when a zip-based Office file carries a VBA project (macros)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.lower().endswith(("vbaproject.bin", ".bin")) and "vba" in n.lower() for n in z.namelist())
    except zipfile.BadZipFile:
        return False
