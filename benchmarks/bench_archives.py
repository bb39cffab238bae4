"""Archive benchmark (issue 6), side by side in one run:

(a) ingest of 1 000 files of 1 MB (JPEG scans of random content): copied into the attachment store,
    hashed, flushed and renamed, recorded as 1 000 draft items in one transaction (``register_many``),
    against the floor of reading and SHA-256-hashing the same files once with hashlib (target: within 2×),
    and, to show where the time goes, against writing each file once more and flushing it to disk.
(b) the archive list over 10 000 items: the Archives page built (count + first page of 200 rows) and
    painted, in a fresh process. Target: first rows in under 300 ms.

Nothing is deleted until every run is done: on ext4 without a journal (this VM's disk) each new file's
inode is chosen past every inode freed in the last one to five minutes (the kernel's ``recently_deleted``),
so a run that follows the deletion of the previous run's few thousand files pays for it, a cost no office
PC adding its scans would see. For the same reason, start it a few minutes after deleting many files.

Not part of the test suite. Usage:
``python benchmarks/bench_archives.py [--runs 3] [--files 1000] [--items 10000] [--dir D] [--json out.json]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PASSWORD = "Bench2026pw"
MB = 1 << 20
TARGETS = {"ingest_ratio": 2.0, "list_first_rows_ms": 300}


def new_station(root: Path) -> Any:
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.secrets import FileSecretStore
    from sgz_desktop.core.setup import NewStation, init_station

    data = DataDir(root)
    st, _key = init_station(data, NewStation(
        name="基准测试社工站", subdistrict="后湖街道", district="江岸区", district_type="中心城区", fonds_code="Z109",
        admin_username="fuzhanzhang", admin_display_name="王丽", admin_password=PASSWORD,
        operator_org="武汉市江岸区同心社会工作服务中心", city_avg_wage_fen=850_000, communities=("后湖社区",)),
        secret_store=FileSecretStore(data.secret_file))
    return st


def scans(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for i in range(count):
        path = folder / f"扫描件{i:04d}.jpg"
        path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(MB - 4))
        paths.append(path)
    return paths


def floor_seconds(paths: list[Path]) -> float:
    """Each file read once into one reused buffer and hashed: the least a plain hashlib script can do (a fresh
    buffer per read costs the page faults of a new allocation each time, ~0.4 s per gigabyte here)."""
    buffer = bytearray(MB)
    view = memoryview(buffer)
    started = time.perf_counter()
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb", buffering=0) as fh:
            while n := fh.readinto(buffer):
                digest.update(view[:n])
    return time.perf_counter() - started


def write_floor_seconds(paths: list[Path], target: Path) -> float:
    """What the disk allows: each file written once more and flushed to disk (``dd conv=fsync`` per file)."""
    target.mkdir(parents=True)
    started = time.perf_counter()
    for i, path in enumerate(paths):
        with path.open("rb") as src, (target / f"{i}").open("wb") as dst:
            while chunk := src.read(MB):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    return time.perf_counter() - started  # the copies stay until every run is done (see the top)


def ingest_run(work: Path, count: int) -> dict[str, float]:
    from sgz_desktop.core import archives
    from sgz_desktop.core.archives import ItemInput
    from sgz_desktop.core.roles import SYSTEM

    paths = scans(work / "scans", count)
    os.sync()  # the scans were just written: their own write-back is not part of anyone's ingest
    floor_seconds(paths)  # both sides read warm files: the page cache holds them after this first pass
    floor = floor_seconds(paths)
    st = new_station(work / "station")
    try:
        entries = [(ItemInput(f"2025年第{i}号凭证扫描件", dt.date(2025, 5, 1), retention="D30", category="KU",
                              record_kind="记账凭证"), [p]) for i, p in enumerate(paths)]
        started = time.perf_counter()
        infos = archives.register_many(st, SYSTEM, entries)
        ingest = time.perf_counter() - started
        assert len(infos) == count and all(i.file_count == 1 for i in infos)
    finally:
        st.close()
    # After the ingest: freeing a gigabyte just written keeps this disk busy for a while.
    write_floor = write_floor_seconds(paths, work / "copies")
    return {"floor_s": floor, "write_floor_s": write_floor, "ingest_s": ingest, "ratio": ingest / floor,
            "ratio_to_write_floor": ingest / write_floor}


def make_list_station(root: Path, items: int) -> None:
    """``items`` archive items (most filed, with their 档号), each with a file row, inserted in bulk."""
    from sgz_desktop.core import archives
    from sgz_desktop.core.archive_numbering import NumberParts, format_number
    from sgz_desktop.core.models import ArchiveFile, ArchiveItem
    from sgz_desktop.core.roles import SYSTEM

    st = new_station(root)
    try:
        sample = root.parent / "sample.jpg"
        sample.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(4000))
        stored = archives.ingest_files(st, [sample])[0]
        now = dt.datetime(2026, 3, 2, 9, 0)
        numbers: dict[tuple[str, int, str, str], int] = {}
        with st.begin(SYSTEM) as s:
            for first in range(0, items, 1000):
                rows = []
                for i in range(first, min(first + 1000, items)):
                    year, category = 2016 + i % 10, ("WS", "KU")[i % 2]
                    retention, org = ("Y", "D30", "D10")[i % 3], ("BGS", "CW")[i % 2]
                    rows.append(ArchiveItem(status="draft", fonds_code="Z109", category=category, year=year,
                                            retention=retention, org_code=org, title=f"第{i}号文件：关于社区服务的报告",
                                            responsible="基准测试社工站", doc_number=f"后社工〔{year}〕{i}号",
                                            doc_date=dt.date(year, 1 + i % 12, 1 + i % 28), pages=1,
                                            classification="内部", record_kind="", notes="", source_kind="",
                                            created_at=now, created_by="bench", finalised_by=""))
                s.add_all(rows)
                s.flush()
                for row in rows:
                    s.add(ArchiveFile(item_id=row.id, seq=1, file_name=stored.original_name, sha256=stored.sha256,
                                      size_bytes=stored.size, format=stored.format, pages=None, added_at=now))
                    if row.id % 20:  # one in twenty stays a draft
                        group = (row.category, row.year, row.retention, row.org_code)
                        numbers[group] = numbers.get(group, 0) + 1
                        row.status, row.item_number = "final", numbers[group]
                        row.danghao = format_number("{fonds}-{category}·{year}-{retention}-{org}-{item:04d}",
                                                    NumberParts("Z109", *group, numbers[group]))
                        row.finalised_at, row.finalised_by = now, "bench"
                s.flush()
    finally:
        st.close()


LIST_CHILD = """
import os, sys, time, json
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sgz_desktop.ui.i18n import install_translators
keep = install_translators(app, "zh_CN")
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM
from sgz_desktop.core.station import open_station
from sgz_desktop.ui.archives_page import ArchivesPage
st = open_station(DataDir(Path(sys.argv[1])))
started = time.perf_counter()
page = ArchivesPage(st, SYSTEM)
page.resize(1400, 820)
page.show()
page.grab()
shown = time.perf_counter() - started
rows = page.table.model.rowCount()
total = page.table.model.total
started = time.perf_counter()
page.table.filter_edit.setText("报告")
page.table.apply_text_filter()
page.grab()
filtered = time.perf_counter() - started
print(json.dumps({"first_rows_ms": shown * 1000, "rows": rows, "total": total, "filter_ms": filtered * 1000}))
"""


def list_run(data: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, "-c", LIST_CHILD, str(data)], capture_output=True, text=True, env=env,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one, removed after)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="sgz-bench-archives-"))
    results: dict[str, Any] = {"ingest": [], "list": []}
    try:
        for run in range(args.runs):
            folder = work / f"ingest{run}"
            results["ingest"].append(ingest_run(folder, args.files))
            r = results["ingest"][-1]
            print(f"ingest run {run + 1}: read+hash floor {r['floor_s']:.2f} s, durable-write floor "
                  f"{r['write_floor_s']:.2f} s, ingest {r['ingest_s']:.2f} s: {r['ratio']:.2f}× / "
                  f"{r['ratio_to_write_floor']:.2f}×", flush=True)
        list_dir = work / "list" / "station"
        list_dir.parent.mkdir(parents=True, exist_ok=True)
        make_list_station(list_dir, args.items)
        for run in range(args.runs):
            results["list"].append(list_run(list_dir))
            r = results["list"][-1]
            print(f"list run {run + 1}: first rows {r['first_rows_ms']:.0f} ms ({r['rows']} of {r['total']}), "
                  f"filter {r['filter_ms']:.0f} ms", flush=True)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    summary = {
        "ingest_ratio_median": statistics.median(r["ratio"] for r in results["ingest"]),
        "ingest_s_median": statistics.median(r["ingest_s"] for r in results["ingest"]),
        "floor_s_median": statistics.median(r["floor_s"] for r in results["ingest"]),
        "write_floor_s_median": statistics.median(r["write_floor_s"] for r in results["ingest"]),
        "ratio_to_write_floor_median": statistics.median(r["ratio_to_write_floor"] for r in results["ingest"]),
        "list_first_rows_ms_median": statistics.median(r["first_rows_ms"] for r in results["list"]),
        "list_filter_ms_median": statistics.median(r["filter_ms"] for r in results["list"]),
        "targets": TARGETS,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps({**results, "summary": summary}, ensure_ascii=False, indent=2))
    ok = summary["ingest_ratio_median"] <= TARGETS["ingest_ratio"] and \
        summary["list_first_rows_ms_median"] < TARGETS["list_first_rows_ms"]
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
