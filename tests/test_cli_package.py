"""``sgz export-year`` and ``sgz verify`` through real subprocesses (each spawn ~1 s, so few), and the
promise that killing an export at any moment leaves nothing at the package's name."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from sgz_desktop.core import archive_filing, archives, users
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import Role
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.setup import init_station
from tests.conftest import ADMIN_PASSWORD, new_station_values
from tests.core.archive_factory import item, write_pdf
from tests.core.package_factory import good_package

PASSWORD = "Dangan2026pw"


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station (secret in a file, so a subprocess can sign) with 2025's items finalised, ~24 MB."""
    root = tmp_path_factory.mktemp("cli-package")
    data = DataDir(root / "station")
    st, _key = init_station(data, new_station_values(), secret_store=FileSecretStore(data.secret_file))
    admin = users.login(st, "fuzhanzhang", ADMIN_PASSWORD)
    users.create_user(st, admin, username="dangan", display_name="赵敏", role=Role.ARCHIVIST, password=PASSWORD)
    keeper = users.login(st, "dangan", PASSWORD)
    src = root / "src"
    src.mkdir()
    ids = [archives.register_item(st, keeper, item(f"第{n}号通知", dt.date(2025, 1 + n % 12, 3)),
                                  [write_pdf(src, pages=2, size=2_000_000)]).id for n in range(12)]
    archive_filing.finalise(st, keeper, ids)
    st.close()
    return data.root


def sgz(*args: str, station: Path | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SGZ_PASSWORD": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    env.pop("SGZ_DEBUG", None)
    where = ["--data-dir", str(station), "--user", "dangan"] if station else []
    return subprocess.run([sys.executable, "-m", "sgz_desktop.cli", *where, *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_export_then_verify_with_form_and_report(station_dir: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    done = sgz("export-year", "2025", "--out", str(usb), "--xml", station=station_dir)
    assert done.returncode == 0, done.stderr
    package = usb / "Z109-2025-YJ01.zip"
    assert "SHA-256" in done.stdout and package.exists()
    with zipfile.ZipFile(package) as z:  # --xml: each item's metadata also as XML
        assert any(n.endswith("/metadata.xml") for n in z.namelist())
    digest = (usb / "Z109-2025-YJ01.zip.sha256").read_text().split()[0]
    done = sgz("handovers", station=station_dir)  # the handover register names it with its whole hash
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if str(package) in line)
    assert digest in line and "2025 年度" in line and "赵敏" in line
    done = sgz("station-key", "--out", str(usb), station=station_dir)  # for the subdistrict to register
    assert done.returncode == 0, done.stderr
    key = usb / "Z109-站点公钥.pem"
    assert str(key) in done.stdout and "指纹" in done.stdout
    reports = tmp_path / "reports"
    reports.mkdir()
    done = sgz("verify", str(package), "--form", str(usb / "Z109-2025-YJ01-登记表.pdf"), "--report", str(reports),
               "--public-key", str(key))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "已与登记公钥核对" in done.stdout
    assert "15 项检查全部合格" in done.stdout and "真实性：合格" in done.stdout
    saved = json.loads((reports / "Z109-2025-YJ01-校验报告.json").read_text(encoding="utf-8"))
    assert saved["passed"] and saved["zip_sha256"] == digest
    assert (reports / "Z109-2025-YJ01-校验报告.pdf").stat().st_size > 1000
    done = sgz("verify", str(package), "--expect-sha256", "0" * 64, "--quiet")
    assert done.returncode == 1 and "不通过" in done.stdout and "（1）" in done.stdout


def test_verify_names_the_failed_checks_and_needs_no_station(tmp_path: Path) -> None:
    package = good_package(tmp_path)
    data = bytearray(package.read_bytes())
    at = data.find(b"%PDF-") + 200
    data[at] ^= 0x01
    package.write_bytes(bytes(data))
    done = sgz("verify", str(package))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "[失败]  1." in done.stdout and "[失败]  3." in done.stdout and "不通过" in done.stdout
    assert not (tmp_path / "station.db").exists()


def test_verify_loads_no_database_layer_and_other_commands_all(tmp_path: Path) -> None:
    """``sgz verify`` registers its own command alone: the subdistrict's PC need not load the station's database
    layer (it cost 0.7 s and 55 MB before the first byte was read); any other command, help or typo sees them
    all."""
    package = good_package(tmp_path)
    probe = ("import sys; from sgz_desktop import cli; code = cli.main(sys.argv[1:]); "
             "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'openpyxl', 'keyring'}))")
    done = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(tmp_path / "none"), "verify", str(package),
                           "--quiet"], capture_output=True, text=True, timeout=120)
    assert done.stdout.splitlines()[-1] == "0 []", done.stdout + done.stderr
    from sgz_desktop import cli

    assert cli._command(["--user", "verify", "staff", "list"]) == "staff"
    assert cli._command(["--data-dir", "d", "verify", "x.zip"]) == "verify"
    full = cli.build_parser([]).format_help()
    assert "verify" in full and "export-year" in full and "staff" in full
    assert "export-year" not in cli.build_parser(["verify", "x.zip"]).format_help()


def test_verify_usage_errors(tmp_path: Path) -> None:
    done = sgz("verify", str(tmp_path / "missing.zip"))
    assert done.returncode == 2 and "找不到移交包" in done.stderr
    package = good_package(tmp_path)
    done = sgz("verify", str(package), "--expect-sha256", "xyz")
    assert done.returncode == 2 and "64 位" in done.stderr


def test_drafts_block_the_export_until_a_reason_is_given(station_dir: Path, tmp_path: Path) -> None:
    from sgz_desktop.core.station import open_station

    data = DataDir(station_dir)
    st = open_station(data, secret_store=FileSecretStore(data.secret_file))
    keeper = users.login(st, "dangan", PASSWORD)
    src = tmp_path / "src"
    src.mkdir()
    draft = archives.register_item(st, keeper, item("草稿纪要", dt.date(2025, 11, 3)), [write_pdf(src)])
    st.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        done = sgz("export-year", "2025", "--out", str(usb), station=station_dir)
        assert done.returncode == 1 and "草稿纪要" in done.stderr and list(usb.iterdir()) == []
        done = sgz("export-year", "2025", "--out", str(usb), "--override-reason", "年底前移交", "--quiet",
                   station=station_dir)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().endswith("Z109-2025-YJ01.zip")
    finally:
        st = open_station(data, secret_store=FileSecretStore(data.secret_file))
        archives.delete_item(st, users.login(st, "dangan", PASSWORD), draft.id)
        st.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_the_export_at_any_moment_leaves_nothing_at_the_target(station_dir: Path, tmp_path: Path,
                                                                        private_temp: Path) -> None:
    env = {**os.environ, "SGZ_PASSWORD": PASSWORD}
    left_work = False
    for attempt, delay in enumerate((0.3, 0.9, 1.2, 1.5, 1.8)):
        usb = tmp_path / f"usb{attempt}"
        usb.mkdir()
        proc = subprocess.Popen([sys.executable, "-m", "sgz_desktop.cli", "--data-dir", str(station_dir), "--user",
                                 "dangan", "export-year", "2025", "--out", str(usb), "--quiet"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        target = usb / "Z109-2025-YJ01.zip"
        if target.exists():  # it had finished: then it is whole
            assert sgz("verify", str(target), "--quiet").returncode == 0
        names = {p.name for p in usb.iterdir()}
        assert names <= {".Z109-2025-YJ01.zip.part", "Z109-2025-YJ01.zip", "Z109-2025-YJ01.zip.sha256",
                         ".Z109-2025-YJ01.zip.sha256.part", "Z109-2025-YJ01-登记表.pdf",
                         ".Z109-2025-YJ01-登记表.pdf.part"}
        left_work = left_work or any(private_temp.glob("sgz-work-package-*/items/*"))
    # the items' metadata and the registers a kill left in the temporary folder: the next export takes them away
    assert left_work
    usb = tmp_path / "usb-after"
    usb.mkdir()
    done = sgz("export-year", "2025", "--out", str(usb), "--quiet", station=station_dir)
    assert done.returncode == 0, done.stderr
    assert list(private_temp.glob("sgz-work-*")) == []


def test_export_project_lists_projects_then_exports_one_that_verifies(tmp_path: Path) -> None:
    from sgz_desktop.core.projects import FEATURED, ProjectInput, add_project

    data = DataDir(tmp_path / "station")
    st, _key = init_station(data, new_station_values(), secret_store=FileSecretStore(data.secret_file))
    admin = users.login(st, "fuzhanzhang", ADMIN_PASSWORD)
    users.create_user(st, admin, username="dangan", display_name="赵敏", role=Role.ARCHIVIST, password=PASSWORD)
    keeper = users.login(st, "dangan", PASSWORD)
    project = add_project(st, admin, ProjectInput(FEATURED, "楼栋自治", dt.date(2025, 3, 1), "社区治理",
                                                  dt.date(2025, 12, 31)))
    src = tmp_path / "src"
    src.mkdir()
    ids = [archives.register_item(st, keeper, item(f"楼栋议事会纪要{n}", dt.date(2025, 4 + n, 3),
                                                   project_id=project.id if n != 1 else None),
                                  [write_pdf(src)]).id for n in range(3)]
    archive_filing.finalise(st, keeper, ids)
    st.close()
    listed = sgz("export-project", "--list", station=data.root)
    assert listed.returncode == 0, listed.stderr
    assert re.search(rf"^{project.id} +【特色】楼栋自治 +2025-03-01 +2025-12-31 +2$", listed.stdout, re.M)
    usb = tmp_path / "usb"
    usb.mkdir()
    done = sgz("export-project", str(project.id), "--out", str(usb), station=data.root)
    assert done.returncode == 0, done.stderr
    name = f"Z109-XM{project.id:03d}-YJ01"
    assert "已导出项目「楼栋自治」（2025-03-01 至 2025-12-31）移交包" in done.stdout and "2 件档案" in done.stdout
    checked = sgz("verify", str(usb / f"{name}.zip"), "--form", str(usb / f"{name}-登记表.pdf"))
    assert checked.returncode == 0, checked.stdout
    assert "项目「楼栋自治」 2025-03-01/2025-12-31" in checked.stdout and "年度" not in checked.stdout.splitlines()[0]
    missing = sgz("export-project", "--out", str(usb), station=data.root)
    assert missing.returncode == 2 and "--list" in missing.stderr
