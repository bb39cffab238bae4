"""The export wizard on a real station, in Chinese: pre-check counts and blockers, the recorded override,
the export on the worker, the result with the hash and the registration form."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.ui import pdf_preview
from sgz_desktop.ui.export_page import ExportPage
from sgz_desktop.ui.export_wizard import ExportWizard
from tests.core.archive_factory import filed, finalised, item, keeper_of_a_year, social_worker

SHOTS = Path(os.environ.get("SGZ_SHOTS", "/tmp/shots"))


def shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"package-{name}.png"))  # type: ignore[attr-defined]


def on_the_target_page(qtbot, station: Station, keeper: Actor, usb: Path) -> ExportWizard:  # type: ignore[no-untyped-def]
    wizard = ExportWizard(station, keeper)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.target_page.folder.setText(str(usb))
    return wizard


@pytest.fixture
def keeper(station: Station, admin: Actor, tmp_path: Path) -> Actor:
    return keeper_of_a_year(station, admin, tmp_path / "src", 2025)


def test_wizard_exports_and_shows_hash_and_form(qtbot, zh, station: Station, keeper: Actor, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Path] = []
    monkeypatch.setattr(pdf_preview, "show_pdf_preview", lambda parent, path, title: shown.append(path))
    wizard = ExportWizard(station, keeper)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.year_page
    assert page.selected_year == 2025 and page.check is not None and page.check.items == 3
    assert page.groups.rowCount() == 1 and page.groups.item(0, 2).text() == "3"
    assert page.isComplete() and not page.blockers.isVisible()
    shot(wizard, "wizard-year")
    wizard.next()
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard.target_page.folder.setText(str(usb))
    assert wizard.target_page.isComplete()
    shot(wizard, "wizard-target")
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    result = wizard.exported
    assert result is not None and result.zip_path.exists()
    assert wizard.result_page.hash.text() == result.sha256_path.read_text().split()[0]
    assert "3 件档案" in wizard.result_page.text.text()
    shot(wizard, "wizard-result")
    wizard.result_page.print_form.click()
    assert shown == [result.form_path]


def test_drafts_block_until_the_archivist_gives_a_reason(qtbot, zh, station: Station, keeper: Actor,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    filed(station, keeper, tmp_path / "src", item("未归档的会议纪要", dt.date(2025, 10, 8)))
    wizard = ExportWizard(station, keeper)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.year_page
    assert page.blockers.count() == 1 and "未归档的会议纪要" in page.blockers.item(0).text()
    assert not page.isComplete() and page.override.isVisible()
    page.override.setChecked(True)
    assert not page.isComplete()
    page.reason.setText("街道要求月底前移交")
    assert page.isComplete() and page.override_reason == "街道要求月底前移交"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # it stayed greyed out: a click did nothing
    shot(wizard, "wizard-blocked")
    wizard.next()
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard.target_page.folder.setText(str(usb))
    wizard.next()
    assert wizard.exported is not None and wizard.exported.overridden
    assert "强制导出" in wizard.result_page.text.text()


def test_a_year_too_large_for_one_package_is_stopped_with_no_override(qtbot, zh, station: Station,  # type: ignore[no-untyped-def]
                                                                      keeper: Actor, monkeypatch) -> None:
    from sgz_desktop.core.package import collect

    monkeypatch.setattr(collect, "MAX_ENTRIES", 10)  # the year's few items are "too many" for a limit of ten
    wizard = ExportWizard(station, keeper)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.year_page
    assert page.blockers.count() == 1 and "一个移交包装不下" in page.blockers.item(0).text()
    assert not page.isComplete() and not page.override.isVisible()
    page.override.setChecked(True)  # hidden, but even were it ticked: no reason overrides this one
    page.reason.setText("试试")
    assert not page.isComplete() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.override.setChecked(False)
    page.reason.clear()
    shot(wizard, "wizard-too-many")


def test_a_failed_export_stays_on_the_target_page(qtbot, zh, shown, station: Station, keeper: Actor,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "Z109-2025-YJ01.zip").write_bytes(b"old")
    wizard = on_the_target_page(qtbot, station, keeper, usb)
    wizard.next()
    assert wizard.currentPage() is wizard.target_page and "已经存在" in shown.errors[0]
    wizard.target_page.replace.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.result_page


def test_page_offers_the_wizard_only_to_those_who_may_export(qtbot, zh, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                            keeper: Actor) -> None:
    page = ExportPage(station, keeper)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    assert page.start.isEnabled() and page.tabs.tabText(1) == "校验移交包"
    shot(page, "page")
    wizard = page.open_wizard()
    assert isinstance(wizard, QWizard) and wizard.isVisible()
    wizard.close()
    other = ExportPage(station, social_worker(station, admin))
    qtbot.addWidget(other)
    assert not other.start.isEnabled()


def test_wizard_exports_a_project_cycle(qtbot, zh, station: Station, admin: Actor, keeper: Actor,  # type: ignore[no-untyped-def]
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sgz_desktop.core.projects import FEATURED, ProjectInput, add_project

    shown: list[Path] = []
    monkeypatch.setattr(pdf_preview, "show_pdf_preview", lambda parent, path, title: shown.append(path))
    project = add_project(station, admin, ProjectInput(FEATURED, "楼栋自治·邻里守望", dt.date(2025, 3, 1), "社区治理"))
    src = tmp_path / "more"
    src.mkdir()
    for n in range(2):
        finalised(station, keeper, keeper, src, item(f"楼栋议事会纪要{n}", dt.date(2025, 5 + n, 8),
                                                     project_id=project.id))
    wizard = ExportWizard(station, keeper)
    qtbot.addWidget(wizard)
    wizard.resize(820, 600)
    wizard.show()
    page = wizard.year_page
    assert wizard.windowTitle() == "导出档案移交包" and page.selected_project is None
    assert page.project.count() == 1 and "楼栋自治·邻里守望（2025-03-01 – 未结束）" in page.project.itemText(0)
    page.by_project.setChecked(True)
    assert page.selected_project == project.id and not page.year.isEnabled()
    assert page.check is not None and page.check.items == 2 and page.isComplete()
    assert "项目周期 2025-03-01 至 2026-03-02" in page.summary.text() and "计至今天" in page.summary.text()
    assert page.groups.item(0, 0).text().endswith("· 2025")
    shot(wizard, "wizard-project")
    wizard.next()
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard.target_page.folder.setText(str(usb))
    wizard.next()
    result = wizard.exported
    assert result is not None and result.zip_path.name == f"Z109-XM{project.id:03d}-YJ01.zip" and result.items == 2
    assert "服务项目：楼栋自治·邻里守望" in wizard.result_page.text.text()
    shot(wizard, "wizard-project-result")
    wizard.result_page.print_form.click()
    assert shown == [result.form_path]
    page.by_year.setChecked(True)  # back to the year: the year's pre-check again
    assert page.selected_project is None and page.check is not None and page.check.items == 5


def test_the_xml_choice_follows_the_setting_and_reaches_the_package(qtbot, zh, station: Station, keeper: Actor,  # type: ignore[no-untyped-def]
                                                                    admin: Actor, tmp_path: Path) -> None:
    import zipfile

    from sgz_desktop.core import settings
    from sgz_desktop.core.package import layout

    settings.set_value(station, admin, "package.metadata_xml", True)
    wizard = ExportWizard(station, keeper)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.target_page.xml.isChecked()
    assert "XML" in wizard.target_page.xml.text() and "元数据" in wizard.target_page.xml.text()
    shot(wizard, "wizard-target-xml")
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard.target_page.folder.setText(str(usb))
    wizard.next()
    result = wizard.exported
    assert result is not None
    with zipfile.ZipFile(result.zip_path) as z:
        assert len([n for n in z.namelist() if n.endswith(layout.METADATA_XML)]) == result.items


def test_a_drive_without_room_is_named_before_the_export(qtbot, zh, station: Station, keeper: Actor,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    usb = tmp_path / "usb"
    usb.mkdir()
    real = shutil.disk_usage
    free = {"bytes": 1 << 20}
    monkeypatch.setattr(shutil, "disk_usage",
                        lambda p: real(p)._replace(free=free["bytes"]) if Path(p) == usb else real(p))
    wizard = on_the_target_page(qtbot, station, keeper, usb)
    page = wizard.target_page
    assert not page.isComplete() and page.room.objectName() == "errorLabel"
    assert "可用空间 1.0 MB" in page.room.text() and "空间不足" in page.room.text()
    shot(wizard, "wizard-target-full")
    free["bytes"] = 8 << 30
    page.folder.setText(str(usb) + os.sep)
    assert page.isComplete() and page.room.objectName() == "hintLabel" and "8.0 GB" in page.room.text()


def test_a_disk_filling_up_during_the_export_is_said_in_words_and_leaves_nothing(  # type: ignore[no-untyped-def]
        qtbot, zh, station: Station, keeper: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from sgz_desktop.core import durable
    from sgz_desktop.ui import dialogs

    def full(self: durable.DurableFile, view: memoryview) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(durable.DurableFile, "_write_all", full)
    said: list[str] = []
    monkeypatch.setattr(dialogs.QMessageBox, "warning", lambda parent, title, text: said.append(text))
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard = on_the_target_page(qtbot, station, keeper, usb)
    wizard.next()
    assert wizard.currentPage() is wizard.target_page and wizard.exported is None
    assert len(said) == 1 and "磁盘已满" in said[0] and "意外" not in said[0], said
    assert list(usb.iterdir()) == []
