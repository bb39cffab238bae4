"""CRC-32 and raw deflate for zip entries: ISA-L's (``isal``) where installed, else zlib's.

Why: on a gigabyte package zlib's CRC-32 (~3 GB/s here) costs a third of a second on the critical
path, ISA-L's (carry-less multiply) a thirtieth; and zlib spends ~70 µs setting up each small deflate,
which for thousands of metadata files adds up, where ISA-L takes ~5 µs. The CRC is the same number
either way; deflated bytes differ between the two but both are plain deflate that every unzip reads,
and the bag's hashes are over the uncompressed bytes, so the manifests do not change.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Protocol


class Compressor(Protocol):
    def compress(self, data: bytes, /) -> bytes: ...

    def flush(self) -> bytes: ...


crc32: Callable[..., int]  # (data, running=0) -> int
try:
    from isal import isal_zlib
except ImportError:  # a platform without an isal wheel: correct, only slower
    crc32 = zlib.crc32

    def deflate(data: bytes) -> bytes:
        """Raw deflate (no zlib header), as a zip member holds it."""
        return zlib.compress(data, 6, -15)

    def deflater() -> Compressor:
        """Raw deflate fed piece by piece, for a member streamed from a file."""
        return zlib.compressobj(6, zlib.DEFLATED, -15)
else:
    crc32 = isal_zlib.crc32

    def deflate(data: bytes) -> bytes:
        """Raw deflate (no zlib header), as a zip member holds it."""
        return bytes(isal_zlib.compress(data, 2, -15))

    def deflater() -> Compressor:
        """Raw deflate fed piece by piece, for a member streamed from a file."""
        return isal_zlib.compressobj(2, isal_zlib.DEFLATED, -15)

__all__ = ["Compressor", "crc32", "deflate", "deflater"]
