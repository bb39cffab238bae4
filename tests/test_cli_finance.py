"""``sgz projects|contracts|ledger|report <finance>`` and ``sgz check`` through real subprocesses, on a small
station whose secret is in a file (each spawn costs about a second, so the tests are few and broad)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from sgz_desktop.core import users
from sgz_desktop.core.contracts import ContractInput, add_contract
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.ledger import EntryInput, add_entry
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.projects import CORE, ProjectInput, add_project
from sgz_desktop.core.roles import SYSTEM, Role
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.setup import init_station
from tests.conftest import new_station_values
from tests.core.finance_factory import BUDGET, TOTAL

PASSWORD = "Finance2026pw"


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    data = DataDir(tmp_path / "station")
    st, _key = init_station(data, new_station_values(), secret_store=FileSecretStore(data.secret_file))
    try:
        for username, name in (("caiwu", "李会计"), ("chuna", "周出纳")):
            users.create_user(st, SYSTEM, username=username, display_name=name, role=Role.FINANCE, password=PASSWORD,
                              must_change_password=False)
        clerk = users.login(st, "caiwu", PASSWORD)
        year = dt.date.today().year
        contract = add_contract(st, clerk, ContractInput(
            "JA-MZ-001", "社工站运营项目", "江岸区民政局", dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31), TOTAL,
            dict(BUDGET)))
        add_project(st, clerk, ProjectInput(CORE, "红色引擎党建引领", dt.date(year - 1, 1, 1)))
        add_entry(st, clerk, EntryInput(dt.date(year - 1, 3, 1), "收到首期拨款", "income", "财政拨款", 30_000_000,
                                        contract.id, "江岸区民政局"))
        add_entry(st, clerk, EntryInput(dt.date(year - 1, 3, 10), "3 月社工工资", "expense", "薪资", 850_000,
                                        contract.id, "王丽"))
    finally:
        st.close()
    return data.root


def sgz(station_dir: Path, *args: str, user: str = "caiwu") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SGZ_PASSWORD": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    env.pop("SGZ_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "sgz_desktop.cli", "--data-dir", str(station_dir), "--user", user,
                           *args], capture_output=True, text=True, env=env, timeout=120)


def test_lists_review_reverse_and_reports(station_dir: Path, tmp_path: Path) -> None:
    year = dt.date.today().year - 1
    done = sgz(station_dir, "projects", "list")
    assert done.returncode == 0 and "核心项目" in done.stdout and "党建引领" in done.stdout, done.stderr
    done = sgz(station_dir, "contracts", "list")
    assert "JA-MZ-001" in done.stdout and "¥100,000.00" in done.stdout  # the management-fee budget
    done = sgz(station_dir, "ledger", "review", f"{year}-0002")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "录入人以外的人员" in done.stderr  # one Chinese line
    done = sgz(station_dir, "ledger", "review", f"{year}-0001", f"{year}-0002", user="chuna")
    assert done.returncode == 0 and f"已审核 2 张凭证：{year}-0001、{year}-0002" in done.stdout, done.stderr
    done = sgz(station_dir, "ledger", "reverse", f"{year}-0002", "--reason", "金额录错", "--on", f"{year}-03-20")
    assert done.returncode == 0 and f"{year}-0003" in done.stdout and "-¥8,500.00" in done.stdout, done.stderr
    done = sgz(station_dir, "ledger", "list", "--year", str(year))
    assert "已冲销" in done.stdout and "冲销凭证" in done.stdout and "共 3 笔" in done.stdout
    for kind, suffix, expected in (("journal", ".pdf", "日记账"), ("final-accounts", ".pdf", "人民币"),
                                   ("disclosure", ".pdf", "资金信息公开"), ("budget", ".xlsx", "")):
        out = tmp_path / f"{kind}{suffix}"
        done = sgz(station_dir, "report", kind, "--year", str(year), "--out", str(out))
        assert done.returncode == 0, done.stderr
        if suffix == ".pdf":
            assert expected in "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
        else:
            assert list(read_rows(out))[1][2] == "薪资"


def test_import_dry_run_then_book_and_export(station_dir: Path, tmp_path: Path) -> None:
    year = dt.date.today().year - 1
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["交易日期", "摘要", "收入金额", "支出金额", "对方户名", "明细科目", "合同编号"])
    ws.append([dt.date(year, 4, 2), "入户探访交通费", None, "36.50", "滴滴出行", "交通费", "JA-MZ-001"])
    ws.append([dt.date(year, 4, 3), "办公用品", None, "1,2.3.4", "文具店", "行政管理费", "JA-MZ-001"])
    wb.save(tmp_path / "bad.xlsx")
    done = sgz(station_dir, "ledger", "import", str(tmp_path / "bad.xlsx"))
    assert done.returncode == 1 and "第 3 行，「支出金额」" in done.stderr and "Traceback" not in done.stderr
    ws.delete_rows(3)
    wb.save(tmp_path / "good.xlsx")
    done = sgz(station_dir, "ledger", "import", str(tmp_path / "good.xlsx"), "--dry-run")
    assert done.returncode == 0 and "1 笔都可以导入" in done.stdout and "没有写入" in done.stdout, done.stderr
    done = sgz(station_dir, "ledger", "import", str(tmp_path / "good.xlsx"))
    assert done.returncode == 0 and f"凭证号 {year}-0003 至 {year}-0003" in done.stdout, done.stderr
    done = sgz(station_dir, "ledger", "import", str(tmp_path / "good.xlsx"))
    assert done.returncode == 1 and "可能重复" in done.stderr and "--allow-duplicates" in done.stderr
    done = sgz(station_dir, "ledger", "export", str(tmp_path / "账目.xlsx"), "--year", str(year))
    assert done.returncode == 0 and "3 笔" in done.stdout
    assert [r[0] for r in read_rows(tmp_path / "账目.xlsx")][1:] == [f"{year}-0001", f"{year}-0002", f"{year}-0003"]


def test_check_names_a_reviewed_entry_edited_in_the_file(station_dir: Path) -> None:
    year = dt.date.today().year - 1
    assert sgz(station_dir, "ledger", "review", f"{year}-0001", f"{year}-0002", user="chuna").returncode == 0
    done = sgz(station_dir, "check")
    assert done.returncode == 0, done.stdout
    assert "[通过] 已审核账目未被改动（审核哈希链）〔第二十三条〕：2 条完好" in done.stdout
    conn = sqlite3.connect(DataDir(station_dir).database)
    with pytest.raises(sqlite3.IntegrityError):  # the file itself refuses, until someone removes the guard
        conn.execute("UPDATE ledger_entry SET amount_fen = 85000 WHERE voucher_no = 2")
    conn.execute("DROP TRIGGER ledger_entry_reviewed_no_update")
    conn.execute("UPDATE ledger_entry SET amount_fen = 85000 WHERE voucher_no = 2")
    conn.commit()
    conn.close()
    done = sgz(station_dir, "check")
    assert done.returncode == 1
    assert f"[问题] 已审核账目未被改动（审核哈希链）〔第二十三条〕：1 处不符。凭证 {year}-0002" in done.stdout
    assert "3 月社工工资" in done.stdout and "ledger_entry_reviewed_no_update" in done.stdout
