"""Foundation benchmark: a scale-10 demo station whose audit log holds 100 000 entries, then

(a) cold start of ``sgz-desktop`` to the main window shown (its own SGZ_TIMING line), with peak RSS;
(b) opening the audit log page (count + first page + paint) over the 100 000 rows;
(c) applying a text filter to it (the debounce delay not counted), plus other filters and sorts;
(d) peak RSS of the table process.

Each measurement runs in a fresh process, several times; the median is reported. Not part of the
test suite. Usage: ``python benchmarks/bench_foundation.py [--runs 5] [--data-dir D] [--keep]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "Bench2026pw"
USER = "fuzhanzhang"
ENTRIES = 100_000
TARGETS = {"window_ms": 1500, "first_paint_ms": 300, "filter_ms": 150, "rss_mb": 300}


# --- building the station ------------------------------------------------------------------------

def make_station(data: Path, entries: int) -> dict[str, Any]:
    started = time.perf_counter()
    subprocess.run([str(BIN / "sgz"), "--data-dir", str(data), "demo", "--scale", "10", "--password", PASSWORD],
                   check=True, capture_output=True, env=child_env())
    demo_s = time.perf_counter() - started
    from sqlalchemy import func, insert, select

    from sgz_desktop.core.models import AuditEntry
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.roles import SYSTEM
    from sgz_desktop.core.station import open_station

    st = open_station(DataDir(data))
    try:
        with st.read() as s:
            have = s.scalar(select(func.count(AuditEntry.id))) or 0
        started = time.perf_counter()
        for first in range(have, entries, 20_000):
            rows = [synthetic_entry(i) for i in range(first, min(first + 20_000, entries))]
            with st.begin(SYSTEM) as s:
                s.execute(insert(AuditEntry), rows)
        fill_s = time.perf_counter() - started
        with st.read() as s:
            total = s.scalar(select(func.count(AuditEntry.id))) or 0
    finally:
        st.close()
    return {"demo_s": round(demo_s, 2), "fill_s": round(fill_s, 2), "audit_entries": total,
            "db_mb": round((data / "station.db").stat().st_size / 2**20, 1)}


STAFF_FIELDS = ("cert_date", "cert_level", "cert_number", "community_id", "contract_end", "employment",
                "experience_years", "gender", "hire_date", "id", "id_number", "id_number_index", "leave_date",
                "monthly_pay_fen", "name", "notes", "phone", "post", "social_insurance", "sw_background")
USERS = ("fuzhanzhang", "shegong", "caiwu", "dangan", "zhanzhang")


def synthetic_entry(i: int) -> dict[str, Any]:
    """A mix like a few years of office use: staff inserts and edits, logins, settings changes."""
    at = dt.datetime(2023, 1, 1, 8) + dt.timedelta(minutes=15 * i)
    user = USERS[i % len(USERS)]
    base = dict(at=at, user_id=None, username=user, record_id=str(i % 5000), summary="", before_json="",
                after_json="")
    kind = i % 20
    if kind in (0, 1):
        return {**base, "action": "login", "table_name": "app_user", "summary": f"{user} 登录"}
    if kind == 2:
        values = {f: f"值{i}" for f in STAFF_FIELDS}
        values.update(id=i, name=f"员工{i}", monthly_pay_fen=500_000 + i, id_number="〈已加密〉", phone="〈已加密〉")
        return {**base, "action": "insert", "table_name": "staff",
                "after_json": json.dumps(values, ensure_ascii=False, sort_keys=True)}
    if kind == 3:
        return {**base, "action": "update", "table_name": "setting", "record_id": "continuing_ed_hours",
                "before_json": json.dumps({"value": "72"}), "after_json": json.dumps({"value": str(72 + i % 5)})}
    return {**base, "action": "update", "table_name": "staff",
            "before_json": json.dumps({"monthly_pay_fen": 500_000 + i, "notes": f"第{i}次调整前"}, ensure_ascii=False),
            "after_json": json.dumps({"monthly_pay_fen": 500_100 + i, "notes": f"第{i}次调整后"}, ensure_ascii=False)}


# --- (a) cold start -------------------------------------------------------------------------------

def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[int, str, str, float, float]:
    """Run a child; return exit code, stdout, stderr, its peak RSS (MB) and CPU seconds, via wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode(), err.read().decode(), usage.ru_maxrss / 1024,
                usage.ru_utime + usage.ru_stime)


def child_env() -> dict[str, str]:
    """An installed app has its bytecode compiled (pip and PyInstaller do it); a development shell
    with PYTHONDONTWRITEBYTECODE would recompile every module at each start and time that instead."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure_window(data: Path, runs: int) -> dict[str, Any]:
    env = {**child_env(), "QT_QPA_PLATFORM": "offscreen", "SGZ_USER": USER, "SGZ_PASSWORD": PASSWORD,
           "SGZ_TIMING": "1"}
    times, rss, cpu = [], [], []
    for _ in range(runs):
        cmd = [str(BIN / "sgz-desktop"), "--data-dir", str(data), "--exit-after", "1"]
        code, _out, err, peak, cpu_s = run_measured(cmd, env)
        found = re.search(r"main window shown in (\d+) ms", err)
        if code != 0 or not found:
            raise SystemExit(f"sgz-desktop failed (exit {code}):\n{err}")
        times.append(int(found.group(1)))
        rss.append(peak)
        cpu.append(cpu_s)
    # CPU time covers the whole run (the 1 s wait is idle): less disturbed by other load than wall time
    return {"window_ms": times, "window_rss_mb": [round(r) for r in rss], "process_cpu_s": [round(c, 2) for c in cpu]}


# --- (b)-(d) the table, in a child process ----------------------------------------------------------

def table_child(data: Path) -> None:
    """Runs in a fresh process; prints one JSON line of timings."""
    import resource

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sgz_desktop.core import users
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.station import open_station
    from sgz_desktop.core.tables import TableQuery
    from sgz_desktop.ui.audit_page import AuditPage, AuditSource
    from sgz_desktop.ui.i18n import install_translators
    from sgz_desktop.ui.table_model import LazyTableModel

    app = QApplication([])
    translators = install_translators(app, "zh_CN")
    st = open_station(DataDir(data))
    actor = users.login(st, USER, PASSWORD)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, Any] = {}

    def timed(name: str, fn: Any) -> Any:
        started = time.perf_counter()
        value = fn()
        result[name] = round((time.perf_counter() - started) * 1000, 1)
        return value

    # the model alone: count + first page, no widgets
    timed("model_open_ms", lambda: LazyTableModel(AuditSource(st, actor), TableQuery(sort_key="at", descending=True)))

    def open_page() -> AuditPage:
        page = AuditPage(st, actor)
        page.resize(1280, 800)
        page.show()
        page.grab()  # layout and paint of the visible rows
        return page

    page = timed("first_paint_ms", open_page)
    table = page.table
    assert table is not None
    result["rows"] = table.model.total

    def text_filter(text: str) -> None:
        table.filter_edit.setText(text)
        table.apply_text_filter()  # what the 250 ms debounce timer calls
        page.grab()

    timed("filter_ms", lambda: text_filter("员工12342"))  # one person's name: few matches, whole scan
    result["filter_rows"] = table.model.total
    timed("filter_common_ms", lambda: text_filter("调整"))
    result["filter_common_rows"] = table.model.total
    timed("filter_clear_ms", lambda: text_filter(""))

    def combo(index_of: str) -> None:
        page.action_combo.setCurrentIndex(page.action_combo.findData(index_of))
        page.grab()

    timed("filter_action_ms", lambda: combo("login"))
    result["filter_action_rows"] = table.model.total
    timed("filter_action_clear_ms", lambda: combo(""))

    def sort(key: str, descending: bool) -> None:
        from PySide6.QtCore import Qt

        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        table.view.sortByColumn(table.model.column_of(key), order)
        page.grab()

    timed("sort_user_ms", lambda: sort("username", False))
    timed("sort_summary_ms", lambda: sort("summary", True))
    timed("sort_time_ms", lambda: sort("at", True))

    def scroll_pages(n: int) -> None:
        for _ in range(n):
            table.model.fetchMore()

    timed("fetch_50_pages_ms", lambda: scroll_pages(50))  # scrolling down 10 000 rows
    result["rss_before_table_mb"] = round(rss_before)
    result["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))
    page.close()
    st.close()
    del translators


def export_child(data: Path) -> None:
    """Export the whole audit log to Excel as the page's button does (minus the dialogs)."""
    import resource

    from sgz_desktop.core import users
    from sgz_desktop.core.excel import write_table_xlsx
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.station import open_station
    from sgz_desktop.core.tables import TableQuery, iter_rows
    from sgz_desktop.ui.audit_page import AuditSource

    st = open_station(DataDir(data))
    actor = users.login(st, USER, PASSWORD)
    source = AuditSource(st, actor)
    query = TableQuery(sort_key="at", descending=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.xlsx"
        started = time.perf_counter()
        rows = write_table_xlsx(path, "操作日志", [c.title for c in source.columns], iter_rows(source, query),
                                kinds=[c.kind for c in source.columns])
        seconds = time.perf_counter() - started
        size = path.stat().st_size
    print(json.dumps({"export_rows": rows, "export_s": round(seconds, 1), "export_mb": round(size / 2**20, 1),
                      "export_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
    st.close()


def measure_export(data: Path) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--export-child", str(data)]
    code, out, err, _peak, _cpu = run_measured(cmd, child_env())
    if code != 0:
        raise SystemExit(f"export child failed (exit {code}):\n{err}")
    return dict(json.loads(out.strip().splitlines()[-1]))


def measure_table(data: Path, runs: int) -> list[dict[str, Any]]:
    env = {**child_env(), "QT_QPA_PLATFORM": "offscreen"}
    results = []
    for _ in range(runs):
        code, out, err, _peak, _cpu = run_measured([sys.executable, __file__, "--table-child", str(data)], env)
        if code != 0:
            raise SystemExit(f"table child failed (exit {code}):\n{err}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


# --- report --------------------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    cpu = ""
    mem = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        mem = f"{kb / 2**20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    import sqlite3

    import PySide6
    import sqlalchemy
    from PySide6 import QtCore

    os_name = platform.platform()
    try:
        pretty = next(line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                      if line.startswith("PRETTY_NAME="))
        os_name = f"{pretty} ({platform.release()})"
    except (OSError, StopIteration):
        pass
    qt = f"PySide6 {PySide6.__version__} (Qt {QtCore.qVersion()})"
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "ram": mem, "os": os_name,
            "python": platform.python_version(), "qt": qt,
            "sqlalchemy": sqlalchemy.__version__, "sqlite": sqlite3.sqlite_version}


def summarise(window: dict[str, Any], tables: list[dict[str, Any]]) -> dict[str, Any]:
    def med(key: str) -> float:
        return statistics.median(t[key] for t in tables)

    keys = [k for k in tables[0] if k.endswith("_ms")]
    return {
        "window_ms": statistics.median(window["window_ms"]),
        "window_first_ms": window["window_ms"][0],
        "window_rss_mb": max(window["window_rss_mb"]),
        "window_process_cpu_s": statistics.median(window["process_cpu_s"]),
        **{k: med(k) for k in keys},
        "rss_mb": max(t["rss_mb"] for t in tables),
        "rows": tables[0]["rows"],
        "filter_rows": tables[0]["filter_rows"],
        "filter_common_rows": tables[0]["filter_common_rows"],
        "filter_action_rows": tables[0]["filter_action_rows"],
    }


ROWS = [  # (label, summary key, target key or None)
    ("cold start to main window shown (median)", "window_ms", "window_ms"),
    ("cold start, first run", "window_first_ms", "window_ms"),
    ("audit page over 100 000 rows: count + first page + paint", "first_paint_ms", "first_paint_ms"),
    ("  the model alone (count + first page)", "model_open_ms", None),
    ("text filter, one person's name (1 row)", "filter_ms", "filter_ms"),
    ("text filter, common word (~80 000 rows)", "filter_common_ms", "filter_ms"),
    ("clear the text filter", "filter_clear_ms", "filter_ms"),
    ("action filter (indexed, ~10 000 rows)", "filter_action_ms", "filter_ms"),
    ("sort by user / by details / by time", "sort_user_ms", None),
    ("scroll 10 000 rows (50 pages fetched)", "fetch_50_pages_ms", None),
]


def markdown(summary: dict[str, Any]) -> str:
    lines = ["| measure | result | target |", "| --- | ---: | ---: |"]
    for label, key, target in ROWS:
        value = f"{summary[key]:.0f} ms"
        if key == "sort_user_ms":
            value = " / ".join(f"{summary[k]:.0f}" for k in ("sort_user_ms", "sort_summary_ms", "sort_time_ms")) + " ms"
        goal = f"< {TARGETS[target]} ms" if target else ""
        lines.append(f"| {label} | {value} | {goal} |")
    lines.append(f"| peak RSS, GUI at main window | {summary['window_rss_mb']} MB | < {TARGETS['rss_mb']} MB |")
    lines.append(f"| peak RSS, audit page process (after all of the above) | {summary['rss_mb']} MB "
                 f"| < {TARGETS['rss_mb']} MB |")
    if "export_s" in summary:
        lines.append(f"| export all {summary['export_rows']:,} rows to Excel ({summary['export_mb']} MB file) "
                     f"| {summary['export_s']} s, {summary['export_rss_mb']} MB RSS | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="where to build the station (default: a temp folder)")
    parser.add_argument("--reuse", action="store_true", help="measure an existing station in --data-dir")
    parser.add_argument("--keep", action="store_true", help="keep the station afterwards")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--no-export", action="store_true", help="skip the (slow) Excel export of every row")
    parser.add_argument("--table-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--export-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.table_child:
        table_child(args.table_child)
        return
    if args.export_child:
        export_child(args.export_child)
        return
    sys.path.insert(0, str(REPO))
    data = args.data_dir or Path(tempfile.mkdtemp(prefix="sgz-bench-")) / "station"
    try:
        if args.reuse:
            build: dict[str, Any] = {}
        else:
            if data.exists():
                raise SystemExit(f"{data} exists; pass --reuse to measure it or choose another --data-dir")
            print(f"building a scale-10 demo station with {ENTRIES:,} audit entries in {data} …", flush=True)
            build = make_station(data, ENTRIES)
            print(json.dumps(build), flush=True)
        window = measure_window(data, args.runs)
        print(json.dumps(window), flush=True)
        tables = measure_table(data, args.runs)
        for t in tables:
            print(json.dumps(t), flush=True)
        summary = summarise(window, tables)
        if not args.no_export:
            summary.update(measure_export(data))
        report = {"machine": machine(), "build": build, "summary": summary, "window": window, "tables": tables,
                  "targets": TARGETS}
        print(json.dumps(report["summary"], indent=1))
        print(json.dumps(report["machine"], indent=1))
        print(markdown(summary))
        if args.json:
            args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    finally:
        if not args.keep and not args.data_dir:
            shutil.rmtree(data.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
