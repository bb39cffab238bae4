"""The handover register on the Yearly Export page, in Chinese: an export through the wizard appears with its
hash; the form prints again; "verify this package" checks it on the Verify tab with its form; a package
whose drive is gone is shown as such and its buttons say why instead of failing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from sgz_desktop.core.package.export import export_year
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.ui import pdf_preview
from sgz_desktop.ui.export_page import ExportPage
from tests.core.archive_factory import empty_folder, keeper_of_a_year, social_worker

SHOTS = Path(os.environ.get("SGZ_SHOTS", "/tmp/shots"))


@pytest.fixture
def keeper(station: Station, admin: Actor, tmp_path: Path) -> Actor:
    return keeper_of_a_year(station, admin, tmp_path / "src", 2025)


def test_an_export_through_the_wizard_appears_in_the_register(qtbot, zh, station: Station, keeper: Actor,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Path] = []
    monkeypatch.setattr(pdf_preview, "show_pdf_preview", lambda parent, path, title: shown.append(path))
    page = ExportPage(station, keeper)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    history = page.history
    assert history.table.rowCount() == 0 and history.empty.isVisibleTo(page)
    assert not history.print_button.isEnabled() and not history.verify_button.isEnabled()
    wizard = page.open_wizard()
    wizard.next()
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard.target_page.folder.setText(str(usb))
    wizard.next()
    result = wizard.exported
    assert result is not None
    wizard.done(QWizard.DialogCode.Accepted)  # "Finish": the register is read again
    assert history.table.rowCount() == 1 and not history.empty.isVisibleTo(page)
    cells = [history.table.item(0, c).text() for c in range(history.table.columnCount())]
    assert cells[1:5] == ["2025 年度", "Z109-2025-YJ01", "3", cells[4]] and cells[6] == "赵敏"
    assert cells[5] == result.zip_sha256[:16] + "…" and history.table.item(0, 5).toolTip() == result.zip_sha256
    assert cells[7] == str(usb)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "package-register.png"))
    history.copy_button.click()
    assert QGuiApplication.clipboard().text() == result.sha256_path.read_text().split()[0]
    history.print_button.click()
    assert shown == [result.form_path]
    history.verify_button.click()
    assert page.tabs.currentWidget() is page.verify
    report = page.verify.report
    assert report is not None and report.passed and report.zip_sha256 == result.zip_sha256
    assert page.verify.form.text() == str(result.form_path)  # compared with the form's hash too
    again = page.open_wizard()  # a second export of the year: the wizard says when it went out before
    assert "已于 2026-03-02 09:30 由 赵敏 导出过（Z109-2025-YJ01，3 件）" in again.year_page.summary.text()
    again.show()
    again.grab().save(str(SHOTS / "package-wizard-again.png"))
    again.close()


def test_a_package_whose_drive_is_gone_says_so(qtbot, zh, shown, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                               keeper: Actor, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    export_year(station, keeper, 2025, usb)
    shutil.rmtree(usb)  # the USB drive taken away
    page = ExportPage(station, social_worker(station, admin))  # may look, may not export
    qtbot.addWidget(page)
    history = page.history
    assert history.table.rowCount() == 1
    assert history.table.item(0, 7).text() == f"{usb}（现已不在）"
    assert not history.print_button.isEnabled() and not history.verify_button.isEnabled()
    assert history.copy_button.isEnabled()
    history._verify()  # e.g. a double click reaching it: an explanation, not a crash
    assert "不在原处" in shown.errors[0] and page.tabs.currentIndex() == 0
    usb.mkdir()  # the drive plugged back in (the package copied back): the page shown again finds it
    export_year(station, keeper, 2025, usb)
    page.show()
    assert history.table.rowCount() == 2 and history.table.item(1, 7).text() == str(usb)
    assert history.print_button.isEnabled() and history.verify_button.isEnabled()


def test_the_station_key_is_saved_for_the_subdistrict(qtbot, zh, shown, station: Station, admin: Actor,  # type: ignore[no-untyped-def]
                                                      keeper: Actor, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from sgz_desktop.core.package.station_key import station_key
    from sgz_desktop.ui import dialogs

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(dialogs, "ask_directory", lambda parent, title: usb)
    page = ExportPage(station, keeper)
    qtbot.addWidget(page)
    assert page.save_key.isEnabled()
    page.save_key.click()
    key_file = usb / "Z109-站点公钥.pem"
    assert key_file.read_bytes() == station_key(station, keeper).pem
    assert str(key_file) in shown.infos[0] and station_key(station, keeper).fingerprint in shown.infos[0]
    assert "登记表" in shown.infos[0]
    other = ExportPage(station, social_worker(station, admin))
    qtbot.addWidget(other)
    assert not other.save_key.isEnabled()
    from sgz_desktop.ui.audit_page import action_label, field_label, table_label

    assert (action_label("export_public_key"), action_label("export_year")) == ("导出站点公钥", "导出移交包")
    assert table_label("package_export") == "移交记录"
    assert field_label("zip_sha256", "package_export") == "压缩包 SHA-256"



def test_the_form_beside_a_package_is_used_and_follows_the_package(qtbot, zh, station: Station,  # type: ignore[no-untyped-def]
                                                                  keeper: Actor, tmp_path: Path) -> None:
    from sgz_desktop.ui.verify_page import VerifyPage

    first = export_year(station, keeper, 2025, empty_folder(tmp_path, "first"))
    station.clock.advance(days=1)  # type: ignore[attr-defined]
    second = export_year(station, keeper, 2025, empty_folder(tmp_path, "second"))
    assert first.zip_sha256 != second.zip_sha256
    page = VerifyPage()
    qtbot.addWidget(page)
    page.package.setText(str(first.zip_path))
    page.run()
    assert page.form.text() == str(first.form_path) and page.report is not None and page.report.passed
    page.package.setText(str(second.zip_path))  # another package: its own form, not the first one's
    page.run()
    assert page.form.text() == str(second.form_path) and page.report.passed
    page.form.setText(str(first.form_path))  # a form the user chose stays, and is compared
    page.run()
    assert page.form.text() == str(first.form_path) and not page.report.passed
    assert "登记表" in "\n".join(page.report.check(1).failures)
