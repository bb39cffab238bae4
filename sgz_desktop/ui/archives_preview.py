"""Preview of an archive item's files inside the app: one page at a time, with Open original….

Images (JPEG, PNG, multi-page TIFF) are drawn by Qt itself. A PDF page is drawn by the best renderer the
print preview finds (QtPdf from the optional ``PySide6-Pdf`` wheel, else poppler's ``pdftoppm``); when the
PC has neither, a scanned PDF still shows: its page is usually one embedded image, which pypdf takes
out. Only a PDF made of text and drawings then needs the PC's own viewer (Open original…).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

translate = QCoreApplication.translate  # a plain name lupdate still recognises

POINTS_PER_INCH = 72


class PageSource(Protocol):
    """Pages of one file as pictures; ``render`` returns None when it cannot draw that page."""

    name: str

    def page_count(self) -> int: ...

    def render(self, index: int, width: int) -> QImage | None: ...


class ImagePages:
    name = "Qt"

    def __init__(self, path: Path) -> None:
        self.path = path
        reader = QImageReader(str(path))
        self._count = max(reader.imageCount(), 1)  # a multi-page TIFF has several

    def page_count(self) -> int:
        return self._count

    def render(self, index: int, width: int) -> QImage | None:
        reader = QImageReader(str(self.path))
        if index and not reader.jumpToImage(index):
            return None
        image = reader.read()
        if image.isNull():
            return None
        return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation) if image.width() > width \
            else image


class RenderedPdfPages:
    """A PDF drawn by the print preview's renderer (QtPdf or pdftoppm)."""

    def __init__(self, renderer: object) -> None:
        self._renderer = renderer
        self.name = str(getattr(renderer, "name", "PDF"))

    def page_count(self) -> int:
        return int(self._renderer.page_count())  # type: ignore[attr-defined]

    def render(self, index: int, width: int) -> QImage | None:
        size = self._renderer.page_size(index)  # type: ignore[attr-defined]
        dpi = width * POINTS_PER_INCH / max(size.width(), 1.0)
        try:
            image = self._renderer.render(index, dpi)  # type: ignore[attr-defined]
        except (OSError, ValueError):
            return None
        return image if isinstance(image, QImage) and not image.isNull() else None


class ScannedPdfPages:
    """A scanned PDF without a renderer: each page's largest embedded image (pypdf extracts it)."""

    name = "pypdf"

    def __init__(self, path: Path) -> None:
        from pypdf import PdfReader

        self._reader = PdfReader(str(path))
        self._count = len(self._reader.pages)
        if self._count < 1:
            raise OSError("no pages")

    def page_count(self) -> int:
        return self._count

    def render(self, index: int, width: int) -> QImage | None:
        try:
            images = list(self._reader.pages[index].images)
        except Exception:  # pypdf raises many kinds on odd files; the page just is not shown
            return None
        best = max(images, key=lambda i: len(i.data), default=None)
        if best is None:
            return None
        image = QImage.fromData(best.data)
        if image.isNull():
            return None
        return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation) if image.width() > width \
            else image


def pages_for(path: Path, file_format: str) -> PageSource | None:
    """The best way this PC has to show ``path``; None when only the PC's own viewer can."""
    if file_format in ("jpeg", "png", "tiff"):
        return ImagePages(path)
    if file_format != "pdf":
        return None
    try:
        from .pdf_preview import pdf_renderer

        renderer = pdf_renderer(path)
    except ImportError:
        renderer = None
    if renderer is not None:
        return RenderedPdfPages(renderer)
    try:
        return ScannedPdfPages(path)
    except Exception:  # an unreadable PDF: say so in the preview, the check names it properly
        return None


class FilePreview(QWidget):
    """One page of one file, scaled to the width, with page buttons and Open original…."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.source: PageSource | None = None
        self.index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.page_label = QLabel(self)
        self.open_button = QPushButton(self.tr("Open original…"), self)
        self.open_button.setToolTip(self.tr("Open the file in the PC's own viewer (to print or zoom)."))
        self.previous_button.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.index + 1))
        self.open_button.clicked.connect(self.open_original)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.area.setObjectName("archivePreviewArea")
        self.area.setStyleSheet("QScrollArea#archivePreviewArea { background: #dfe4e9; }")
        self.picture = QLabel(self.area)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMargin(8)
        self.area.setWidget(self.picture)
        layout.addWidget(self.area, 1)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(200)
        self._resized.timeout.connect(lambda: self.show_page(self.index))
        self.set_file(None, "")

    def set_file(self, path: Path | None, file_format: str, note: str = "") -> None:
        """Show ``path`` from its first page; None clears the preview (``note`` says why)."""
        self.path = path
        self.source = pages_for(path, file_format) if path is not None else None
        self.index = 0
        self.open_button.setEnabled(path is not None)
        if path is None:
            self._message(note or self.tr("Choose a file to see it here."))
        elif self.source is None:
            self._message(self.tr("This file cannot be shown inside the program on this PC. Use Open original… "
                                  "to see it in the PC's own viewer."))
        else:
            self.show_page(0)

    def page_count(self) -> int:
        return self.source.page_count() if self.source is not None else 0

    def show_page(self, index: int) -> None:
        if self.source is None:
            return
        count = self.source.page_count()
        self.index = max(0, min(index, count - 1))
        image = self.source.render(self.index, self._width())
        if image is None:
            self._message(self.tr("This page has no scanned picture to show here. Use Open original… to see it."))
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.index + 1)).replace("%2", str(count)))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < count - 1)

    def shown_image(self) -> QPixmap | None:
        pixmap = self.picture.pixmap()
        return None if pixmap is None or pixmap.isNull() else pixmap

    def open_original(self) -> bool:
        return self.path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def _message(self, text: str) -> None:
        self.picture.clear()
        self.picture.setText(text)
        self.page_label.setText("")
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def _width(self) -> int:
        return max(self.area.viewport().width() - 24, 240)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.source is not None and self.shown_image() is not None:
            self._resized.start()  # draw again at the new width once the user stops dragging

    def sizeHint(self) -> QSize:
        return QSize(420, 560)
