"""A package read through a memory map, where that is safe.

Why: hashing straight from the operating system's file cache spares copying every byte into the process;
on a warm gigabyte that is a fifth of the verifier's time. But a mapped file whose disk goes away (a USB
stick pulled out mid-check) or that another program cuts short ends the process (SIGBUS) instead of
raising an error, so only a file on a fixed local disk is mapped. Anything else (removable, USB, network,
or not known) is read with ordinary reads, which turn the same mishaps into a reported error.
"""

from __future__ import annotations

import mmap
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def on_fixed_local_disk(path: Path) -> bool:
    """True only when the file's disk is known to be fixed and local."""
    try:
        if sys.platform == "win32":
            return _windows_fixed(path)
        if sys.platform.startswith("linux"):
            return linux_fixed(os.stat(path).st_dev)
    except (OSError, ValueError, AttributeError):
        pass
    return False


def _windows_fixed(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive or drive.startswith("\\\\"):  # a UNC path: a network share
        return False
    drive_fixed = 3
    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")) == drive_fixed  # type: ignore[attr-defined]


def linux_fixed(dev: int, sysfs: Path = Path("/sys")) -> bool:
    """Whether the block device ``dev`` (a file's ``st_dev``) is a fixed, non-USB disk, as sysfs tells."""
    if os.major(dev) == 0:  # network, FUSE and in-memory file systems have no block device
        return False
    device = (sysfs / "dev" / "block" / f"{os.major(dev)}:{os.minor(dev)}").resolve(strict=True)
    if "usb" in device.parts or any(part.startswith("usb") for part in device.parts):
        return False  # USB disks often call themselves not removable
    disk = device if (device / "removable").exists() else device.parent  # a partition: ask its disk
    return (disk / "removable").read_text().strip() == "0"


@contextmanager
def mapped(fh: IO[bytes], path: Path) -> Iterator[memoryview | None]:
    """The whole file as a read-only view when it may be mapped, else None (read it instead)."""
    if not on_fixed_local_disk(path):
        yield None
        return
    try:
        area = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # an empty file cannot be mapped; nor can some special files
        yield None
        return
    view = memoryview(area)
    try:
        yield view
    finally:
        try:
            view.release()
            area.close()
        except BufferError:  # a slice still held somewhere: the map goes when that does
            pass
