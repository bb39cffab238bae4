"""``sgz`` through real subprocesses: what a script or an administrator at a terminal sees."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sgz_desktop import __version__
from sgz_desktop.core.lock import DataDirLock
from sgz_desktop.core.models import Staff
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.station import open_station

PASSWORD = "demo-pass1"


def run(*args: str, home: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SGZ_")}
    environ.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   # No OS keyring in a subprocess: the demo uses its secret file, init must ask for one.
                   PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PYTHONIOENCODING="utf-8", **env)
    return subprocess.run([sys.executable, "-m", "sgz_desktop.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", env=environ, input=stdin, timeout=120)


def assert_clean_failure(result: subprocess.CompletedProcess[str], words: str, code: int = 1) -> None:
    assert result.returncode == code, result
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def demo_dir(home: Path) -> Path:
    data = home / "demo-station"
    result = run("--data-dir", str(data), "demo", "--password", PASSWORD, home=home)
    assert result.returncode == 0, result.stderr
    for login in ("zhanzhang", "fuzhanzhang", "dangan", "shegong", "caiwu"):
        assert login in result.stdout
    assert PASSWORD in result.stdout
    return data


def test_version(home: Path) -> None:
    result = run("--version", home=home)
    assert result.returncode == 0 and result.stdout.strip() == f"sgz {__version__}"


def test_demo_then_check_exits_0(demo_dir: Path, home: Path) -> None:
    result = run("check", home=home, SGZ_DATA_DIR=str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert "[通过] 数据库文件完整" in result.stdout and "第十二条" in result.stdout
    again = run("--data-dir", str(demo_dir), "demo", home=home)
    assert_clean_failure(again, "已经有社工站数据库")


def test_users_list_after_login(demo_dir: Path, home: Path) -> None:
    result = run("--data-dir", str(demo_dir), "users", "list", "--user", "dangan", home=home, SGZ_PASSWORD=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "fuzhanzhang" in result.stdout and "档案员" in result.stdout
    anonymous = run("--data-dir", str(demo_dir), "users", "list", home=home)
    assert_clean_failure(anonymous, "需要登录", code=2)


def test_forbidden_role_is_refused(demo_dir: Path, home: Path) -> None:
    result = run("--data-dir", str(demo_dir), "--user", "zhanzhang", "users", "add", "lisi", "--name", "李四",
                 "--role", "社工", home=home, SGZ_PASSWORD=PASSWORD, SGZ_NEW_PASSWORD="Lisi2026pw")
    assert_clean_failure(result, "权限不足")


def test_wrong_password_is_refused(demo_dir: Path, home: Path) -> None:
    result = run("--data-dir", str(demo_dir), "users", "list", home=home, SGZ_USER="caiwu", SGZ_PASSWORD="wrong-123")
    assert_clean_failure(result, "用户名或密码不正确")


def test_backup_then_restore_keeps_rows(demo_dir: Path, home: Path, tmp_path: Path) -> None:
    data = tmp_path / "station"
    shutil.copytree(demo_dir, data)
    admin = {"SGZ_DATA_DIR": str(data), "SGZ_USER": "fuzhanzhang", "SGZ_PASSWORD": PASSWORD}
    made = run("backup", "--to", str(tmp_path / "usb"), home=home, **admin)
    assert made.returncode == 0, made.stderr
    folder = next((tmp_path / "usb").iterdir())
    added = run("users", "add", "lisi", "--name", "李四", "--role", "social_worker", home=home,
                SGZ_NEW_PASSWORD="Lisi2026pw", **admin)
    assert added.returncode == 0, added.stderr
    with DataDirLock(DataDir(data).lock_file):  # as the open window holds it
        refused = run("restore", "--from", str(folder), home=home, **admin)
    assert_clean_failure(refused, "已被另一个正在运行的社工站程序打开")
    restored = run("restore", "--from", str(folder), home=home, **admin)
    assert restored.returncode == 0, restored.stderr
    assert "恢复前的数据已另存到" in restored.stdout
    listed = run("users", "list", home=home, **admin)
    assert listed.returncode == 0 and "zhanzhang" in listed.stdout and "lisi" not in listed.stdout
    checked = run("check", home=home, **admin)
    assert checked.returncode == 0, checked.stdout


def test_init_needs_a_keyring_or_an_explicit_secret_file(home: Path, tmp_path: Path) -> None:
    data = tmp_path / "new"
    args = ["--data-dir", str(data), "init", "--name", "江汉街道社会工作服务站", "--subdistrict", "民意街道",
            "--district", "江汉区", "--district-type", "中心城区", "--fonds", "Z109", "--admin", "wangli",
            "--admin-name", "王丽", "--communities", "新华社区,民意社区"]
    refused = run(*args, home=home, SGZ_PASSWORD="Wangli2026")
    assert_clean_failure(refused, "--secret-file")
    assert not (data / "station.db").exists()
    sheet = tmp_path / "恢复密钥.pdf"
    made = run(*args, "--secret-file", "--recovery-pdf", str(sheet), home=home, SGZ_PASSWORD="Wangli2026")
    assert made.returncode == 0, made.stderr
    key_lines = [line for line in made.stdout.splitlines() if line.startswith("恢复密钥：")]
    assert len(key_lines) == 1 and len(key_lines[0].split("：")[1].replace("-", "")) == 56
    assert "只显示这一次" in made.stdout and (data / "station-secret.key").exists()
    key = key_lines[0].split("：")[1]
    assert key.split("-")[0] in "".join(page.extract_text() for page in PdfReader(sheet).pages)
    # A reinstalled PC: the secret is gone, the printed key brings it back.
    (data / "station-secret.key").unlink()
    login = {"SGZ_USER": "wangli", "SGZ_PASSWORD": "Wangli2026"}
    recovered = run("--data-dir", str(data), "recover", "--key", home=home, SGZ_RECOVERY_KEY=key.lower(), **login)
    assert recovered.returncode == 0, recovered.stderr
    assert (data / "station-secret.key").exists() and "已恢复" in recovered.stdout


def test_only_the_administrator_sees_the_recovery_key(demo_dir: Path, home: Path) -> None:
    refused = run("--data-dir", str(demo_dir), "recovery-key", home=home, SGZ_USER="shegong", SGZ_PASSWORD=PASSWORD)
    assert_clean_failure(refused, "不能管理用户账号")
    shown = run("--data-dir", str(demo_dir), "recovery-key", home=home, SGZ_USER="fuzhanzhang", SGZ_PASSWORD=PASSWORD)
    assert shown.returncode == 0 and len(shown.stdout.splitlines()[0].split("：")[1].replace("-", "")) == 56


def test_check_exits_1_on_an_integrity_failure(demo_dir: Path, home: Path, tmp_path: Path) -> None:
    data = tmp_path / "station"
    shutil.copytree(demo_dir, data)
    conn = sqlite3.connect(data / "station.db")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.commit()
    conn.close()
    result = run("--data-dir", str(data), "check", home=home)
    assert result.returncode == 1 and "[问题] 操作日志只能追加" in result.stdout and "Traceback" not in result.stderr


def test_unexpected_errors_are_one_line_unless_debugging(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from sgz_desktop import cli
    from sgz_desktop.cli_commands import station

    def broken(ctx: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(station, "check", broken)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "SGZ_DEBUG=1" in err and "Traceback" not in err
    monkeypatch.setenv("SGZ_DEBUG", "1")
    assert cli.main(["check"]) == 1
    assert "Traceback" in capsys.readouterr().err

    def unplugged(ctx: object) -> int:
        raise FileNotFoundError(2, "No such file or directory", "/media/usb/sgz-backups")

    monkeypatch.delenv("SGZ_DEBUG")
    monkeypatch.setattr(station, "check", unplugged)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "/media/usb/sgz-backups" in err and "U盘" in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from sgz_desktop import cli

    assert cli.main(["no-such-command"]) == 2
    assert "命令用法不对" in capsys.readouterr().err


def test_database_holds_no_personal_data_in_plaintext(demo_dir: Path) -> None:
    st = open_station(DataDir(demo_dir))  # the demo's secret file is in the folder
    try:
        with st.read() as s:
            rows = list(s.scalars(select(Staff)))
            people = [(r.id_number, r.phone) for r in rows]
            names = [r.name for r in rows]
    finally:
        st.close()
    assert len(people) > 20 and all(id_number and phone for id_number, phone in people)
    files = [p for p in demo_dir.iterdir() if p.name.startswith("station.db")]
    raw = b"".join(p.read_bytes() for p in files)
    assert len(raw) > 50_000
    assert names[0].encode("utf-8") in raw  # names are not encrypted: the search itself works
    for id_number, phone in people:
        for needle in (id_number, phone, id_number[:14], id_number[6:14] + id_number[14:]):
            assert needle.encode("ascii") not in raw
            assert needle.encode("utf-16-le") not in raw
