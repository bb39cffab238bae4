"""A package read through a memory map, where that is safe.

Why: hashing straight from the operating system's file cache spares copying every byte into the process;
on a warm gigabyte that is a fifth of the verifier's time. But a mapped file whose disk goes away (a USB
stick or hard disk unplugged mid-check) or that another program cuts short ends the process (SIGBUS on
Linux, an in-page error on Windows) instead of raising an error. So only a file on a fixed disk inside the
computer is mapped; anything else (removable, USB, network, or not known) is read with ordinary reads, which
turn the same mishaps into a reported error. Windows calls a USB hard disk fixed, so there its bus is asked.

Cutting short is left: Windows refuses to shorten a file while it is mapped, and this system never rewrites
a package in place (the export writes a new file and renames it over the old, which leaves a reader the old
file whole). On Linux another program could still cut one short.
"""

from __future__ import annotations

import contextlib
import mmap
import ntpath
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

# A multiple of every system's mapping granularity (64 KiB on Windows). The pages of each window still mapped
# count as the process's memory: 16 MB windows cost 20 MB more on the gigabyte, for no speed.
WINDOW = 4 * 1024 * 1024


class Hashable(Protocol):
    def update(self, data: bytes | mmap.mmap, /) -> None: ...


def on_fixed_local_disk(path: Path) -> bool:
    """True only when the file's disk is known to be fixed and local."""
    try:
        if sys.platform == "win32":
            return windows_fixed(path)
        if sys.platform.startswith("linux"):
            return linux_fixed(os.stat(path).st_dev)
    except (OSError, ValueError, AttributeError):
        pass
    return False


# STORAGE_BUS_TYPE of the disks inside a computer: SCSI, ATA, RAID, SAS, SATA, Storage Spaces, NVMe, SCM. A
# USB hard disk calls itself fixed (GetDriveType) but its bus says USB (7); that and every other bus (1394, SD,
# MMC, iSCSI, a file-backed virtual disk, one not known) is read, not mapped.
_INTERNAL_BUSES = frozenset({1, 3, 8, 10, 11, 16, 17, 18})
_DRIVE_FIXED = 3
_IOCTL_STORAGE_QUERY_PROPERTY = 0x002D1400
_BUS_TYPE_AT = 28  # STORAGE_DEVICE_DESCRIPTOR: Version, Size, four bytes, four offsets, then BusType


def windows_fixed(path: Path | str, kernel32: Any = None) -> bool:
    """Whether ``path`` lies on a fixed disk inside the computer, as Windows tells (``kernel32``: the real
    library, or a stand-in in tests)."""
    drive = ntpath.splitdrive(ntpath.abspath(str(path)))[0]
    if not drive or drive.startswith(("\\\\", "//")):  # a UNC path: a network share
        return False
    kernel32 = kernel32 or _kernel32()
    if int(kernel32.GetDriveTypeW(drive + "\\")) != _DRIVE_FIXED:
        return False
    return _bus_type(kernel32, drive) in _INTERNAL_BUSES


def _kernel32() -> Any:
    """kernel32 with the prototypes ``_bus_type`` needs (a handle is pointer-sized), on a library object of its
    own so that no other caller's ``windll.kernel32`` is changed."""
    import ctypes

    lib = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    lib.GetDriveTypeW.argtypes, lib.GetDriveTypeW.restype = [ctypes.c_wchar_p], ctypes.c_uint32
    lib.CreateFileW.argtypes = [ctypes.c_wchar_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                                ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p]
    lib.CreateFileW.restype = ctypes.c_void_p
    lib.DeviceIoControl.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_uint32,
                                    ctypes.c_void_p, ctypes.c_uint32, ctypes.POINTER(ctypes.c_uint32),
                                    ctypes.c_void_p]
    lib.DeviceIoControl.restype = ctypes.c_int
    lib.CloseHandle.argtypes, lib.CloseHandle.restype = [ctypes.c_void_p], ctypes.c_int
    return lib


def _bus_type(kernel32: Any, drive: str) -> int | None:
    """The bus of the disk holding ``drive`` ("E:"), or None when it cannot be told."""
    import ctypes  # here: Linux never needs it

    share_read_write, open_existing = 3, 3
    # No access is asked for: the query needs none, so no administrator's rights either.
    handle = kernel32.CreateFileW("\\\\.\\" + drive, 0, share_read_write, None, open_existing, 0, None)
    if handle is None or handle == ctypes.c_void_p(-1).value:  # INVALID_HANDLE_VALUE
        return None
    try:
        query = (ctypes.c_ubyte * 12)()  # STORAGE_PROPERTY_QUERY: StorageDeviceProperty, PropertyStandardQuery
        out = (ctypes.c_ubyte * 1024)()
        returned = ctypes.c_uint32(0)
        if not kernel32.DeviceIoControl(handle, _IOCTL_STORAGE_QUERY_PROPERTY, query, len(query), out, len(out),
                                        ctypes.pointer(returned), None):
            return None
        if returned.value < _BUS_TYPE_AT + 4:
            return None
        return int.from_bytes(bytes(out[_BUS_TYPE_AT:_BUS_TYPE_AT + 4]), "little")
    finally:
        kernel32.CloseHandle(handle)


def linux_fixed(dev: int, sysfs: Path = Path("/sys")) -> bool:
    """Whether the block device ``dev`` (a file's ``st_dev``) is a fixed, non-USB disk, as sysfs tells."""
    if os.major(dev) == 0:  # network, FUSE and in-memory file systems have no block device
        return False
    device = (sysfs / "dev" / "block" / f"{os.major(dev)}:{os.minor(dev)}").resolve(strict=True)
    if "usb" in device.parts or any(part.startswith("usb") for part in device.parts):
        return False  # USB disks often call themselves not removable
    disk = device if (device / "removable").exists() else device.parent  # a partition: ask its disk
    return (disk / "removable").read_text().strip() == "0"


class MappedFile:
    """A file seen through a sliding window of its own map: only the window being read, and any earlier one
    a helper thread still hashes, are mapped at a time, so the process does not count the whole file as its
    memory. A window is unmapped when the last view into it is let go."""

    def __init__(self, fh: IO[bytes], size: int) -> None:
        self._fileno = fh.fileno()
        self.size = size
        self._base = -1
        self._window: memoryview | None = None

    def view(self, start: int, length: int) -> memoryview:
        """Up to ``length`` bytes from ``start``, fewer at the end of a window or of the file."""
        base = start - start % WINDOW
        if base != self._base:
            self.let_go()
            if base >= self.size:
                return memoryview(b"")
            self._window = memoryview(mmap.mmap(self._fileno, min(WINDOW, self.size - base),
                                                access=mmap.ACCESS_READ, offset=base))
            self._base = base
        assert self._window is not None
        return self._window[start - base:start - base + length]

    def let_go(self) -> None:
        if self._window is not None:
            window, self._window, self._base = self._window, None, -1
            area = window.obj
            with contextlib.suppress(BufferError):  # a helper still reads a slice: unmapped when it is done
                window.release()
                area.close()  # type: ignore[attr-defined]


def hash_mapped(digest: Hashable, fh: IO[bytes], size: int, stop: threading.Event) -> None:
    """Feed the whole file to ``digest`` window by window, straight from the system's file cache, unless
    ``stop`` is set first."""
    for base in range(0, size, WINDOW):
        if stop.is_set():
            return
        with mmap.mmap(fh.fileno(), min(WINDOW, size - base), access=mmap.ACCESS_READ, offset=base) as area:
            digest.update(area)


@contextmanager
def mapped(fh: IO[bytes], path: Path) -> Iterator[MappedFile | None]:
    """The file as a ``MappedFile`` when it may be mapped, else None (read it instead)."""
    size = os.fstat(fh.fileno()).st_size
    if size == 0 or not on_fixed_local_disk(path):
        yield None
        return
    mapped_file = MappedFile(fh, size)
    try:
        yield mapped_file
    finally:
        mapped_file.let_go()
