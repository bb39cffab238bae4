"""The shared print preview: real PDFs from the core rendered to page pictures, printed to a PDF printer,
saved as, and an honest fallback when the PC has no renderer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from sgz_desktop.core.reports.staff import write_roster_pdf
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station
from sgz_desktop.ui import dialogs, pdf_preview
from sgz_desktop.ui.pdf_preview import PdfPreviewDialog, pdf_renderer, preview_report
from tests.core.staff_factory import add


def _has_qtpdf() -> bool:
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        return False
    return True


needs_renderer = pytest.mark.skipif(shutil.which("pdftoppm") is None and not _has_qtpdf(),
                                    reason="neither QtPdf nor pdftoppm on this PC")


@pytest.fixture
def roster_pdf(station: Station, admin: Actor, tmp_path: Path) -> Path:
    for n in range(40):  # two landscape pages
        add(station, admin, 9000 + n)
    return write_roster_pdf(station, admin, tmp_path / "人员花名册.pdf")


def _dark_share(image) -> float:  # type: ignore[no-untyped-def]
    """Share of sampled pixels that are not white: a blank page is 0."""
    dark = total = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 200
    return dark / total


@needs_renderer
def test_pages_render_as_pictures_on_white(qtbot, roster_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(roster_pdf, "人员花名册")
    qtbot.addWidget(dialog)
    assert dialog.renderer is not None
    assert len(dialog.pages) == len(PdfReader(str(roster_pdf)).pages) >= 2
    size = dialog.renderer.page_size(0)
    assert size.width() > size.height()  # the roster is A4 landscape
    image = dialog.renderer.render(0, 50)
    assert abs(image.width() - size.width() * 50 / 72) <= 2
    assert image.pixelColor(2, 2).lightness() == 255  # paper painted white, not transparent
    assert 0.01 < _dark_share(image) < 0.5  # text and table lines are there
    dialog.show()
    dialog.render_page(1, 40)
    assert dialog.pages[1].pixmap() is not None and not dialog.pages[1].pixmap().isNull()
    assert dialog.info.text().startswith(str(len(dialog.pages)))  # "2 pages"


@needs_renderer
def test_zoom_resizes_the_pages(qtbot, roster_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(roster_pdf, "人员花名册")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findData(1.0))
    width_100 = dialog.pages[0].width()
    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findData(0.5))
    assert abs(dialog.pages[0].width() * 2 - width_100) <= 2
    assert abs(width_100 - 842 * 96 / 72) <= 2  # A4 landscape is 842 pt wide


@needs_renderer
def test_print_to_a_pdf_printer_prints_every_page_in_its_orientation(qtbot, roster_pdf: Path,  # type: ignore[no-untyped-def]
                                                                      tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(roster_pdf, "人员花名册")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == len(dialog.pages)
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == len(dialog.pages)
    box = printed.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape


def test_save_as_copies_the_file(qtbot, roster_pdf: Path, tmp_path: Path, shown) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(roster_pdf, "人员花名册", find_renderer=False)
    qtbot.addWidget(dialog)
    target = dialog.save_as(tmp_path / "copy")
    assert target == tmp_path / "copy.pdf"
    assert target.read_bytes() == roster_pdf.read_bytes()
    assert str(target) in shown.infos[0]


def test_without_a_renderer_the_dialog_offers_the_viewer(qtbot, zh, roster_pdf: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(roster_pdf, "人员花名册", find_renderer=False)
    qtbot.addWidget(dialog)
    assert dialog.renderer is None and not dialog.pages
    assert not dialog.print_button.isEnabled() and dialog.open_button.isEnabled()
    assert "PDF 阅读器" in dialog.notice.text()
    assert dialog.windowTitle() == "打印预览 — 人员花名册"


def test_no_renderer_is_found_without_qtpdf_or_pdftoppm(roster_pdf: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pdf_preview, "QtPdfRenderer", _refuse)
    monkeypatch.setattr(pdf_preview.shutil, "which", lambda _name: None)
    assert pdf_renderer(roster_pdf) is None


def _refuse(path: Path) -> None:
    raise ImportError("no QtPdf")


@needs_renderer
def test_preview_report_writes_on_the_worker_then_opens_the_preview(qtbot, station: Station,  # type: ignore[no-untyped-def]
                                                                    admin: Actor, monkeypatch) -> None:
    opened: list[tuple[Path, str]] = []
    monkeypatch.setattr(pdf_preview, "show_pdf_preview", lambda parent, path, title: opened.append((path, title)))
    monkeypatch.setattr(dialogs, "show_error", lambda *a, **k: opened.append(("error", a)))  # type: ignore[arg-type]
    task = preview_report(None, "人员花名册", "人员花名册-test.pdf",
                          lambda path: write_roster_pdf(station, admin, path))
    qtbot.waitUntil(lambda: task.is_finished, timeout=20000)
    assert len(opened) == 1 and opened[0][1] == "人员花名册"
    path = opened[0][0]
    assert isinstance(path, Path) and path.name == "人员花名册-test.pdf"
    assert "人员花名册" in PdfReader(str(path)).pages[0].extract_text()
