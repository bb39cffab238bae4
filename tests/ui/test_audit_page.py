"""The audit log page in Chinese on a real station: count, filters, detail pane, export, refusal."""

from __future__ import annotations

import datetime as dt
import os
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from sgz_desktop.core import users
from sgz_desktop.core.excel import read_rows
from sgz_desktop.core.roles import Actor, Role
from sgz_desktop.core.station import Station
from sgz_desktop.core.tables import TableQuery
from sgz_desktop.ui import dialogs
from sgz_desktop.ui.audit_page import AuditPage, AuditSource
from sgz_desktop.ui.table_page import TablePage
from tests.ui.audit_rows import add_audit_entries

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
N = 2000
PASSWORD = "Station2026pw"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "widgets_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def page(qtbot, station: Station, admin: Actor, chinese: None) -> AuditPage:  # type: ignore[no-untyped-def]
    for username, role in (("shegong", Role.SOCIAL_WORKER), ("caiwu", Role.FINANCE), ("dangan", Role.ARCHIVIST)):
        users.create_user(station, admin, username=username, display_name=username.upper(), role=role,
                          password=PASSWORD)
    add_audit_entries(station, N)
    widget = AuditPage(station, admin)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def table(page: AuditPage) -> TablePage:
    assert page.table is not None
    return page.table


def test_page_shows_newest_first_and_the_total(page: AuditPage) -> None:
    t = table(page)
    assert t.count_label.text() == f"共 {t.model.total} 条"
    assert t.model.total > N
    assert t.model.headerData(0, Qt.Orientation.Horizontal) == "时间"
    first, second = t.model.row_values(0)[0], t.model.row_values(1)[0]
    assert isinstance(first, dt.datetime) and first >= second
    assert t.export_button.text() == "导出 Excel"


def test_filters_narrow_the_rows(qtbot, page: AuditPage) -> None:  # type: ignore[no-untyped-def]
    t = table(page)
    page.action_combo.setCurrentIndex(page.action_combo.findData("login"))
    logins = t.model.total
    assert logins == N // 10 + 1  # every 10th synthetic entry, plus the admin's own login
    page.user_combo.setCurrentIndex(page.user_combo.findData("caiwu"))
    assert t.model.total == len([i for i in range(N) if i % 10 == 0 and i % 4 == 2])
    assert t.count_label.text() == f"共 {t.model.total} 条"
    page.user_combo.setCurrentIndex(0)
    page.action_combo.setCurrentIndex(0)
    page.set_date_range(dt.date(2025, 1, 1), dt.date(2025, 1, 1))
    assert t.model.total == 16 * 60  # from 08:00, one entry a minute, until midnight
    page.set_date_range(None, None)
    page.table_combo.setCurrentIndex(page.table_combo.findData("community"))
    assert t.model.total == 4
    assert {t.model.row_values(r)[3] for r in range(4)} == {"社区/村"}


def test_typing_filters_after_a_pause(qtbot, page: AuditPage) -> None:  # type: ignore[no-untyped-def]
    t = table(page)
    t.filter_edit.insert("员工1999")  # as typed (keyClicks cannot type Chinese)
    assert t.model.query.text == ""  # not on every key stroke
    qtbot.waitUntil(lambda: t.model.total == 1, timeout=20000)
    assert t.count_label.text() == "共 1 条"
    t.filter_edit.clear()
    t.apply_text_filter()
    assert t.model.total > N


def test_detail_pane_shows_before_and_after(page: AuditPage) -> None:
    t = table(page)
    t.filter_edit.setText("员工1999")
    t.apply_text_filter()
    t.view.selectRow(0)
    assert page.detail.rowCount() == 2
    cells = [[page.detail.item(r, c).text() for c in range(3)] for r in range(2)]
    assert cells == [["姓名", "员工1999", "员工1999"], ["月工资", "¥5,019.99", "¥5,020.99"]]
    assert "人员花名册 #1999" in page.detail_title.text() and "修改" in page.detail_title.text()
    t.filter_edit.setText("zzz-nothing")
    t.apply_text_filter()
    assert page.detail.rowCount() == 0


def test_real_changes_are_logged_and_shown(page: AuditPage, station: Station, admin: Actor) -> None:
    info = users.create_user(station, admin, username="xiaoli", display_name="李华", role=Role.SOCIAL_WORKER,
                             password=PASSWORD)
    users.update_user(station, admin, info.id, display_name="李华华")
    t = table(page)
    t.refresh()
    t.filter_edit.setText("李华华")
    t.apply_text_filter()
    t.view.selectRow(0)
    cells = {page.detail.item(r, 0).text(): page.detail.item(r, 2).text() for r in range(page.detail.rowCount())}
    assert cells["显示名称"] == "李华华"
    assert "显示名称：李华 → 李华华" in {str(t.model.row_values(r)[5]) for r in range(t.model.rowCount())}


def test_export_writes_exactly_the_filtered_rows(qtbot, page: AuditPage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    t = table(page)
    target = tmp_path / "操作日志"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: target)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _title, text: told.append(text))
    page.user_combo.setCurrentIndex(page.user_combo.findData("dangan"))
    t.model.fetch_all()
    expected = [tuple(t.model.row_values(r)[:6]) for r in range(t.model.rowCount())]
    task = t.export_to_excel()
    assert task is not None and not t.export_button.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    path = target.with_suffix(".xlsx")
    rows = list(read_rows(path))
    assert rows[0] == ("时间", "用户", "操作", "记录类型", "记录编号", "详情")
    written = [tuple(v if v is not None else "" for v in row) for row in rows[1:]]
    assert written == [tuple("" if v is None else v for v in row) for row in expected]
    assert len(written) == N // 4
    assert told == [f"已导出 {N // 4} 条记录到 {path}。"] and t.export_button.isEnabled()


class PausingSource(AuditSource):
    """Stops the export at its second page until the test has pressed Cancel."""

    def __init__(self, st: Station, actor: Actor) -> None:
        super().__init__(st, actor)
        self.reached, self.release = threading.Event(), threading.Event()

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        if offset >= 1000:
            self.reached.set()
            self.release.wait(10)
        return super().page(query, offset, limit)


def test_export_cancelled_midway_leaves_no_file(qtbot, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    add_audit_entries(station, N)
    source = PausingSource(station, admin)
    t = TablePage(source, "操作日志")
    qtbot.addWidget(t)
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "log.xlsx").write_bytes(b"last week's export")
    task = t.export_to_excel(exports / "log.xlsx")
    assert task is not None and source.reached.wait(10)
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=20000):
        source.release.set()
    assert [p.name for p in exports.iterdir()] == ["log.xlsx"]
    assert (exports / "log.xlsx").read_bytes() == b"last week's export"


def test_roles_without_audit_permission_are_refused(qtbot, station: Station, admin: Actor, chinese: None) -> None:  # type: ignore[no-untyped-def]
    users.create_user(station, admin, username="caiwu", display_name="赵敏", role=Role.FINANCE, password=PASSWORD)
    finance = users.login(station, "caiwu", PASSWORD)
    widget = AuditPage(station, finance)
    qtbot.addWidget(widget)
    assert widget.table is None
    assert "权限不足" in widget.refused.text() and "查看操作日志" in widget.refused.text()


def test_every_widget_string_has_its_chinese_translation() -> None:
    root = ET.parse(TRANSLATIONS / "widgets_zh_CN.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.text, message.findtext("source")
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), message.findtext("source")
    qm = TRANSLATIONS / "widgets_zh_CN.qm"
    assert qm.stat().st_mtime >= (TRANSLATIONS / "widgets_zh_CN.ts").stat().st_mtime - 1


def test_screenshot(page: AuditPage, tmp_path: Path) -> None:
    """Renders with entries and a selected change; set SGZ_SHOTS=/tmp/shots to keep the picture."""
    page.show()
    table(page).view.selectRow(12)
    QCoreApplication.processEvents()
    image = page.grab().toImage()
    assert image.width() >= 1200 and not image.isNull()
    shots = Path(os.environ.get("SGZ_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    assert image.save(str(shots / "audit_page.png"))
