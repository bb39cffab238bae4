"""Handover packages built without a station, for the verifier's tests: a good one (of a year, or of a
project's cycle), and bad ones made by changing its parts (then re-hashed and re-signed, so only the
intended rule is broken) or by rewriting the zip by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from sgz_desktop.core.archive_demo_files import page_template, scan_jpeg, scanned_pdf
from sgz_desktop.core.crypto import public_key_pem, signing_key
from sgz_desktop.core.package import layout
from sgz_desktop.core.package.bag import BagWriter
from sgz_desktop.core.package.collect import PackageFile, PackageItem, PreCheck, group_counts
from sgz_desktop.core.package.payload import catalogue_files, handover_files, item_metadata, self_check
from sgz_desktop.core.package.scope import Scope
from sgz_desktop.core.reports.package import invariant_pdfs

SECRET = bytes(range(32))
OTHER_SECRET = bytes(range(1, 33))
PATTERN = "{fonds}-{category}·{year}-{retention}-{org}-{item:04d}"
NAME = "Z109-2024-YJ01"
WHEN = dt.datetime(2025, 1, 20, 10, 0)
# A project whose cycle is the first half of 2024: it holds a selection of each group's 件号.
PROJECT = Scope.of_project(7, "楼栋自治·邻里守望", dt.date(2024, 1, 1), dt.date(2024, 6, 30), WHEN.date())
PROJECT_NAME = "Z109-XM007-YJ01"
Files = dict[str, bytes]  # data/... → bytes


def record_files(n: int) -> list[tuple[bytes, str, int | None]]:
    rnd = random.Random(n)
    if n % 3 == 2:
        return [(scan_jpeg(page_template(1), f"扫描{n}", 8_000, rnd), "jpeg", None)]
    return [(scanned_pdf(f"文件{n}", 1 + n % 2, 8_000, rnd), "pdf", 1 + n % 2)]


def items_for(numbers: tuple[int, ...], year: int = 2024) -> tuple[list[PackageItem], dict[str, bytes]]:
    items, blobs = [], {}
    for i, number in enumerate(numbers):
        files = []
        for seq, (data, fmt, pages) in enumerate(record_files(i), start=1):
            sha = hashlib.sha256(data).hexdigest()
            blobs[sha] = data
            files.append(PackageFile(seq, f"原件{i}-{seq}.{fmt}", sha, len(data), fmt, pages))
        danghao = layout.format_danghao(PATTERN, layout.DanghaoParts("Z109", "WS", year, "Y", "BGS", number))
        items.append(PackageItem(i + 1, danghao, "Z109", "WS", "文书", year, "Y", "BGS", "综合办公室", number,
                                 f"后社工〔{year}〕{number}号", "后湖街道社工站", f"关于第{number}项工作的通知",
                                 dt.date(year, 1 + i % 12, 10), "内部", sum(f.pages or 1 for f in files), "", "", "",
                                 dt.datetime(year, 12, 20), "dangan", tuple(files), ()))
    return items, blobs


def payload_files(tmp: Path, numbers: tuple[int, ...], scope: Scope | None = None, name: str = NAME) -> Files:
    """Every payload file of a package for items with these 件号, as bytes by name."""
    scope = scope or Scope.of_year(2024)
    items, blobs = items_for(numbers)
    pre = PreCheck(scope, len(items), sum(len(i.files) for i in items), sum(i.bytes for i in items),
                   sum(i.pages for i in items), group_counts(items, by_year=scope.is_project), (), PATTERN)
    work = tmp / "work"
    work.mkdir(exist_ok=True)
    files: Files = {}
    with invariant_pdfs():
        generated = catalogue_files(work, "后湖街道社工站", scope, PATTERN, items, WHEN.date())
        generated += handover_files(work, "后湖街道社工站", "后湖街道办事处", scope, name, pre, [], WHEN.date())
    for item in items:
        folder = layout.record_folder(item.category, item.retention, item.danghao)
        files[folder + layout.METADATA] = item_metadata(item, PATTERN)
        for f in item.files:
            files[folder + layout.record_file_name(item.danghao, f.seq, f.format)] = blobs[f.sha256]
    for rel, path in generated:
        files[rel] = path.read_bytes()
    files[layout.SELF_CHECK] = self_check(items, pre, scope)
    return files


def bag_info(files: Files, scope: Scope | None = None) -> dict[str, str]:
    """As the exporter writes it (a project package: its scope labels and period too)."""
    info = _year_info(files)
    if scope is not None and scope.is_project:
        info |= {"External-Identifier": PROJECT_NAME, "Archival-Year": scope.archival_years,
                 "External-Description": f"后湖街道社工站 服务项目「{scope.project_name}」档案移交包",
                 layout.PACKAGE_SCOPE: layout.SCOPE_PROJECT, layout.PROJECT_IDENTIFIER: str(scope.project_id),
                 layout.PROJECT_NAME: scope.project_name, layout.PROJECT_PERIOD: scope.period}
    return info


def _year_info(files: Files) -> dict[str, str]:
    items = sum(1 for rel in files if rel.endswith("/" + layout.METADATA))
    return {"Source-Organization": "后湖街道社工站", "Contact-Name": "赵敏", "Contact-Phone": "027-82345678",
            "External-Description": "后湖街道社工站 2024 年度档案移交包", "Bagging-Date": "2025-01-20",
            "External-Identifier": NAME, "Bag-Count": "1 of 1", "BagIt-Profile-Identifier": layout.PROFILE_ID,
            "Fonds-Number": "Z109", "Archival-Year": "2024", "Recipient-Organization": "后湖街道办事处",
            "Item-Count": str(items)}


def write_bag(folder: Path, files: Files, *, secret: bytes = SECRET, name: str = NAME,
              info: dict[str, str] | None = None) -> Path:
    """The zip with its .sha256 beside it, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{name}.zip"
    with out.open("wb") as fh:
        bag = BagWriter(fh, name, WHEN)
        for rel in sorted(files):
            bag.add_bytes(rel, files[rel])
        result = bag.finish(info or bag_info(files), signing_key(secret).sign, public_key_pem(secret))
    (folder / f"{name}.zip.sha256").write_text(f"{result.zip_sha256}  {out.name}\n", encoding="utf-8")
    return out


def good_package(tmp: Path, numbers: tuple[int, ...] = (1, 2, 3, 4), edit: Callable[[Files], None] | None = None
                 ) -> Path:
    files = payload_files(tmp, numbers)
    if edit is not None:
        edit(files)
    return write_bag(tmp / "carrier", files)


def project_package(tmp: Path, numbers: tuple[int, ...] = (2, 5, 9), edit: Callable[[Files], None] | None = None,
                    info: Callable[[dict[str, str]], None] | None = None) -> Path:
    """A project package: a selection of 件号 (not 0001…n), dated inside ``PROJECT``'s cycle."""
    files = payload_files(tmp, numbers, PROJECT, PROJECT_NAME)
    if edit is not None:
        edit(files)
    labels = bag_info(files, PROJECT)
    if info is not None:
        info(labels)
    return write_bag(tmp / "carrier", files, name=PROJECT_NAME, info=labels)


# --- rewriting a finished zip by hand ---------------------------------------------------------------

def rezip(source: Path, target: Path, change: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], None]) -> Path:
    """Copy the members of ``source`` into ``target`` after ``change`` edits the list; the sidecar is
    recomputed so that only the change itself can fail a check."""
    with zipfile.ZipFile(source) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    change(members)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as z:
        for info, data in members:
            z.writestr(info, data)
    resign_sidecar(target)
    return target


def resign_sidecar(path: Path) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n", encoding="utf-8")


def flip_in_place(path: Path, offsets: list[int], mask: int = 0x20) -> None:
    """Change bytes of a package the way another program would while it is being checked: in place. Rewriting
    the whole file instead cuts it short for a moment, and a verifier that maps it (``mapping``) is then ended
    by the system (SIGBUS) as soon as it touches a page past the cut: on Linux, where nothing stops the cut."""
    with path.open("r+b") as fh:
        for at in offsets:
            fh.seek(at)
            byte = fh.read(1)[0]
            fh.seek(at)
            fh.write(bytes([byte ^ mask]))


def zero_deflate(size: int) -> bytes:
    """A genuine raw-deflate stream of ``size`` zero bytes, made in milliseconds (independent blocks)."""
    piece = 1 << 20
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(piece)) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * (size // piece) + b"\x03\x00"


def raw_member(name: str | bytes, data: bytes, size: int, method: int = 8, crc: int = 0, flags: int = 0x800
               ) -> tuple[bytes, bytes]:
    """A local header + data and its central-directory record (offset patched in by ``append_raw``); a name
    given as bytes is written as it is."""
    raw = name if isinstance(name, bytes) else name.encode()
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, flags, method, 0, 0x5A21, crc, len(data), size, len(raw), 0)
    central = struct.pack("<4s4H2H3I5H2I", b"PK\x01\x02", 20, 20, flags, method, 0, 0x5A21, crc, len(data), size,
                          len(raw), 0, 0, 0, 0, 0, 0)
    return local + raw + data, central + raw


def append_raw(path: Path, name: str | bytes, data: bytes, size: int, method: int = 8, flags: int = 0x800) -> None:
    """Add a member written by hand (declared size ``size``) to an existing zip."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    blob = path.read_bytes()
    end = blob.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack("<I", blob[end + 16:end + 20])[0]
    cd_size = struct.unpack("<I", blob[end + 12:end + 16])[0]
    local, central = raw_member(name, data, size, method, flags=flags)
    central = central[:42] + struct.pack("<I", cd_offset) + central[46:]
    body = blob[:cd_offset] + local
    directory = blob[cd_offset:cd_offset + cd_size] + central
    count = len(infos) + 1
    eocd = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    path.write_bytes(body + directory + eocd)
    resign_sidecar(path)
