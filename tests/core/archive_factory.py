"""Archive test helpers: real small files (PDF, JPEG, PNG), the archivist's login, a quick item."""

from __future__ import annotations

import datetime as dt
import random
from itertools import count
from pathlib import Path

from sgz_desktop.core import archive_filing, archives, users
from sgz_desktop.core.archive_demo_files import page_template, scan_jpeg, scan_png, scanned_pdf
from sgz_desktop.core.archives import ItemInfo, ItemInput
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station

ARCHIVIST_PASSWORD = "Dangan2026pw"
_serial = count(1)


def write_pdf(folder: Path, name: str = "", pages: int = 2, size: int = 20_000) -> Path:
    n = next(_serial)
    path = folder / (name or f"文件{n}.pdf")
    path.write_bytes(scanned_pdf(f"测试文件{n}", pages, size, random.Random(n)))
    return path


def write_jpeg(folder: Path, name: str = "", size: int = 30_000) -> Path:
    n = next(_serial)
    path = folder / (name or f"扫描{n}.jpg")
    path.write_bytes(scan_jpeg(page_template(1), f"扫描{n}", size, random.Random(n)))
    return path


def write_png(folder: Path, name: str = "") -> Path:
    n = next(_serial)
    path = folder / (name or f"照片{n}.png")
    path.write_bytes(scan_png(page_template(0), f"照片{n}", 20_000, random.Random(n)))
    return path


def archivist(st: Station, admin: Actor, username: str = "dangan") -> Actor:
    users.create_user(st, admin, username=username, display_name="赵敏", role=Role.ARCHIVIST,
                      password=ARCHIVIST_PASSWORD)
    return users.login(st, username, ARCHIVIST_PASSWORD)


def social_worker(st: Station, admin: Actor) -> Actor:
    users.create_user(st, admin, username="shegong", display_name="刘强", role=Role.SOCIAL_WORKER,
                      password=ARCHIVIST_PASSWORD)
    return users.login(st, "shegong", ARCHIVIST_PASSWORD)


def item(title: str = "关于开展2025年度困难群众走访慰问的通知", on: dt.date = dt.date(2025, 3, 12),
         **values: object) -> ItemInput:
    base = dict(responsible="后湖街道社工站", category="WS", retention="D30", org_code="BGS",
                doc_number="后社工〔2025〕3号")
    base.update(values)
    return ItemInput(title, on, **base)  # type: ignore[arg-type]


def filed(st: Station, actor: Actor, folder: Path, data: ItemInput | None = None) -> ItemInfo:
    """A registered draft with one PDF."""
    return archives.register_item(st, actor, data or item(), [write_pdf(folder)])


def finalised(st: Station, editor: Actor, keeper: Actor, folder: Path, data: ItemInput | None = None) -> ItemInfo:
    return archive_filing.finalise(st, keeper, [filed(st, editor, folder, data).id])[0]


def keeper_of_a_year(st: Station, admin: Actor, folder: Path, year: int, items: int = 3, month: int = 4) -> Actor:
    """The archivist, with ``items`` finalised 走访 notices of ``year`` (where the yearly package's tests start)."""
    keeper = archivist(st, admin)
    folder.mkdir(exist_ok=True)
    for n in range(items):
        finalised(st, keeper, keeper, folder, item(f"关于第{n}次走访的通知", dt.date(year, month, 1 + n)))
    return keeper


def empty_folder(parent: Path, name: str) -> Path:
    """A new, empty folder: where an export goes (a USB drive's, as the user would choose)."""
    path = parent / name
    path.mkdir()
    return path
