"""``sgz archives`` and ``sgz check --deep`` through real subprocesses (few: each spawn takes ~1 s)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sgz_desktop.core import archive_filing, archives, users
from sgz_desktop.core.attachments import attachment_store
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import SYSTEM, Role
from sgz_desktop.core.secrets import FileSecretStore
from sgz_desktop.core.setup import init_station
from tests.conftest import ADMIN_PASSWORD, new_station_values
from tests.core.archive_factory import item, write_jpeg, write_pdf


@pytest.fixture(scope="module")
def station_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station (secret in a file, so subprocesses open it) with an archivist and five filed items of 2025."""
    root = tmp_path_factory.mktemp("cli-archives")
    data = DataDir(root / "station")
    st, _key = init_station(data, new_station_values(), secret_store=FileSecretStore(data.secret_file))
    try:
        users.create_user(st, SYSTEM, username="dangan", display_name="赵敏", role=Role.ARCHIVIST,
                          password=ADMIN_PASSWORD)
        ids = [archives.register_item(st, SYSTEM, item(f"2025年第{n}次站务会议纪要"), [write_pdf(root)]).id
               for n in range(1, 6)]
        archive_filing.finalise(st, SYSTEM, ids)
    finally:
        st.close()
    return data.root


def sgz(station_dir: Path, *args: str, user: str = "dangan") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SGZ_PASSWORD": ADMIN_PASSWORD, "PYTHONIOENCODING": "utf-8"}
    env.pop("SGZ_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "sgz_desktop.cli", "--data-dir", str(station_dir), "--user", user,
                           *args], capture_output=True, text=True, env=env, timeout=120)


def test_add_finalise_list_and_catalogue(station_dir: Path, tmp_path: Path) -> None:
    scan = write_jpeg(tmp_path, "签批单.jpg")
    done = sgz(station_dir, "archives", "add", str(write_pdf(tmp_path, pages=3)), str(scan), "--title",
               "关于调整社工站值班制度的通知", "--date", "2025-11-20", "--retention", "D30", "--doc-number",
               "后社工〔2025〕9号", user="fuzhanzhang")
    assert done.returncode == 0, done.stderr
    new_id = re.search(r"编号 (\d+)", done.stdout)
    assert new_id and "2 个文件，4 页" in done.stdout
    refused = sgz(station_dir, "archives", "finalise", new_id[1], user="fuzhanzhang")
    assert refused.returncode == 1 and "权限不足" in refused.stderr and "Traceback" not in refused.stderr
    done = sgz(station_dir, "archives", "finalise", new_id[1])
    assert done.returncode == 0, done.stderr
    assert "Z109-WS·2025-D30-BGS-0006" in done.stdout
    listed = sgz(station_dir, "archives", "list", "--year", "2025", "--status", "final")
    assert listed.returncode == 0 and "共 6 件（已归档 6 件，草稿 0 件）" in listed.stdout
    out = tmp_path / "2025目录.pdf"
    done = sgz(station_dir, "archives", "catalogue", "--year", "2025", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    expected = {f"Z109-WS·2025-D30-BGS-{n:04d}" for n in range(1, 7)}
    assert set(re.findall(r"Z109-WS·2025-D30-BGS-\d{4}", text)) == expected
    shown = sgz(station_dir, "archives", "show", new_id[1])
    assert "签批单.jpg" in shown.stdout and "SHA-256" in shown.stdout and "件号：0006" in shown.stdout


def test_bad_input_is_one_chinese_line(station_dir: Path, tmp_path: Path) -> None:
    exe = tmp_path / "tool.pdf"
    exe.write_bytes(b"MZ" + b"\x00" * 100)
    done = sgz(station_dir, "archives", "add", str(exe), "--title", "x", "--retention", "Y")
    assert done.returncode == 1 and "可执行程序" in done.stderr and "Traceback" not in done.stderr
    done = sgz(station_dir, "archives", "catalogue", "--year", "2025", "--out", str(tmp_path / "x.doc"))
    assert done.returncode == 2 and "扩展名" in done.stderr


def test_check_deep_names_a_file_changed_on_disk(station_dir: Path) -> None:
    assert sgz(station_dir, "check", "--deep").returncode == 0
    st_data = DataDir(station_dir)
    store = attachment_store(st_data)
    target = next((st_data.attachments / "sha256").rglob("*.pdf"))
    original = target.read_bytes()
    changed = bytearray(original)
    changed[len(changed) // 2] ^= 0x01
    target.write_bytes(bytes(changed))
    try:
        quick = sgz(station_dir, "check")
        assert quick.returncode == 0  # same size: only re-hashing finds it
        deep = sgz(station_dir, "check", "--deep")
        assert deep.returncode == 1 and "[问题] 档案文件完好" in deep.stdout and "内容已被改动" in deep.stdout
        assert "Z109-WS·2025-D30-BGS-00" in deep.stdout
        assert not store.verify(target.stem)
    finally:
        target.write_bytes(original)
