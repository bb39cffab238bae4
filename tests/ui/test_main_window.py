"""Main window: Chinese navigation, lazy pages, placeholders, status bar, menus, dashboard cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgz_desktop import __version__
from sgz_desktop.core import users
from sgz_desktop.core.checks import run_compliance
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.about import AboutDialog
from sgz_desktop.ui.dashboard import CHART_PROVIDERS, CheckCard, DashboardPage
from sgz_desktop.ui.main_window import MainWindow

NAV_ZH = ["仪表盘", "人员", "培训", "志愿者", "项目与财务", "档案", "年度移交", "操作日志", "设置"]


@pytest.fixture
def window(qtbot, station: Station, admin: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(station, admin)
    qtbot.addWidget(w)
    w.show()
    return w


def test_navigation_is_chinese_after_login(qtbot, zh, station: Station) -> None:  # type: ignore[no-untyped-def]
    actor = users.login(station, "fuzhanzhang", "Admin2026pw")
    w = MainWindow(station, actor)
    qtbot.addWidget(w)
    w.show()
    assert [w.nav.item(i).text() for i in range(w.nav.count())] == NAV_ZH
    assert w.windowTitle() == "江汉街道社会工作服务站 — 社工站管理套件"
    assert [a.text() for a in w.menuBar().actions()] == ["文件(&F)", "帮助(&H)"]


def test_pages_are_built_on_first_visit(window: MainWindow) -> None:
    assert list(window.pages) == ["dashboard"]
    assert isinstance(window.stack.currentWidget(), DashboardPage)
    window.nav.setCurrentRow(1)
    assert list(window.pages) == ["dashboard", "staff"]
    assert window.current_key() == "staff"
    window.show_page("dashboard")
    assert window.nav.currentRow() == 0


@pytest.mark.parametrize(("key", "class_name"), [
    ("staff", "StaffPage"), ("training", "TrainingPage"), ("volunteers", "VolunteersPage"),
    ("finance", "FinancePage"), ("archives", "ArchivesPage"), ("export", "ExportPage"), ("audit", "AuditPage"),
])
def test_every_area_opens_its_page(window: MainWindow, key: str, class_name: str) -> None:
    window.show_page(key)
    assert type(window.pages[key]).__name__ == class_name
    assert window.current_key() == key


def test_audit_log_and_settings_pages_open(window: MainWindow) -> None:
    window.show_page("audit")
    window.show_page("settings")
    assert window.pages["settings"].tabs.count() == 4  # type: ignore[attr-defined]


def test_status_bar_names_user_station_and_folder(window: MainWindow, station: Station) -> None:
    texts = [window.user_label.text(), window.station_label.text(), window.folder_label.text()]
    assert "王丽" in texts[0] and "副站长" in texts[0]
    assert "江汉街道社会工作服务站" in texts[1]
    assert str(station.data.root) in texts[2]


def test_about_dialog(qtbot, station: Station) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(station)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert __version__ in dialog.findChild(type(dialog.text), "heading").text()
    assert str(station.data.root) in text and "武民政规〔2022〕1号" in text and "MIT" in text
    assert "Python 3." in text and "Qt 6." in text


def test_backup_now_runs_on_the_worker(qtbot, window: MainWindow, tmp_path: Path, shown,  # type: ignore[no-untyped-def]
                                       monkeypatch) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    monkeypatch.setattr(dialogs, "ask_directory", lambda *a, **k: dest)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(shown.infos or shown.errors), timeout=20000)
    assert not shown.errors
    assert str(dest) in shown.infos[0] and "The copy was checked" in shown.infos[0]
    assert any(p.is_dir() for p in dest.iterdir())


def test_backup_refused_for_a_role_without_it(qtbot, station: Station, admin: Actor, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              shown, monkeypatch) -> None:
    users.create_user(station, admin, username="shegong", display_name="李娜", role=Role.SOCIAL_WORKER,
                      password="Worker2026pw")
    worker = users.login(station, "shegong", "Worker2026pw")
    w = MainWindow(station, worker)
    qtbot.addWidget(w)
    monkeypatch.setattr(dialogs, "ask_directory", lambda *a, **k: tmp_path)
    w.backup_now()
    qtbot.waitUntil(lambda: bool(shown.errors), timeout=20000)
    assert "权限不足" in shown.errors[0]


def test_log_out_and_quit_signal(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.closed) as blocker:
        window.log_out()
    assert blocker.args == [True]


def test_dashboard_has_a_card_per_check(qtbot, window: MainWindow, station: Station) -> None:  # type: ignore[no-untyped-def]
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: not page.checking, timeout=20000)  # the checks run on a thread of their own
    results = run_compliance(station)
    assert len(page.cards) == len(results) > 0
    assert {c.result.key for c in page.cards} == {r.key for r in results}
    statuses = [str(c.result.status) for c in page.cards]
    assert statuses == sorted(statuses, key=["failing", "warning", "ok"].index)  # worst first
    liaison = next(c for c in page.cards if c.result.key == "staff.liaisons")
    assert liaison.property("status") == "failing"
    liaison.clicked.emit(liaison.result)
    assert page.detail_dialog is not None and page.detail_dialog.isVisible()
    assert CHART_PROVIDERS and page.charts.count() == len(CHART_PROVIDERS)
    assert isinstance(liaison, CheckCard)
