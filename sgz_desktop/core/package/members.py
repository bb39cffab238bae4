"""A zip's entries held as columns: one array per field for all members, and a slim view per member.

A package may hold 200 000 entries. As an object with a slot per field, an entry took about 500 bytes beside
its name (a Python int past 256 is an object of 32 bytes, a 32-byte hash one of 72); as columns it takes about
200. The view, ``Member``, keeps the fields' names, so the checks read ``m.size`` as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .content import PdfScan

RATIO_FLOOR = 1024 * 1024
MAX_RATIO = 100  # declared size / compressed size, for members over RATIO_FLOOR
DIGEST = 32
HEAD = 16  # the first bytes of a member: its format by content


class Columns:
    """Every member's fields. The directory's are appended entry by entry; the pass's are sized once the
    directory is read (``ready``). Fields few members have are held by index."""

    def __init__(self) -> None:
        # from the central directory
        self.flags = array("H")
        self.method = array("H")
        self.crc = array("I")
        self.compressed = array("Q")
        self.size = array("Q")
        self.offset = array("Q")
        self.is_link = array("B")
        self.raw: dict[int, bytes] = {}  # the name's bytes, for names that decoding does not give back
        # filled by the pass
        self.read = array("B")
        self.local_name_ok = array("B")
        self.crc_ok = array("B")
        self.hashed = array("B")
        self.real_size = array("Q")
        self.local_len = array("q")  # -1 until the local header is read
        self.digests = bytearray()
        self.heads = bytearray()
        self.head_len = array("B")
        self.kept: list[bytes | None] = []
        self.error: dict[int, str] = {}
        self.pdf: dict[int, PdfScan] = {}
        self.packed: dict[int, bytes] = {}

    def add(self, flags: int, method: int, crc: int, compressed: int, size: int, offset: int, is_link: bool) -> int:
        """One entry of the central directory; its index."""
        self.flags.append(flags)
        self.method.append(method)
        self.crc.append(crc)
        self.compressed.append(compressed)
        self.size.append(size)
        self.offset.append(offset)
        self.is_link.append(is_link)
        return len(self.flags) - 1

    def ready(self) -> None:
        """The pass's columns, one slot per entry, as nothing has been read yet."""
        n = len(self.flags)
        self.read, self.hashed, self.head_len = array("B", bytes(n)), array("B", bytes(n)), array("B", bytes(n))
        self.local_name_ok = array("B", b"\x01" * n)
        self.crc_ok = array("B", b"\x01" * n)
        self.real_size = array("Q", bytes(8 * n))
        self.local_len = array("q", [-1]) * n
        self.digests = bytearray(DIGEST * n)
        self.heads = bytearray(HEAD * n)
        self.kept = [None] * n


class Member:
    """One zip entry: its place in the table, and its name, which the bag's table also uses as its key.

    The name is held as UTF-8 bytes, as the zip holds it, and read as text when asked for (``name``, and ``top``
    and ``rel``, its two parts at the first slash). As text, a name with one character past U+FFFF takes four
    bytes a character: a 64 MB directory of such names came to 256 MB."""

    __slots__ = ("cut", "index", "table", "utf8")

    # Each field is read from its column. Written out: a package's 200 000 members read them millions of times.
    @property
    def flags(self) -> int:
        return self.table.flags[self.index]

    @property
    def method(self) -> int:
        return self.table.method[self.index]

    @property
    def crc(self) -> int:
        return self.table.crc[self.index]

    @property
    def compressed(self) -> int:
        return self.table.compressed[self.index]

    @property
    def size(self) -> int:
        return self.table.size[self.index]

    @property
    def offset(self) -> int:
        return self.table.offset[self.index]

    @property
    def is_link(self) -> bool:
        """A Unix symbolic link (the directory's "made by" and mode)."""
        return self.table.is_link[self.index] == 1

    @property
    def read(self) -> bool:
        """Read whole by the pass."""
        return self.table.read[self.index] == 1

    @property
    def local_name_ok(self) -> bool:
        """The local header names the member as the directory does."""
        return self.table.local_name_ok[self.index] == 1

    @property
    def crc_ok(self) -> bool:
        return self.table.crc_ok[self.index] == 1

    @property
    def real_size(self) -> int:
        """The bytes the pass read."""
        return self.table.real_size[self.index]

    @property
    def local_len(self) -> int:
        """The local header's length once read, else -1 (a small number, where the offset is not)."""
        return self.table.local_len[self.index]

    def __init__(self, table: Columns, index: int, utf8: bytes) -> None:
        self.table, self.index, self.utf8 = table, index, utf8
        self.cut = utf8.find(b"/") + 1  # "/" is one byte in UTF-8 and never part of another character

    def __repr__(self) -> str:
        return f"Member({self.index}, {self.name!r})"

    def located(self, length: int) -> None:
        """The local header's length, read after the pass (a member the exporter vouched for)."""
        self.table.local_len[self.index] = length

    def header_read(self, name_ok: bool, length: int) -> None:
        """The local header read: whether it names the member as the directory does, and its length. The
        name's bytes are let go: compared, they are not needed again."""
        t, i = self.table, self.index
        t.local_name_ok[i] = name_ok
        t.local_len[i] = length
        if t.raw:
            t.raw.pop(i, None)

    def found(self, error: str, head: bytes, real_size: int, crc_ok: bool, kept: bytes | None,
              digest: bytes = b"") -> None:
        """What the pass read of the member, in one call (the pass makes 200 000): it was read whole unless
        there is an ``error``; ``digest`` is given when known here, else the hash lane sets it."""
        t, i = self.table, self.index
        if error:
            t.error[i] = error
        t.read[i] = not error
        t.real_size[i] = real_size
        t.crc_ok[i] = crc_ok
        t.kept[i] = kept
        head = head[:HEAD]
        t.heads[i * HEAD:i * HEAD + len(head)] = head
        t.head_len[i] = len(head)
        if digest:
            self.digest = digest

    @property
    def name(self) -> str:
        return self.utf8.decode()

    @property
    def top(self) -> str:
        """The top folder with its slash; "" when the name has no slash."""
        return self.utf8[:self.cut].decode()

    @property
    def rel(self) -> str:
        """The rest of the name (all of it when it has no slash): the member's path in the bag."""
        return self.utf8[self.cut:].decode() if self.cut else self.utf8.decode()

    @property
    def raw(self) -> bytes:
        """The name's bytes in the directory, when decoding lost something; else empty."""
        return self.table.raw.get(self.index, b"")

    @raw.setter
    def raw(self, value: bytes) -> None:
        self._sparse(self.table.raw, value, b"")

    @property
    def error(self) -> str:
        return self.table.error.get(self.index, "")

    @error.setter
    def error(self, value: str) -> None:
        self._sparse(self.table.error, value, "")

    @property
    def pdf(self) -> PdfScan | None:
        return self.table.pdf.get(self.index)

    @pdf.setter
    def pdf(self, value: PdfScan | None) -> None:
        self._sparse(self.table.pdf, value, None)

    @property
    def packed(self) -> bytes | None:
        """The bytes as they lie in the zip, from ``Trusted``."""
        return self.table.packed.get(self.index)

    @packed.setter
    def packed(self, value: bytes | None) -> None:
        self._sparse(self.table.packed, value, None)

    def _sparse(self, column: dict[int, Any], value: object, default: object) -> None:
        if value != default:
            column[self.index] = value
        else:
            column.pop(self.index, None)

    @property
    def kept(self) -> bytes | None:
        return self.table.kept[self.index]

    @kept.setter
    def kept(self, value: bytes | None) -> None:
        self.table.kept[self.index] = value

    @property
    def digest(self) -> bytes:
        """The SHA-256 the pass computed (``sha256`` gives it in hex); empty before."""
        if not self.table.hashed[self.index]:
            return b""
        at = self.index * DIGEST
        return bytes(self.table.digests[at:at + DIGEST])

    @digest.setter
    def digest(self, value: bytes) -> None:
        if len(value) != DIGEST:
            raise ValueError("a SHA-256 is 32 bytes")
        at = self.index * DIGEST
        self.table.digests[at:at + DIGEST] = value
        self.table.hashed[self.index] = 1

    @property
    def head(self) -> bytes:
        """The first bytes, the format by content (written by ``found``)."""
        at = self.index * HEAD
        return bytes(self.table.heads[at:at + self.table.head_len[self.index]])

    @property
    def sha256(self) -> str:
        return self.digest.hex()

    @property
    def data_offset(self) -> int:
        """Where the member's data begin in the zip; -1 before its local header is read."""
        local = self.local_len
        return self.offset + local if local >= 0 else -1

    @property
    def encrypted(self) -> bool:
        return bool(self.flags & 0x1)

    @property
    def is_dir(self) -> bool:
        return self.utf8.endswith(b"/")

    @property
    def ratio_too_high(self) -> bool:
        size = self.size
        return size > RATIO_FLOOR and size > MAX_RATIO * max(self.compressed, 1)


class Names(Mapping[str, "Member"]):
    """The bag's table: its members by their path in the bag (``data/...``, ``bagit.txt``), every one under the
    top folder ``prefix``. Keyed by each member's own name bytes, so no name is held twice."""

    def __init__(self, prefix: str = "") -> None:
        self._prefix = prefix.encode()
        self._by: dict[bytes, Member] = {}

    def add(self, m: Member) -> bool:
        """False when a member of that name is there already; the later one is kept (as the zip's readers do)."""
        new = m.utf8 not in self._by
        self._by[m.utf8] = m
        return new

    def _key(self, rel: str) -> bytes:
        return self._prefix + rel.encode("utf-8", "surrogatepass")  # never a name's key if it is not valid text

    # Each look-up builds its key in line: the item checks look up every file of a year, 30 000 at 15 000 items.
    def __getitem__(self, rel: str) -> Member:
        return self._by[self._prefix + rel.encode("utf-8", "surrogatepass")]

    def __contains__(self, rel: object) -> bool:
        return isinstance(rel, str) and self._key(rel) in self._by

    def get(self, rel: str, default: Member | None = None) -> Member | None:  # type: ignore[override]
        return self._by.get(self._prefix + rel.encode("utf-8", "surrogatepass"), default)

    def __iter__(self) -> Iterator[str]:
        cut = len(self._prefix)
        return (key[cut:].decode() for key in self._by)

    def __len__(self) -> int:
        return len(self._by)

    def tags(self) -> Iterator[str]:
        """The paths of the members directly in the top folder (the tag files' place; not the folder's own entry),
        the others not read as text."""
        cut = len(self._prefix)
        return (key[cut:].decode() for key in self._by if len(key) > cut and key.find(b"/", cut) < 0)

    def members(self) -> Iterator[tuple[bytes, Member]]:
        """Each member with its name bytes, in the zip's order, not read as text."""
        return iter(self._by.items())

    def items(self) -> Iterator[tuple[str, Member]]:  # type: ignore[override]
        cut = len(self._prefix)
        return ((key[cut:].decode(), m) for key, m in self._by.items())
