"""``sgz staff|training|report`` through real subprocesses, on a demo station (few: each spawn ~1 s)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sgz_desktop.core import demo
from sgz_desktop.core.paths import DataDir

PASSWORD = "demo-pass1"


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = DataDir(tmp_path_factory.mktemp("cli-staff") / "station")
    demo.make_demo(data, password=PASSWORD, years=3)  # the system clock, as the subprocesses see it
    return data.root


def sgz(station_dir: Path, *args: str, user: str = "fuzhanzhang") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SGZ_PASSWORD": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    env.pop("SGZ_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "sgz_desktop.cli", "--data-dir", str(station_dir), "--user", user,
                           *args], capture_output=True, text=True, env=env, timeout=120)


def test_staff_list_and_reports(station_dir: Path, tmp_path: Path) -> None:
    done = sgz(station_dir, "staff", "list", "--post", "驻站社工")
    assert done.returncode == 0, done.stderr
    assert "驻站社工" in done.stdout and "在岗）" in done.stdout and "副站长" not in done.stdout
    done = sgz(station_dir, "report", "roster", "--out", str(tmp_path / "花名册.pdf"))
    assert done.returncode == 0, done.stderr
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "花名册.pdf").pages)
    assert "人员花名册" in text and "第 1 页" in text
    done = sgz(station_dir, "report", "training", "--out", str(tmp_path / "培训.xlsx"))
    assert done.returncode == 0, done.stderr
    assert load_workbook(tmp_path / "培训.xlsx", read_only=True).worksheets[0]["A1"].value == "姓名"


def test_bad_import_lists_every_row_and_writes_nothing(station_dir: Path, tmp_path: Path) -> None:
    export = tmp_path / "roster.xlsx"
    assert sgz(station_dir, "staff", "export", str(export)).returncode == 0
    before = sgz(station_dir, "staff", "list", "--all").stdout
    done = sgz(station_dir, "staff", "import", str(export))  # everyone is already on the roster
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "花名册没有导入" in done.stderr and "第 2 行，「身份证号」：花名册中已有此人" in done.stderr
    assert sgz(station_dir, "staff", "list", "--all").stdout == before


def test_a_forbidden_role_cannot_export_personal_data(station_dir: Path, tmp_path: Path) -> None:
    done = sgz(station_dir, "staff", "export", str(tmp_path / "x.xlsx"), user="zhanzhang")
    assert done.returncode == 1 and "权限不足" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.xlsx").exists()
