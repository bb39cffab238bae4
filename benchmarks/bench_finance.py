"""Finance benchmark (issue 5): on a ``--scale 10`` demo station (over 50 000 ledger entries),

(a) the journal page (the real ``JournalTab``: count + first page of the year with its running balance,
    shown at 1280×800 and painted) — target: first rows in under 300 ms; the ledger tab likewise;
(b) budget execution of a contract (``finance_budget.budget_execution``) — target: under 100 ms;
(c) the year-end final accounts PDF (``reports.finance.final_accounts_pdf``) — target: under 5 s.

Each figure is measured in a fresh process, several times; the median is reported. Not part of the
test suite. Usage: ``python benchmarks/bench_finance.py [--runs 5] [--data-dir D] [--keep]``.
"""

from __future__ import annotations

import argparse
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

BIN = Path(sys.executable).parent
PASSWORD = "Bench2026pw"
USER = "caiwu"
TARGETS = {"journal_first_paint_ms": 300, "budget_execution_ms": 100, "final_accounts_pdf_s": 5}


def child_env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as an installed app has
    return env


def make_station(data: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "sgz"), "--data-dir", str(data), "demo", "--scale", "10", "--files-mb", "20",
                    "--password", PASSWORD], check=True, capture_output=True, env=child_env())
    return time.perf_counter() - started


def child(data: Path) -> None:
    """Runs in a fresh process; prints one JSON line of timings."""
    from PySide6.QtWidgets import QApplication

    from sgz_desktop.core import users
    from sgz_desktop.core.contracts import list_contracts
    from sgz_desktop.core.finance_budget import budget_execution
    from sgz_desktop.core.models import LedgerEntry
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.reports.finance import final_accounts_pdf
    from sgz_desktop.core.station import open_station
    from sgz_desktop.ui.finance_page import LedgerTab
    from sgz_desktop.ui.finance_tabs import JournalTab
    from sgz_desktop.ui.i18n import install_translators

    app = QApplication([])
    translators = install_translators(app, "zh_CN")
    st = open_station(DataDir(data))
    actor = users.login(st, USER, PASSWORD)
    result: dict[str, Any] = {}

    def timed(name: str, fn: Any) -> Any:
        started = time.perf_counter()
        value = fn()
        result[name] = round((time.perf_counter() - started) * 1000, 1)
        return value

    from sqlalchemy import func, select

    with st.read() as s:
        result["entries"] = s.scalar(select(func.count(LedgerEntry.id)))
        year = int(s.scalar(select(func.max(LedgerEntry.year))) or 0) - 1  # the last full year

    def journal_page() -> JournalTab:
        return _shown(JournalTab(st, actor))  # opens on this year, as the user first sees it

    journal = timed("journal_first_paint_ms", journal_page)
    result["journal_rows"] = journal.table.model.total

    def last_year() -> None:
        journal.year.setCurrentIndex(journal.year.findData(year))  # the filter reloads count, page, balance
        journal.grab()

    timed("journal_other_year_ms", last_year)
    timed("journal_month_ms", lambda: (journal.month.setCurrentIndex(journal.month.findData(6)), journal.grab()))
    ledger = timed("ledger_first_paint_ms", lambda: _shown(LedgerTab(st, actor)))
    result["ledger_rows"] = ledger.table.model.total
    contract = list_contracts(st, actor)[0].id
    timed("budget_execution_ms", lambda: budget_execution(st, actor, contract))
    timed("budget_execution_year_ms", lambda: budget_execution(st, actor, contract, year))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        final_accounts_pdf(st, actor, Path(tmp) / "final.pdf", year)
        result["final_accounts_pdf_s"] = round(time.perf_counter() - started, 2)
    print(json.dumps(result))
    st.close()
    del translators, app


def _shown(widget: Any) -> Any:
    widget.resize(1280, 800)
    widget.show()
    widget.grab()
    return widget


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="sgz-bench-finance-"))
    data = folder / "station"
    built = None if data.exists() else round(make_station(data), 1)
    runs = []
    try:
        for _ in range(args.runs):
            done = subprocess.run([sys.executable, __file__, "--child", str(data)], capture_output=True, text=True,
                                  env=child_env(), check=False)
            if done.returncode != 0:
                raise SystemExit(done.stderr)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        if not args.keep and args.data_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    keys = [k for k in runs[0] if k.endswith(("_ms", "_s"))]
    summary = {k: statistics.median(r[k] for r in runs) for k in keys}
    print(json.dumps({"demo_build_s": built, "entries": runs[0]["entries"], "journal_rows": runs[0]["journal_rows"],
                      "ledger_rows": runs[0]["ledger_rows"], "median": summary, "runs": runs,
                      "targets": TARGETS}, ensure_ascii=False, indent=1))
    for key, target in TARGETS.items():
        print(f"{key}: {summary[key]} (target < {target}) {'OK' if summary[key] < target else 'MISSED'}")


if __name__ == "__main__":
    main()
