"""The entry point and start-up flow: --version, the data-folder lock, auto-login, the demo, and the
recovery-key prompt. Subprocess runs use --exit-after so nothing waits for a person."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sgz_desktop import __version__, app
from sgz_desktop.core.demo import demo_logins
from sgz_desktop.core.lock import DataDirLock
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.secrets import MemorySecretStore
from sgz_desktop.core.station import open_station
from sgz_desktop.ui.recovery import RecoveryKeyDialog
from sgz_desktop.ui.shell import EXIT_LOCKED, Shell
from tests.conftest import ADMIN_PASSWORD, new_station_values

REPO = Path(__file__).resolve().parents[2]


def run_gui(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "sgz_desktop", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env, cwd=REPO, check=False)


def test_version_without_qt(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sgz-desktop {__version__}"


def test_python_m_version() -> None:
    result = run_gui("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"sgz-desktop {__version__}"


def test_demo_folder_follows_data_dir(tmp_path: Path) -> None:
    assert app.demo_data_dir(str(tmp_path)) == tmp_path.resolve()
    assert app.demo_data_dir(None).name == "demo"


def test_second_gui_on_the_same_folder_is_refused(qapp, file_station_dir: DataDir, shown) -> None:  # type: ignore[no-untyped-def]
    with DataDirLock(file_station_dir.lock_file):
        code = app.main(["--data-dir", str(file_station_dir.root), "--lang", "en"])
    assert code == EXIT_LOCKED == 2
    assert "另一个正在运行" in shown.errors[0]


def test_second_gui_process_exits_with_2(file_station_dir: DataDir) -> None:
    with DataDirLock(file_station_dir.lock_file):  # this test process is "the first GUI"
        result = run_gui("--data-dir", str(file_station_dir.root), "--exit-after", "2")
    assert result.returncode == 2, result.stderr


def test_starts_logs_in_and_shows_the_main_window(file_station_dir: DataDir, private_temp: Path) -> None:
    left = private_temp / "sgz-work-package-k1lled"  # as an export killed last time leaves it
    (left / "registers").mkdir(parents=True)
    (left / ".in-use").touch()
    result = run_gui("--data-dir", str(file_station_dir.root), "--exit-after", "1.5",
                     env={"SGZ_USER": "fuzhanzhang", "SGZ_PASSWORD": ADMIN_PASSWORD, "SGZ_TIMING": "1"})
    assert result.returncode == 0, result.stderr
    assert re.search(r"main window shown in \d+ ms", result.stderr), result.stderr
    assert not left.exists()
    # the lock died with the process: a new one can be taken at once
    with DataDirLock(file_station_dir.lock_file):
        pass


def test_demo_is_created_and_opened(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    result = run_gui("--demo", "--data-dir", str(root), "--exit-after", "15",
                     env={"SGZ_USER": "fuzhanzhang", "SGZ_PASSWORD": "Demo2026pw", "SGZ_TIMING": "1"})
    assert result.returncode == 0, result.stderr
    assert "main window shown in" in result.stderr
    logins = demo_logins(DataDir(root))
    assert logins is not None and logins["zhanzhang"] == "站长"


def test_auto_login(qapp, station, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    shell = Shell(qapp, station.data)
    shell.st = station
    assert shell.auto_login() is None  # no environment: the dialog will ask
    monkeypatch.setenv("SGZ_USER", "fuzhanzhang")
    monkeypatch.setenv("SGZ_PASSWORD", "wrong-one-1")
    shell._auto_login_tried = False
    assert shell.auto_login() is None
    assert "用户名或密码不正确" in capsys.readouterr().err
    monkeypatch.setenv("SGZ_PASSWORD", ADMIN_PASSWORD)
    shell._auto_login_tried = False
    actor = shell.auto_login()
    assert actor is not None and actor.username == "fuzhanzhang"
    assert shell.auto_login() is None  # only once: after logging out, the dialog asks


def test_must_change_password_is_noticed(qapp, station, admin) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core import users
    from sgz_desktop.core.roles import Role

    users.create_user(station, admin, username="shegong", display_name="李娜", role=Role.SOCIAL_WORKER,
                      password="Worker2026pw")
    shell = Shell(qapp, station.data)
    shell.st = station
    assert shell.must_change_password(users.login(station, "shegong", "Worker2026pw"))
    assert not shell.must_change_password(admin)


def test_recovery_key_dialog_unlocks_a_station(qtbot, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core.setup import init_station

    data = DataDir(tmp_path / "moved")
    st, key = init_station(data, new_station_values(), secret_store=MemorySecretStore(), clock=clock)
    st.close()
    st = open_station(data, clock=clock, secret_store=MemorySecretStore())  # "a new PC": no secret here
    try:
        assert not st.unlocked
        dialog = RecoveryKeyDialog(st)
        qtbot.addWidget(dialog)
        dialog.key_edit.setPlainText(key[:-3] + "AAA")
        dialog.restore()
        assert not dialog.restored and "恢复密钥" in dialog.error_label.text()
        dialog.key_edit.setPlainText(key.lower().replace("-", " "))
        dialog.restore()
        assert dialog.restored and st.unlocked
    finally:
        st.close()


class FakeApp:
    """Stands in for QApplication where the shell would quit the real one."""

    def __init__(self) -> None:
        self.exit_codes: list[int] = []

    def exit(self, code: int) -> None:
        self.exit_codes.append(code)


def test_log_out_returns_to_the_login_and_closing_quits(qtbot, station, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core import users

    monkeypatch.setenv("SGZ_USER", "fuzhanzhang")
    monkeypatch.setenv("SGZ_PASSWORD", ADMIN_PASSWORD)
    fake = FakeApp()
    shell = Shell(fake, station.data)  # type: ignore[arg-type]
    shell.st = station
    assert shell.start_session()
    first = shell.window
    assert first is not None and first.isVisible()
    asked: list[int] = []

    def log_in_again() -> object:
        asked.append(1)
        return users.login(station, "fuzhanzhang", ADMIN_PASSWORD)

    monkeypatch.setattr(shell, "ask_login", log_in_again)
    first.log_out()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window is not first, timeout=20000)
    assert asked == [1] and fake.exit_codes == []  # the login dialog asked again; nothing quit
    second = shell.window
    second.close()  # closing the window (not logging out) quits
    assert fake.exit_codes == [0] and shell.window is None
