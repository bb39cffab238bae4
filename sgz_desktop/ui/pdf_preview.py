"""Print preview for the PDFs the core writes: the pages as pictures, then Print…, Save as… or open the
file in the PC's own PDF viewer. Every area's registers use it (``preview_report`` / ``show_pdf_preview``).

Qt cannot draw a PDF by itself. Renderers, best first:

1. QtPdf — PDFium inside the optional ``PySide6-Pdf`` wheel (split out of Addons in PySide6 6.12); works
   offline on Windows, so the installer should ship it;
2. poppler's ``pdftoppm`` when it is on PATH (Linux desktops, the CI machine);
3. neither: the dialog says so and still offers Save as… and the PC's PDF viewer (Windows 10/11 always
   has Edge), which prints too.

Pages are rendered when they scroll into view, so a long register opens at once.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, QSizeF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPageLayout, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import os_error_text
from ..core.progress import Progress
from . import dialogs
from .worker import Task, run_in_background

translate = QCoreApplication.translate  # a plain name lupdate still recognises

POINTS_PER_INCH = 72
SCREEN_DPI = 96
PRINT_DPI_MAX = 300  # sharper than that only makes the print job bigger
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PAGE_GAP = 14


class PageRenderer(Protocol):
    """Draws one page of an open PDF; sizes are in points (1/72 inch)."""

    name: str

    def page_count(self) -> int: ...

    def page_size(self, index: int) -> QSizeF: ...

    def render(self, index: int, dpi: float) -> QImage: ...


def _on_white(image: QImage) -> QImage:
    """Renderers give transparent paper; printers and screens want white."""
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def _pixels(points: float, dpi: float) -> int:
    return max(1, round(points * dpi / POINTS_PER_INCH))


class QtPdfRenderer:
    name = "QtPdf"

    def __init__(self, path: Path) -> None:
        from PySide6.QtPdf import QPdfDocument  # optional wheel: the caller catches ImportError

        self._doc = QPdfDocument()
        error = self._doc.load(str(path))
        if error != QPdfDocument.Error.None_ or self._doc.pageCount() < 1:
            raise OSError(f"QtPdf cannot open {path}: {error}")

    def page_count(self) -> int:
        return int(self._doc.pageCount())

    def page_size(self, index: int) -> QSizeF:
        return QSizeF(self._doc.pagePointSize(index))

    def render(self, index: int, dpi: float) -> QImage:
        size = self.page_size(index)
        image = self._doc.render(index, QSize(_pixels(size.width(), dpi), _pixels(size.height(), dpi)))
        return _on_white(image)


class PdftoppmRenderer:
    name = "pdftoppm"

    def __init__(self, path: Path, program: str) -> None:
        from pypdf import PdfReader

        self._path = path
        self._program = program
        reader = PdfReader(str(path))
        # (width, height) as shown: a /Rotate of 90 or 270 swaps them
        self._sizes = []
        for page in reader.pages:
            box = page.mediabox
            w, h = float(box.width), float(box.height)
            if int(page.get("/Rotate", 0) or 0) % 180:
                w, h = h, w
            self._sizes.append(QSizeF(w, h))
        if not self._sizes:
            raise OSError(f"{path} has no pages")
        self._scratch = Path(tempfile.mkdtemp(prefix="sgz-preview-"))

    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> QSizeF:
        return self._sizes[index]

    def render(self, index: int, dpi: float) -> QImage:
        out = self._scratch / f"page-{index + 1}"
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
        subprocess.run([self._program, "-f", str(index + 1), "-l", str(index + 1), "-singlefile",
                        "-r", f"{dpi:.0f}", "-png", str(self._path), str(out)],
                       check=True, capture_output=True, timeout=120, creationflags=flags)
        png = out.with_suffix(".png")
        image = QImage(str(png))
        png.unlink(missing_ok=True)
        if image.isNull():
            raise OSError(f"pdftoppm gave no picture of page {index + 1}")
        return _on_white(image)

    def __del__(self) -> None:
        shutil.rmtree(getattr(self, "_scratch", ""), ignore_errors=True)


def pdf_renderer(path: Path) -> PageRenderer | None:
    """The best renderer this PC has for ``path``, or None (then only the PC's PDF viewer can show it)."""
    try:
        return QtPdfRenderer(path)
    except (ImportError, OSError):
        pass
    program = shutil.which("pdftoppm")
    if program:
        try:
            return PdftoppmRenderer(path, program)
        except (OSError, ValueError):
            return None
    return None


class _PageLabel(QLabel):
    """One page: grey until rendered, white paper with a thin border after."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rendered_dpi = 0.0


class PdfPreviewDialog(QDialog):
    """The pages of ``pdf_path``; Print…, Save as…, open in the PDF viewer."""

    def __init__(self, pdf_path: Path, title: str, parent: QWidget | None = None, *,
                 renderer: PageRenderer | None = None, find_renderer: bool = True) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.title = title
        self.renderer = renderer if renderer is not None or not find_renderer else pdf_renderer(self.pdf_path)
        self.zoom = 1.0
        self.fit_width = True
        self.pages: list[_PageLabel] = []
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.resize(980, 760)
        # grey desk, white paper: pages stand out as they would on a print preview
        self.setStyleSheet("QWidget#pdfPreviewPaper { background: #dfe4e9; }"
                           "QLabel#pdfPage { background: white; border: 1px solid #b8c2cc; }")
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        self.paper_area = QScrollArea(self)
        self.paper_area.setObjectName("pdfPreviewArea")
        self.paper_area.setWidgetResizable(True)
        self.paper_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.paper_area, 1)
        self._lazy = QTimer(self)
        self._lazy.setSingleShot(True)
        self._lazy.setInterval(30)
        self._lazy.timeout.connect(self._render_visible)
        self.paper_area.verticalScrollBar().valueChanged.connect(lambda _v: self._lazy.start())
        self._build_pages()

    # --- layout ---------------------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.info = QLabel(self)
        bar.addWidget(self.info)
        bar.addStretch(1)
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.addItem(self.tr("Fit width"), 0.0)
        for zoom in ZOOMS:
            self.zoom_combo.addItem(f"{zoom:.0%}", zoom)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_chosen)
        bar.addWidget(QLabel(self.tr("Zoom"), self))
        bar.addWidget(self.zoom_combo)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.open_button = QPushButton(self.tr("Open in PDF viewer"), self)
        self.open_button.clicked.connect(self.open_externally)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, self.open_button, close):
            bar.addWidget(button)
        return bar

    def _build_pages(self) -> None:
        holder = QWidget()
        holder.setObjectName("pdfPreviewPaper")
        column = QVBoxLayout(holder)
        column.setSpacing(PAGE_GAP)
        column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if self.renderer is None:
            self.notice = QLabel(self.tr(
                "This PC has no PDF renderer for the preview. The file is ready: open it in the PDF viewer "
                "(which can print it) or save it."), holder)
            self.notice.setWordWrap(True)
            self.notice.setObjectName("hintLabel")
            column.addWidget(self.notice)
            self.print_button.setEnabled(False)
            self.open_button.setDefault(True)
            self.info.setText(self.pdf_path.name)
        else:
            for _ in range(self.renderer.page_count()):
                page = _PageLabel(holder)
                column.addWidget(page)
                self.pages.append(page)
            self.info.setText(self.tr("%1 pages").replace("%1", str(len(self.pages))))
        self.paper_area.setWidget(holder)
        self._size_pages()

    # --- zoom and lazy rendering -----------------------------------------------------------------------

    def _zoom_chosen(self) -> None:
        value = float(self.zoom_combo.currentData() or 0.0)
        self.fit_width = value == 0.0
        if not self.fit_width:
            self.zoom = value
        self._size_pages()

    def _screen_dpi(self) -> float:
        if self.fit_width and self.renderer is not None and self.pages:
            widest = max(self.renderer.page_size(i).width() for i in range(len(self.pages)))
            room = max(self.paper_area.viewport().width() - 2 * PAGE_GAP - 4, 200)
            return room * POINTS_PER_INCH / widest
        return SCREEN_DPI * self.zoom

    def _size_pages(self) -> None:
        if self.renderer is None:
            return
        dpi = self._screen_dpi()
        for i, page in enumerate(self.pages):
            size = self.renderer.page_size(i)
            page.setFixedSize(_pixels(size.width(), dpi), _pixels(size.height(), dpi))
            if page.rendered_dpi and abs(page.rendered_dpi - dpi) > 0.5:
                page.clear()
                page.rendered_dpi = 0.0
        self._lazy.start()

    def _render_visible(self) -> None:
        if self.renderer is None:
            return
        dpi = self._screen_dpi()
        ratio = self.devicePixelRatioF()
        top = self.paper_area.verticalScrollBar().value()
        bottom = top + self.paper_area.viewport().height()
        for i, page in enumerate(self.pages):
            y = page.y()
            if y + page.height() < top - page.height() or y > bottom + page.height():
                continue  # far from the view: rendered when it comes near
            if page.rendered_dpi != dpi:
                self.render_page(i, dpi, ratio)

    def render_page(self, index: int, dpi: float | None = None, ratio: float = 1.0) -> None:
        """Draw page ``index`` now (tests call it; the view calls it for pages coming into sight)."""
        if self.renderer is None:
            return
        dpi = dpi or self._screen_dpi()
        page = self.pages[index]
        try:
            image = self.renderer.render(index, dpi * ratio)
        except (OSError, subprocess.SubprocessError) as err:
            page.setText(self.tr("This page cannot be shown: %1").replace("%1", str(err)))
            page.rendered_dpi = dpi
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        page.setPixmap(pixmap)
        page.rendered_dpi = dpi

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width:
            self._size_pages()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_pages()

    # --- actions ---------------------------------------------------------------------------------------

    def print_pdf(self) -> None:
        """Ask for a printer (Qt's dialog), then print every page, or the range the user chose."""
        if self.renderer is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setFromTo(1, len(self.pages))
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(self.tr("Print %1").replace("%1", self.title))
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print onto ``printer`` (a real one, or a PDF file in tests); returns the pages printed."""
        if self.renderer is None:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, len(self.pages)
        indexes = list(range(max(first, 1) - 1, min(last, len(self.pages))))
        if not indexes:
            return 0
        printer.setFullPage(True)  # the PDF has its own margins
        self._orient(printer, indexes[0])
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            dialogs.show_error(self, self.tr("The printer could not be started."), self.title)
            return 0
        try:
            for n, index in enumerate(indexes):
                if n:
                    self._orient(printer, index)
                    printer.newPage()
                image = self.renderer.render(index, dpi)
                area = printer.pageLayout().fullRectPixels(printer.resolution())
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                x = area.x() + (area.width() - scaled.width()) // 2
                y = area.y() + (area.height() - scaled.height()) // 2
                painter.drawImage(x, y, image.scaled(scaled, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        return len(indexes)

    def _orient(self, printer: QPrinter, index: int) -> None:
        assert self.renderer is not None
        size = self.renderer.page_size(index)
        landscape = size.width() > size.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)

    def save_as(self, target: Path | None = None) -> Path | None:
        if target is None:
            target = dialogs.ask_save_path(self, self.tr("Save as PDF"), self.pdf_path.name,
                                           self.tr("PDF document (*.pdf)"))
            if target is None:
                return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as err:
            text = self.tr("The file could not be saved: %1").replace("%1", os_error_text(err))
            dialogs.show_error(self, text, self.title)
            return None
        dialogs.show_info(self, self.tr("Saved"), self.tr("Saved to %1.").replace("%1", str(target)))
        return target

    def open_externally(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path))):
            dialogs.show_error(self, self.tr("No program on this PC opens PDF files. Save the file and open it "
                                             "on another computer."), self.title)


def show_pdf_preview(parent: QWidget | None, pdf_path: Path, title: str) -> PdfPreviewDialog:
    """Open the preview of a finished PDF (window-modal; returns at once)."""
    dialog = PdfPreviewDialog(pdf_path, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def report_folder() -> Path:
    """Where registers are written for previewing: a temporary folder, emptied of files older than a day."""
    folder = Path(tempfile.gettempdir()) / "sgz-desktop-print"
    folder.mkdir(exist_ok=True)
    cutoff = dt.datetime.now().timestamp() - 86400
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass  # open in a viewer on Windows: try again next time
    return folder


def preview_report(parent: QWidget | None, title: str, file_name: str,
                   write: Callable[[Path], Path]) -> Task[Path]:
    """Write a register on the background worker (``write(path)`` calls the core's ``write_*_pdf``), then
    show its preview. ``file_name`` is what Save as… suggests, e.g. "人员花名册-20260302.pdf"."""
    target = report_folder() / file_name

    def work(progress: Progress) -> Path:
        progress.report(0, 0, translate("PdfPreviewDialog", "Preparing %1…").replace("%1", title))
        return write(target)

    def done(path: Path) -> None:
        show_pdf_preview(parent, path, title)

    return run_in_background(parent, translate("PdfPreviewDialog", "Preparing %1…").replace("%1", title),
                             work, done)
