"""``sgz volunteers|hours|points`` and ``sgz report volunteers`` through real subprocesses, on a demo station
(few tests: each spawn takes about a second)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from sgz_desktop.core import demo
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.station import open_station
from sgz_desktop.core.volunteer_stats import top_volunteers

PASSWORD = "demo-pass1"


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = DataDir(tmp_path_factory.mktemp("cli-volunteers") / "station")
    demo.make_demo(data, password=PASSWORD, years=1)  # the system clock, as the subprocesses see it
    return data.root


def sgz(station_dir: Path, *args: str, user: str = "fuzhanzhang") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SGZ_PASSWORD": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    env.pop("SGZ_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "sgz_desktop.cli", "--data-dir", str(station_dir), "--user", user,
                           *args], capture_output=True, text=True, env=env, timeout=120)


def test_list_points_and_year_report(station_dir: Path, tmp_path: Path) -> None:
    done = sgz(station_dir, "volunteers", "list", "--status", "在册")
    assert done.returncode == 0, done.stderr
    assert "ZY000001" in done.stdout and "在册" in done.stdout and "共 " in done.stdout
    done = sgz(station_dir, "points", "history", "ZY000001", "--limit", "3")
    assert done.returncode == 0, done.stderr
    assert "积分明细" in done.stdout and "当前余额" in done.stdout
    balance = sgz(station_dir, "points", "balance", "ZY000001")
    assert balance.stdout.strip().endswith(done.stdout.strip().split("当前余额 ")[1])
    out = tmp_path / "志愿服务.pdf"
    done = sgz(station_dir, "report", "volunteers", "--year", str(dt.date.today().year), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "志愿服务年度汇总" in PdfReader(out).pages[0].extract_text()


def test_sign_in_sheet_dry_run_then_a_bad_row_writes_nothing(station_dir: Path, tmp_path: Path) -> None:
    day = dt.date.today() - dt.timedelta(days=1)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["活动名称", "活动日期", "开始时间", "结束时间", "志愿者编号", "服务时长（小时）"])
    ws.append(["命令行测试活动", day, "06:00", "07:00", "ZY000001", 1])
    ws.append(["命令行测试活动", day, "06:00", "07:00", "ZY000002", 1])
    good = tmp_path / "签到.xlsx"
    wb.save(good)
    done = sgz(station_dir, "hours", "import", str(good), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "命令行测试活动（新）" in done.stdout and "没有写入" in done.stdout
    ws.append(["命令行测试活动", day, "06:00", "07:00", "ZY999999", 1])
    bad = tmp_path / "签到-错.xlsx"
    wb.save(bad)
    done = sgz(station_dir, "hours", "import", str(bad))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "签到表没有导入" in done.stderr and "第 4 行，「志愿者编号」：没有编号为 ZY999999 的志愿者" in done.stderr
    done = sgz(station_dir, "hours", "import", str(good))
    assert done.returncode == 0 and "等待副站长审核" in done.stdout


def test_certificate_issue_and_verify(station_dir: Path, tmp_path: Path) -> None:
    year = dt.date.today().year - 1
    st = open_station(DataDir(station_dir))
    try:
        keen = top_volunteers(st, year, 1)[0].volunteer_no
    finally:
        st.close()
    out = tmp_path / "证明.pdf"
    done = sgz(station_dir, "volunteers", "certificate", keen, "--from", f"{year}-01-01", "--to", f"{year}-12-31",
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    number = done.stdout.split("志愿服务证明 ")[1].split("（")[0]
    assert "志愿服务证明" in PdfReader(out).pages[0].extract_text()
    done = sgz(station_dir, "volunteers", "certificate", "--verify", number, user="zhanzhang")
    assert done.returncode == 0 and f"证明编号 {number} 已于" in done.stdout
    done = sgz(station_dir, "volunteers", "certificate", "--verify", "ZYFW19990001")
    assert done.returncode == 1 and "不是本站出具的" in done.stderr


def test_a_forbidden_role_cannot_export_personal_data(station_dir: Path, tmp_path: Path) -> None:
    done = sgz(station_dir, "volunteers", "export", str(tmp_path / "x.xlsx"), user="zhanzhang")
    assert done.returncode == 1 and "权限不足" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_pending_hours_are_listed_and_approved_all_or_none(station_dir: Path) -> None:
    done = sgz(station_dir, "hours", "list", "--pending")
    assert done.returncode == 0, done.stderr
    assert "待审核的服务时长" in done.stdout and "已通过" not in done.stdout
    ids = [line.split()[0] for line in done.stdout.splitlines()[1:] if line.split()[0].isdigit()]
    first, second, third = ids[:3]
    done = sgz(station_dir, "hours", "approve", third, "999999", user="fuzhanzhang")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "没有审核任何记录" in done.stderr and "「服务时长」：没有编号为 999999 的记录" in done.stderr
    done = sgz(station_dir, "hours", "approve", first, user="shegong")
    assert done.returncode == 1 and "权限不足" in done.stderr and "须由副站长办理" in done.stderr
    done = sgz(station_dir, "hours", "approve", first, second)
    assert done.returncode == 0, done.stderr
    assert "已审核通过 2 条，共 " in done.stdout and "获得积分" in done.stdout
    listed = sgz(station_dir, "hours", "list", "--limit", "2000").stdout.splitlines()
    status = {line.split()[0]: line.split()[6] for line in listed[1:] if line.split()[0].isdigit()}
    assert (status[first], status[second], status[third]) == ("已通过", "已通过", "待审核")
