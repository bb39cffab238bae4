"""The Archives page offscreen: the lazy list and its filters, the chosen item's details and file preview,
registering with files, filing by the archivist, corrections, filing a training record, the catalogue, the
items due for appraisal, and what other roles may not do."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sgz_desktop.core import archive_filing, archives, training
from sgz_desktop.core.roles import SYSTEM, Actor
from sgz_desktop.core.station import Station
from sgz_desktop.core.training import SessionInput
from sgz_desktop.ui import archives_item_dialog, dialogs
from sgz_desktop.ui.archives_dialogs import CatalogueDialog, DueDialog, FromRecordDialog
from sgz_desktop.ui.archives_item_dialog import ItemDialog
from sgz_desktop.ui.archives_page import ArchivesPage
from sgz_desktop.ui.archives_preview import ScannedPdfPages, pages_for
from tests.core.archive_factory import archivist, item, social_worker, write_jpeg, write_pdf
from tests.ui.conftest import Shown


@pytest.fixture
def keeper(station: Station, admin: Actor) -> Actor:
    return archivist(station, admin)


@pytest.fixture
def filled(station: Station, keeper: Actor, tmp_path: Path) -> list[int]:
    pdf, jpg = write_pdf(tmp_path, "通知.pdf", pages=2), write_jpeg(tmp_path, "照片.jpg")
    ids = [archives.register_item(station, SYSTEM, item(f"2025年第{n}次站务会议纪要", dt.date(2025, 1 + n, 3)),
                                  [pdf, jpg]).id for n in range(6)]
    archive_filing.finalise(station, keeper, ids[:4])
    archives.register_item(station, SYSTEM, item("2014年社区服务中心移交档案", dt.date(2014, 6, 1), retention="D10"),
                           [pdf])
    return ids


def make_page(qtbot, station: Station, actor: Actor) -> ArchivesPage:  # type: ignore[no-untyped-def]
    page = ArchivesPage(station, actor)
    qtbot.addWidget(page)
    page.resize(1400, 820)
    return page


def row_of(page: ArchivesPage, title: str) -> int:
    model = page.table.model
    return next(r for r in range(model.rowCount()) if model.row_values(r)[1] == title)


def choose(page: ArchivesPage, title: str) -> None:
    page.table.view.selectRow(row_of(page, title))
    QApplication.processEvents()


def test_list_filters_and_model(qtbot, qtmodeltester, station: Station, keeper: Actor, filled: list[int],  # type: ignore[no-untyped-def]
                                zh: None) -> None:
    page = make_page(qtbot, station, keeper)
    qtmodeltester.check(page.table.model)
    assert page.table.model.total == 7
    assert page.table.model.headerData(0, Qt.Orientation.Horizontal) == "档号"  # the Chinese UI
    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    assert page.table.model.total == 3
    page.year_filter.setCurrentIndex(page.year_filter.findData(2014))
    assert page.table.model.total == 1
    page.status_filter.setCurrentIndex(0)
    page.year_filter.setCurrentIndex(0)
    page.table.filter_edit.setText("第3次")
    page.table.apply_text_filter()
    assert page.table.model.total == 1


def test_details_and_preview_of_the_chosen_item(qtbot, station: Station, keeper: Actor, filled: list[int]  # type: ignore[no-untyped-def]
                                                ) -> None:
    page = make_page(qtbot, station, keeper)
    page.show()
    choose(page, "2025年第1次站务会议纪要")
    panel = page.panel
    assert panel.detail is not None and panel.detail.item.danghao == "Z109-WS·2025-D30-BGS-0002"
    assert "已归档" in panel.values["status"].text() and panel.files.count() == 2
    assert panel.preview.page_count() == 2 and panel.preview.shown_image() is not None
    panel.preview.show_page(1)
    assert panel.preview.page_label.text().startswith("Page 2") and not panel.preview.next_button.isEnabled()
    panel.files.setCurrentRow(1)  # the JPEG
    assert panel.preview.page_count() == 1 and panel.preview.shown_image() is not None
    assert page.open_button.text() == "Correct…" and not page.delete_button.isEnabled()


def test_scanned_pdf_shows_without_a_renderer(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    pages = ScannedPdfPages(write_pdf(tmp_path, pages=3))
    assert pages.page_count() == 3
    image = pages.render(2, 300)
    assert image is not None and image.width() == 300
    assert pages_for(write_jpeg(tmp_path), "jpeg") is not None and pages_for(tmp_path / "x.doc", "docx") is None


def test_register_with_files_then_file_it(qtbot, station: Station, keeper: Actor, filled: list[int],  # type: ignore[no-untyped-def]
                                          shown: Shown, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = make_page(qtbot, station, keeper)
    dialog = page.new_item()
    qtbot.addWidget(dialog)
    dialog.save()  # an empty title
    assert dialog.errors.shown().get("题名") == "不能为空"
    dialog.title_edit.setText("关于调整值班制度的通知")
    dialog.number_edit.setText("后社工〔2025〕12号")
    dialog.save()
    assert "请选择" in dialog.errors.shown().get("保管期限", "")  # no period is assumed for a new item
    dialog.retention_combo.setCurrentIndex(dialog.retention_combo.findData("D30"))
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-200))
    monkeypatch.setattr(archives_item_dialog, "ask_files", lambda *a: [write_pdf(tmp_path, "值班表.pdf", pages=3),
                                                                       write_jpeg(tmp_path, "签批.jpg")])
    dialog.add_files()
    assert dialog.file_list.count() == 2
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    new = dialog.result_item
    assert new is not None and (new.file_count, new.pages, new.status) == (2, 4, "draft")
    assert page.panel.detail is not None and page.panel.detail.item.id == new.id
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    done = page.finalise_selected()
    assert done and done[0].danghao == "Z109-WS·2025-D30-BGS-0005"
    assert not shown.errors


def test_file_every_listed_draft(qtbot, station: Station, keeper: Actor, filled: list[int], shown: Shown,  # type: ignore[no-untyped-def]
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    page = make_page(qtbot, station, keeper)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2025))
    done = page.finalise_listed()
    assert [i.item_number for i in done] == [5, 6] and shown.infos == ["2 items were filed."]
    assert archives.list_items(station, keeper, status="draft", year=2025) == []


def test_correct_a_filed_item(qtbot, station: Station, keeper: Actor, filled: list[int], shown: Shown  # type: ignore[no-untyped-def]
                              ) -> None:
    page = make_page(qtbot, station, keeper)
    choose(page, "2025年第0次站务会议纪要")
    dialog = page.open_item()
    assert isinstance(dialog, ItemDialog) and dialog.mode == "amend"
    qtbot.addWidget(dialog)
    assert not dialog.retention_combo.isEnabled() and not dialog.category_combo.isEnabled()
    dialog.title_edit.setText("2025年第1次站务会议纪要（更正）")
    dialog.save()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: dialog.task is None or dialog.task.is_finished, timeout=10000)
    assert "请写明更正的原因" in dialog.errors.shown().get("更正原因", "")
    dialog.reason_edit.setText("会议次序写错")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    assert page.panel.detail is not None and page.panel.detail.amendments[0].reason == "会议次序写错"
    assert "Corrections:" in page.panel.amendments.text()


def test_other_roles(qtbot, station: Station, admin: Actor, filled: list[int]) -> None:  # type: ignore[no-untyped-def]
    deputy = make_page(qtbot, station, admin)
    assert deputy.new_button.isEnabled() and not deputy.finalise_button.isEnabled()
    choose(deputy, "2025年第0次站务会议纪要")  # filed: the deputy may not correct it
    assert not deputy.open_button.isEnabled()
    worker = make_page(qtbot, station, social_worker(station, admin))
    assert not worker.new_button.isEnabled() and not worker.record_button.isEnabled()
    choose(worker, "2025年第5次站务会议纪要")
    assert not worker.open_button.isEnabled() and not worker.delete_button.isEnabled()
    assert worker.panel.detail is not None  # but may look


def test_file_a_training_record(qtbot, station: Station, keeper: Actor, admin: Actor, shown: Shown) -> None:  # type: ignore[no-untyped-def]
    session = training.add_session(station, admin, SessionInput("社会救助政策解读", "政策法规培训", dt.date(2025, 4, 9),
                                                                Decimal(2)))
    page = make_page(qtbot, station, admin)
    dialog = page.file_record()
    assert isinstance(dialog, FromRecordDialog)
    qtbot.addWidget(dialog)
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2025))
    assert [c.title for c in dialog.candidates] == ["社会救助政策解读"]
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.filed, timeout=10000):
        dialog.file_selected()
    filed = archives.list_items(station, admin, status="draft")
    assert filed[0].source_id == session.id and page.panel.detail is not None
    assert "draft archive item" in shown.infos[-1]


def test_catalogue_excel_and_due_list(qtbot, station: Station, keeper: Actor, filled: list[int], shown: Shown,  # type: ignore[no-untyped-def]
                                      tmp_path: Path) -> None:
    archive_filing.finalise(station, keeper, [i.id for i in archives.list_items(station, keeper, year=2014)])
    page = make_page(qtbot, station, keeper)
    dialog = page.catalogue()
    assert isinstance(dialog, CatalogueDialog)
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2025))
    dialog.excel_radio.setChecked(True)
    task = dialog.make(tmp_path / "目录.xlsx")
    assert task is not None
    qtbot.waitUntil(lambda: task.is_finished, timeout=10000)
    rows = list(load_workbook(tmp_path / "目录.xlsx", read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 5 and rows[1][1] == "Z109-WS·2025-D30-BGS-0001"
    due = page.due()
    assert isinstance(due, DueDialog) and due.table.model.total == 1


def test_screenshots(qtbot, station: Station, keeper: Actor, filled: list[int], zh: None,  # type: ignore[no-untyped-def]
                     tmp_path: Path) -> None:
    """Set SGZ_SHOTS=/tmp/shots to keep the pictures."""
    shots = Path(os.environ.get("SGZ_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page = make_page(qtbot, station, keeper)
    page.show()
    choose(page, "2025年第1次站务会议纪要")
    assert page.grab().save(str(shots / "archives-page-test.png"))
    dialog = page.open_item()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.grab().save(str(shots / "archives-amend-test.png"))


def test_a_dashboard_card_lists_its_items(qtbot, station: Station, keeper: Actor, filled: list[int]) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.core import checks

    archive_filing.finalise(station, keeper, [i.id for i in archives.list_items(station, keeper, year=2014)])
    card = next(r for r in checks.run_compliance(station) if r.key == "archives.appraisal")
    page = make_page(qtbot, station, keeper)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2025))
    page.show_people(card.people, card.title)
    assert page.table.model.total == 1 and page.table.model.row_values(0)[1] == "2014年社区服务中心移交档案"
    assert page.year_filter.currentIndex() == 0 and not page.people_bar.isHidden()
    page.clear_people()
    assert page.table.model.total == 7 and page.people_bar.isHidden()


def test_the_main_window_opens_the_archives_page(qtbot, station: Station, keeper: Actor) -> None:  # type: ignore[no-untyped-def]
    from sgz_desktop.ui.main_window import MainWindow

    window = MainWindow(station, keeper)
    qtbot.addWidget(window)
    window.show_page("archives")
    assert isinstance(window.pages["archives"], ArchivesPage)
