"""The package read through a memory map (fixed local disks) and through ordinary reads (anything else) must
reach the same findings; only fixed, non-USB disks are mapped."""

from __future__ import annotations

import ctypes
import gc
import mmap
import os
import random
import struct
import weakref
import zipfile
from pathlib import Path

import pytest

from sgz_desktop.core.package import mapping
from sgz_desktop.core.package.report import VerifyReport
from sgz_desktop.core.package.verify import verify_package
from tests.core.package_factory import NAME, append_raw, good_package, rezip


def _tampered(tmp: Path) -> Path:
    """A package with several faults at once: a flipped byte, an added file, an encrypted member, a member of
    broken deflate."""
    (tmp / "good").mkdir()
    source = good_package(tmp / "good")
    target = tmp / "bad" / source.name

    def change(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        at = next(i for i, (info, _) in enumerate(members) if info.filename.endswith(".pdf"))
        info, data = members[at]
        members[at] = (info, data[:200] + bytes([data[200] ^ 1]) + data[201:])
        members.append((zipfile.ZipInfo(f"{NAME}/data/extra.txt"), b"not in any manifest"))

    rezip(source, target, change)
    # An encrypted member is not read: the reader jumps over it into the middle of a later window.
    append_raw(target, f"{NAME}/data/locked.bin", random.Random(7).randbytes(200_003), 200_003, method=0, flags=0x801)
    append_raw(target, f"{NAME}/data/broken.txt", b"\xff" * 4000, 40_000)
    return target


def _findings(report: VerifyReport) -> list[tuple[int, tuple[str, ...]]]:
    return [(c.number, tuple(c.failures)) for c in report.checks]


DEFAULT_WINDOW = mapping.WINDOW


@pytest.mark.parametrize("window", [DEFAULT_WINDOW, 64 * 1024])  # one window, or pieces cut at many windows
def test_mapped_and_read_packages_give_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         window: int) -> None:
    package = _tampered(tmp_path)
    monkeypatch.setattr(mapping, "WINDOW", window)
    maps: list[weakref.ref[mmap.mmap]] = []
    real_mmap = mmap.mmap

    def counting_mmap(fileno: int, length: int, **kwargs: int) -> mmap.mmap:
        area = real_mmap(fileno, length, **kwargs)
        maps.append(weakref.ref(area))
        return area

    monkeypatch.setattr(mapping.mmap, "mmap", counting_mmap)
    monkeypatch.setattr(mapping, "on_fixed_local_disk", lambda path: False)
    read = verify_package(package)
    assert not maps
    monkeypatch.setattr(mapping, "on_fixed_local_disk", lambda path: True)
    mapped = verify_package(package)
    assert len(maps) >= (2 if window == DEFAULT_WINDOW else 2 * package.stat().st_size // window)
    gc.collect()
    # Nothing keeps the file mapped once the check is over (on Windows it could not be renamed or deleted).
    assert all(area is None or area.closed for area in (ref() for ref in maps))
    if Path("/proc/self/maps").exists():
        assert str(package) not in Path("/proc/self/maps").read_text()

    assert _findings(read) == _findings(mapped)
    assert read.zip_sha256 == mapped.zip_sha256 != ""
    assert {3, 6, 13} <= {c.number for c in mapped.failed}
    assert "broken.txt：压缩数据不完整或已损坏" in "\n".join(mapped.check(13).failures)
    assert "locked.bin" in "\n".join(mapped.check(12).failures)
    assert "extra.txt" in "\n".join(mapped.check(6).failures)


def _sysfs(root: Path, device: str, removable: str, partition: bool) -> Path:
    disk = root / device
    disk.mkdir(parents=True)
    (disk / "removable").write_text(removable + "\n")
    target = disk / (disk.name + "1") if partition else disk
    target.mkdir(exist_ok=True)
    link = root / "dev" / "block" / "8:1"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    return root


@pytest.mark.parametrize(("device", "removable", "partition", "fixed"), [
    ("devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda", "0", True, True),
    ("devices/pci0000:00/0000:00:02.0/virtio1/block/vda", "0", False, True),
    ("devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host4/target4:0:0/4:0:0:0/block/sdb", "0", True, False),
    ("devices/pci0000:00/0000:00:1d.0/mmc_host/mmc0/mmc0:0001/block/mmcblk0", "1", True, False),
])
def test_only_fixed_disks_that_are_not_usb_are_mapped(tmp_path: Path, device: str, removable: str,
                                                       partition: bool, fixed: bool) -> None:
    sysfs = _sysfs(tmp_path / "sys", device, removable, partition)
    assert mapping.linux_fixed(os.makedev(8, 1), sysfs) is fixed
    assert mapping.linux_fixed(os.makedev(0, 52), sysfs) is False  # NFS, FUSE, tmpfs: no block device


class _Kernel32:
    """Windows' kernel32 as far as ``mapping.windows_fixed`` asks it: a drive's type, then its disk's bus from
    IOCTL_STORAGE_QUERY_PROPERTY, answered with a STORAGE_DEVICE_DESCRIPTOR laid out as Windows lays it."""

    def __init__(self, drive_type: int, bus: int | None, handle: int | None = 0x1A4) -> None:
        self.drive_type, self.bus, self.handle = drive_type, bus, handle
        self.opened: list[str] = []
        self.closed: list[int] = []

    def GetDriveTypeW(self, root: str) -> int:
        assert root == "E:\\"
        return self.drive_type

    def CreateFileW(self, name: str, access: int, share: int, security: None, how: int, flags: int,
                    template: None) -> int | None:
        assert (access, share, how) == (0, 3, 3)  # no access asked, others may read and write, open existing
        self.opened.append(name)
        return self.handle

    def DeviceIoControl(self, handle: int, code: int, query: ctypes.Array[ctypes.c_ubyte], query_len: int,
                        out: ctypes.Array[ctypes.c_ubyte], out_len: int,
                        returned: ctypes._Pointer[ctypes.c_uint32], overlapped: None) -> int:
        assert code == 0x002D1400 and bytes(query) == bytes(12) and query_len == 12 and out_len == len(out)
        if self.bus is None:
            return 0
        descriptor = struct.pack("<II4B4I", 1, 40, 0, 0, 0, 1, 0, 0, 0, 0) + struct.pack("<II", self.bus, 0)
        out[:len(descriptor)] = list(descriptor)
        returned.contents.value = len(descriptor)
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed.append(handle)
        return 1


@pytest.mark.parametrize(("drive_type", "bus", "fixed"), [
    (3, 17, True),   # an NVMe disk inside the computer
    (3, 11, True),   # SATA
    (3, 7, False),   # a USB hard disk: Windows calls it fixed, its bus says USB
    (3, 12, False),  # an SD card
    (3, 15, False),  # a file-backed virtual disk (a mounted VHD)
    (3, None, False),  # the bus cannot be told
    (2, 7, False),   # a USB stick: removable
    (4, None, False),  # a network drive
])
def test_on_windows_only_fixed_disks_inside_the_computer_are_mapped(drive_type: int, bus: int | None,
                                                                     fixed: bool) -> None:
    kernel32 = _Kernel32(drive_type, bus)
    assert mapping.windows_fixed("E:\\交接\\Z109-2025-YJ01.zip", kernel32) is fixed
    asked = drive_type == 3
    assert kernel32.opened == (["\\\\.\\E:"] if asked else []) and kernel32.closed == ([0x1A4] if asked else [])


def test_on_windows_a_share_or_a_disk_that_cannot_be_opened_is_read_not_mapped() -> None:
    assert mapping.windows_fixed("\\\\server\\share\\p.zip", _Kernel32(3, 17)) is False
    refused = _Kernel32(3, 17, handle=ctypes.c_void_p(-1).value)
    assert mapping.windows_fixed("E:\\p.zip", refused) is False and refused.closed == []


def test_a_disk_that_cannot_be_told_is_read_not_mapped(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        mapping.linux_fixed(os.makedev(8, 1), tmp_path / "no-sysfs")
    assert mapping.on_fixed_local_disk(tmp_path / "missing.zip") is False


@pytest.mark.parametrize("mappable", [True, False])
def test_reads_at_any_offset_cross_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mappable: bool) -> None:
    from sgz_desktop.core.package.zipread import ZipBytes

    rng = random.Random(3)
    data = rng.randbytes(300_001)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    monkeypatch.setattr(mapping, "WINDOW", 64 * 1024)
    monkeypatch.setattr(mapping, "on_fixed_local_disk", lambda p: mappable)
    with ZipBytes(path) as source:
        for _ in range(200):
            at, n = rng.randrange(0, 310_000), rng.randrange(0, 150_000)
            assert source.read_at(at, n) == data[at:at + n]
