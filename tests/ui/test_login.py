"""Login and change-password dialogs: the core's Chinese messages, lock-out, demo logins."""

from __future__ import annotations

from pathlib import Path

from sgz_desktop.core import users
from sgz_desktop.core.demo import make_demo
from sgz_desktop.core.paths import DataDir
from sgz_desktop.core.roles import Role
from sgz_desktop.core.station import open_station
from sgz_desktop.ui.login import ChangePasswordDialog, LoginDialog
from tests.conftest import ADMIN_PASSWORD


def test_login_succeeds(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    dialog.username.setText("FuZhanZhang ")
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.try_login()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.DEPUTY


def test_wrong_password_then_lock_out(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    dialog.username.setText("fuzhanzhang")
    dialog.password.setText("wrong-password1")
    dialog.try_login()
    assert dialog.actor is None
    assert "用户名或密码不正确" in dialog.error_label.text() and "4 次" in dialog.error_label.text()
    for _ in range(4):
        dialog.try_login()
    assert "已锁定" in dialog.error_label.text()
    dialog.password.setText(ADMIN_PASSWORD)  # even the right password waits for the lock to pass
    dialog.try_login()
    assert dialog.actor is None and "锁定" in dialog.error_label.text()


def test_unknown_user(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    dialog.username.setText("nobody")
    dialog.password.setText("whatever123")
    dialog.try_login()
    assert dialog.error_label.text() == "用户名或密码不正确。"


def test_demo_station_shows_its_logins(qtbot, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    data = DataDir(tmp_path / "demo")
    make_demo(data, password="Demo2026pw", clock=clock)
    st = open_station(data, clock=clock)
    try:
        dialog = LoginDialog(st)
        qtbot.addWidget(dialog)
        note = dialog.findChild(type(dialog.error_label), "demoNote")
        assert note is not None and "zhanzhang（站长）" in note.text() and "Demo2026pw" in note.text()
        assert dialog.username.text() == "fuzhanzhang" and dialog.password.text() == "Demo2026pw"
        dialog.try_login()
        assert dialog.actor is not None and dialog.actor.username == "fuzhanzhang"
    finally:
        st.close()


def test_ordinary_station_has_no_demo_note(qtbot, station) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(station)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.error_label), "demoNote") is None
    assert dialog.username.text() == ""


def test_change_password(qtbot, station, admin) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePasswordDialog(station, admin, required=True)
    qtbot.addWidget(dialog)
    dialog.old.setText(ADMIN_PASSWORD)
    dialog.new.setText("Newpass2026")
    dialog.again.setText("Newpass2027")
    dialog.try_change()
    assert dialog.error_label.text() and dialog.result() != ChangePasswordDialog.DialogCode.Accepted
    dialog.again.setText("Newpass2026")
    dialog.old.setText("not-it-123")
    dialog.try_change()
    assert "原密码" in dialog.error_label.text()
    dialog.old.setText(ADMIN_PASSWORD)
    dialog.try_change()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert users.login(station, "fuzhanzhang", "Newpass2026").username == "fuzhanzhang"
