"""Volunteer area benchmark on a scale-10 demo station (over 100 000 point transactions):

(a) the points ledger page: building it until its first rows are painted;
(b) filtering that page by one volunteer;
(c) a volunteer's balance (the running total: one indexed lookup), checked against the ledger's sum;
(d) importing a 10 000-row sign-in sheet (all rows checked, then written in one transaction).

Targets from issue 4: 300 ms, 150 ms, 5 ms, 10 s. Medians of several runs. Not part of the test suite.
Usage: ``python benchmarks/bench_volunteers.py [--runs 5] [--data-dir D] [--keep]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BIN = Path(sys.executable).parent
PASSWORD = "Bench2026pw"
TARGETS = {"ledger_first_paint_ms": 300, "ledger_filter_ms": 150, "balance_ms": 5, "import_10000_s": 10}
SHEET_ROWS = 10_000


def make_station(data: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "sgz"), "--data-dir", str(data), "demo", "--scale", "10", "--password", PASSWORD],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def measure_ledger(data: Path, runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from sgz_desktop.core import users
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.station import open_station
    from sgz_desktop.ui.volunteers_points import PointsLedgerTab

    app = QApplication.instance() or QApplication([])
    st = open_station(DataDir(data))
    actor = users.login(st, "fuzhanzhang", PASSWORD)
    rows = st.engine.connect().exec_driver_sql("SELECT count(*), max(volunteer_id) FROM point_transaction").one()
    paint, filtering = [], []
    rnd = random.Random(4)
    for _ in range(runs):
        started = time.perf_counter()
        tab = PointsLedgerTab(st, actor, None)  # type: ignore[arg-type]
        tab.resize(1200, 700)
        tab.show()
        app.processEvents()
        tab.grab()
        paint.append((time.perf_counter() - started) * 1000)
        vid = rnd.randint(1, int(rows[1]))
        started = time.perf_counter()
        tab.table.set_filter("volunteer_id", vid)
        app.processEvents()
        tab.grab()
        filtering.append((time.perf_counter() - started) * 1000)
        tab.close()
        tab.deleteLater()
        app.processEvents()
    st.close()
    return {"transactions": int(rows[0]), "ledger_first_paint_ms": round(statistics.median(paint), 1),
            "ledger_filter_ms": round(statistics.median(filtering), 1)}


def measure_balance(data: Path, samples: int = 300) -> dict[str, Any]:
    from sgz_desktop.core import volunteer_points
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.roles import SYSTEM
    from sgz_desktop.core.station import open_station

    st = open_station(DataDir(data))
    top = st.engine.connect().exec_driver_sql("SELECT max(volunteer_id) FROM point_transaction").scalar_one()
    rnd = random.Random(5)
    times, mismatches = [], 0
    for _ in range(samples):
        vid = rnd.randint(1, int(top))
        started = time.perf_counter()
        balance = volunteer_points.balance(st, SYSTEM, vid)
        times.append((time.perf_counter() - started) * 1000)
        mismatches += balance != volunteer_points.ledger_sum(st, vid)
    st.close()
    return {"balance_ms": round(statistics.median(times), 2), "balance_mismatches": mismatches}


def write_sheet(data: Path, path: Path) -> int:
    """10 000 rows: 500 early-morning activities (no demo activity starts before 08:30) of 20 volunteers."""
    from openpyxl import Workbook

    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.station import open_station

    st = open_station(DataDir(data))
    with st.engine.connect() as conn:
        people = conn.exec_driver_sql("SELECT volunteer_no, registered_on FROM volunteer WHERE status = '在册' "
                                      "ORDER BY id").all()
    st.close()
    today = dt.date.today()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("志愿服务签到表")
    ws.append(["活动名称", "活动日期", "开始时间", "结束时间", "服务类型", "志愿者编号", "服务时长（小时）"])
    rnd = random.Random(6)
    written = 0
    for n in range(SHEET_ROWS // 20):
        day = today - dt.timedelta(days=5 + n)
        eligible = [no for no, reg in people if dt.date.fromisoformat(str(reg)) <= day]
        for no in rnd.sample(eligible, 20):
            ws.append([f"晨间巡河护绿 {n + 1}", day, "06:00", "07:00", "环境保护", no, 1])
            written += 1
    wb.save(path)
    return written


def measure_import(data: Path, folder: Path) -> dict[str, Any]:
    from sgz_desktop.core import users, volunteer_signin
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.station import open_station

    sheet = folder / "signin-10000.xlsx"
    rows = write_sheet(data, sheet)
    st = open_station(DataDir(data))
    actor = users.login(st, "fuzhanzhang", PASSWORD)
    started = time.perf_counter()
    preview = volunteer_signin.import_sign_in(st, actor, sheet, dry_run=True)
    dry = time.perf_counter() - started
    started = time.perf_counter()
    done = volunteer_signin.import_sign_in(st, actor, sheet)
    real = time.perf_counter() - started
    st.close()
    return {"sheet_rows": rows, "dry_run_lines": len(preview.lines), "imported_lines": len(done.lines),
            "import_dry_run_s": round(dry, 2), "import_10000_s": round(real, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="an existing scale-10 demo station (else one is made)")
    parser.add_argument("--keep", action="store_true", help="keep the station made for the run")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sgz-bench-volunteers-"))
    data = args.data_dir or folder / "station"
    results: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine()}
    try:
        if args.data_dir is None:
            results["demo_s"] = round(make_station(data), 1)
        results.update(measure_ledger(data, args.runs))
        results.update(measure_balance(data))
        results.update(measure_import(data, folder))
    finally:
        if not args.keep and args.data_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    results["targets"] = TARGETS
    results["met"] = {key: results[key] <= limit for key, limit in TARGETS.items()}
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0 if all(results["met"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
