"""The release's window pieces: backup status line, automatic backups dialog, backup at close, restore
with a preview (File → Restore… and the wizard), and the bundled user manual in Help."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sgz_desktop.core import backup, backup_settings, settings, users
from sgz_desktop.core.backup import backup_to
from sgz_desktop.core.clock import FixedClock
from sgz_desktop.core.roles import Role
from sgz_desktop.core.station import Station
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.backup_status import BackupSettingsDialog, BackupStatusLabel, status_texts, when_text
from sgz_desktop.ui.main_window import MainWindow
from sgz_desktop.ui.manual import docs_dir, manual_path, open_manual
from sgz_desktop.ui.restore_dialog import BackupPreview, RestoreDialog, describe, restore_in_shell
from sgz_desktop.ui.shell import Shell
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def window(qtbot, station: Station, admin) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(station, admin)
    qtbot.addWidget(w)
    w.show()
    return w


def test_status_line_says_no_backup_then_when(zh, window: MainWindow, station: Station) -> None:  # type: ignore[no-untyped-def]
    label = window.backup_status  # type: ignore[attr-defined]
    assert isinstance(label, BackupStatusLabel)
    assert "还没有备份" in label.text() and label.property("overdue")
    backup_settings.backup_on_close(station)
    label.refresh()
    assert label.text() == "上次成功备份：今天 09:30" and not label.property("overdue")
    assert "没有设置第二备份文件夹" in label.toolTip()
    clock = station.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=8)
    label.refresh()
    assert label.text() == "已有 8 天没有备份——请立即备份到U盘" and label.property("overdue")


def test_when_text(zh) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime(2026, 3, 2, 9, 30)
    assert when_text(dt.datetime(2026, 3, 1, 17, 5), now) == "昨天 17:05"
    assert when_text(dt.datetime(2026, 2, 20, 17, 5), now) == "10 天前（2026-02-20）"


def test_second_folder_in_the_tooltip(station: Station, admin, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "U盘"
    usb.mkdir()
    backup_settings.set_second_folder(station, admin, usb)
    backup_settings.backup_on_close(station)
    _line, tip = status_texts(backup_settings.backup_status(station), station.clock.now())
    assert f"第二备份文件夹：{usb}" in tip and "今天 09:30" in tip


def test_automatic_backups_dialog_saves_the_folder_and_refuses_a_bad_one(qtbot, station: Station, admin,  # type: ignore[no-untyped-def]
                                                                        tmp_path: Path, monkeypatch) -> None:
    dialog = BackupSettingsDialog(station, admin)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(station.data.backups))
    dialog.save()
    assert "数据目录" in dialog.error.text() and backup_settings.second_folder(station) is None
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(dialogs, "ask_directory", lambda *a, **k: usb)
    dialog.browse()
    dialog.on_close.setChecked(False)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert backup_settings.second_folder(station) == usb.resolve()
    assert settings.get(station, backup_settings.ON_CLOSE) is False


def test_menus_have_restore_backups_and_manual(window: MainWindow) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    names = [[a.objectName() for a in menu.actions()] for menu in menus]  # type: ignore[union-attr]
    assert names[0][:3] == ["", "restoreAction", "backupSettingsAction"]  # right after "Backup now…"
    assert names[1][0] == "manualAction"  # first in Help
    restore = window.findChild(QAction, "restoreAction")
    assert restore is not None and restore.isEnabled()  # the administrator may restore


def test_closing_the_program_backs_up(qtbot, station: Station, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SGZ_USER", "fuzhanzhang")
    monkeypatch.setenv("SGZ_PASSWORD", ADMIN_PASSWORD)

    class FakeApp:
        def __init__(self) -> None:
            self.codes: list[int] = []

        def exit(self, code: int) -> None:
            self.codes.append(code)

    shell = Shell(FakeApp(), station.data)  # type: ignore[arg-type]
    shell.st = station
    assert shell.start_session()
    assert shell.window is not None
    monkeypatch.setattr(shell, "ask_login", lambda: users.login(station, "fuzhanzhang", ADMIN_PASSWORD))
    first = shell.window
    first.log_out()  # logging out is not closing: no backup
    qtbot.waitUntil(lambda: shell.window is not None and shell.window is not first, timeout=20000)
    assert backup.list_backups(station.data.backups) == []
    shell.window.close()
    made = backup.list_backups(station.data.backups)
    assert len(made) == 1 and made[0].reason == "auto"


def test_preview_lists_the_backups_in_a_folder_and_verifies(qtbot, station: Station, admin, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            zh) -> None:
    usb = tmp_path / "usb"
    first = backup_to(station, admin, usb)
    clock = station.clock
    assert isinstance(clock, FixedClock)
    clock.advance(hours=1)
    second = backup_to(station, admin, usb)
    preview = BackupPreview(current_uuid=station.profile_row().station_uuid)
    qtbot.addWidget(preview)
    preview.set_folder(usb)
    assert preview.list.count() == 2 and preview.selected().path == second.path  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: preview.ready, timeout=20000)
    text = preview.details.text()
    assert "江汉街道社会工作服务站" in text and "2026-03-02 10:30" in text and "用户账号 1" in text
    assert "校验通过" in preview.check.text()
    # a damaged backup is named and cannot be chosen
    (first.path / "station.db").write_bytes(b"garbage")
    preview.list.setCurrentRow(1)
    qtbot.waitUntil(lambda: "这份备份不可靠" in preview.check.text() or "大小不对" in preview.check.text(),
                    timeout=20000)
    assert not preview.ready


def test_describe_warns_of_a_newer_or_foreign_backup(station: Station, admin, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    info = backup_to(station, admin, tmp_path / "usb")
    from dataclasses import replace

    assert "更新版本" in describe(replace(info, schema_revision="9001"))
    assert "另一个站点" in describe(info, current_uuid="someone-else")
    assert "另一个站点" not in describe(info, current_uuid=info.station_uuid)


def test_restore_from_the_window_replaces_the_data_and_asks_for_a_login(zh, qtbot, station: Station, admin,  # type: ignore[no-untyped-def]
                                                                        monkeypatch, shown) -> None:
    saved = backup_to(station, admin, station.data.backups)
    users.create_user(station, admin, username="laterone", display_name="后来的人", role=Role.SOCIAL_WORKER,
                      password="Worker2026pw")
    dialog = RestoreDialog(station, admin)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20000)
    assert dialog.preview.selected().path == saved.path  # type: ignore[union-attr]
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    dialog.restore_button.click()
    assert dialog.source == saved.path

    class FakeApp:
        def exit(self, code: int) -> None:
            raise AssertionError(f"quit with {code}")

    shell = Shell(FakeApp(), station.data)  # type: ignore[arg-type]
    shell.st = station
    logins: list[int] = []
    monkeypatch.setattr(shell, "start_session", lambda: logins.append(1) or True)
    restore_in_shell(shell, saved.path)
    assert logins == [1] and shell.st is not station and shell.st is not None
    names = [u.username for u in users.list_users(shell.st, users.login(shell.st, "fuzhanzhang", ADMIN_PASSWORD))]
    assert "laterone" not in names  # the data is the backup's
    assert "已恢复" in shown.infos[0] and "before-restore-" in shown.infos[0]
    shell.st.close()


def test_wizard_restore_page_shows_the_preview(qtbot, station: Station, admin, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.ui.wizard import Choice, FirstRunWizard

    info = backup_to(station, admin, tmp_path / "usb")
    wiz = FirstRunWizard(DataDir(tmp_path / "newpc"), clock=clock)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.choice_page.buttons[Choice.RESTORE].setChecked(True)
    wiz.next()
    wiz.restore_page.preview.set_folder(tmp_path / "usb")  # the USB drive itself: its backup is found
    assert wiz.restore_page.preview.selected().path == info.path  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: wiz.restore_page.preview.ready, timeout=20000)
    wiz.next()
    assert wiz.station is not None
    wiz.station.close()


def test_help_opens_the_bundled_manual_with_its_pictures(qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    path = manual_path("zh")
    assert path == docs_dir() / "manual-zh.md" and path.exists()
    assert manual_path("en").name == "manual-en.md"
    window = open_manual(None, "zh")
    assert window is not None
    qtbot.addWidget(window)
    text = window.browser.toPlainText()
    assert "用户手册" in text and "备份" in text
    images = [str(p.relative_to(docs_dir())) for p in (docs_dir() / "images").glob("*.png")]
    markdown = path.read_text(encoding="utf-8")
    referenced = [name for name in images if name in markdown]
    assert referenced, "the manual shows screenshots"
    resource = window.browser.document().resource(3, window.browser.source().resolved(  # 3 = ImageResource
        type(window.browser.source())(referenced[0])))
    assert resource is not None and not resource.isNull()
    window.find_edit.setText("恢复密钥")
    window.find_next()
    assert window.browser.textCursor().selectedText() == "恢复密钥"
    assert open_manual(None, "zh") is window  # a second Help → User manual raises the same window
    window.close()
    QApplication.processEvents()


def test_the_wizard_says_where_the_data_and_backups_are(zh, qtbot, station: Station, tmp_path: Path, shown,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    from sgz_desktop.ui.backup_status import BackupPlaceNote

    note = BackupPlaceNote()
    qtbot.addWidget(note)
    note.set_station(station)
    assert str(station.data.root) in note.text.text() and str(station.data.backups) in note.text.text()
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: out)
    note.print_button.click()
    assert out.exists() and str(out) in shown.infos[0]


def test_the_wizard_finish_page_carries_the_note(qtbot, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.ui.wizard import FirstRunWizard

    wiz = FirstRunWizard(DataDir(tmp_path / "new"), clock=clock)
    qtbot.addWidget(wiz)
    assert wiz.finish_page.backup_note.print_button.text()
