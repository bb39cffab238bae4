"""Help → User manual: the Markdown manual shipped with the program, shown offline in a text browser.

``docs/manual-zh.md`` (or ``manual-en.md`` for the English interface) with its screenshots in
``docs/images``; in the installed program they sit in the bundle's ``docs`` folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from . import dialogs

translate = QCoreApplication.translate  # a plain name lupdate still recognises


def docs_dir() -> Path:
    """``docs/`` in a source tree, or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


def manual_path(language: str | None = None) -> Path:
    """The manual in the interface language (Chinese unless the interface is English)."""
    lang = language or ("zh" if QLocale().language() == QLocale.Language.Chinese else "en")
    preferred = docs_dir() / f"manual-{'zh' if lang.startswith('zh') else 'en'}.md"
    return preferred if preferred.exists() else docs_dir() / "manual-zh.md"


class ManualWindow(QDialog):
    """A window of its own (not modal), so the manual stays open beside the program."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User manual"))
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manualBrowser")
        self.browser.setOpenLinks(False)  # web links go to the system browser, not into this page
        self.browser.anchorClicked.connect(self._follow)
        bar = QHBoxLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find in the manual…"))
        self.find_edit.returnPressed.connect(self.find_next)
        find = QPushButton(self.tr("Find next"))
        find.clicked.connect(self.find_next)
        home = QPushButton(self.tr("Back to the top"))
        home.clicked.connect(lambda: self.browser.verticalScrollBar().setValue(0))
        bar.addWidget(self.find_edit, 1)
        bar.addWidget(find)
        bar.addWidget(home)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_edit.setFocus)
        # The file's own URL makes images/... resolve beside it.
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        self.fit_images(820)

    def fit_images(self, max_width: int) -> None:
        """Screenshots are full-size windows: show them no wider than the page, keeping their shape."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                image = fragment.charFormat().toImageFormat()
                if fragment.isValid() and image.isValid():
                    picture = document.resource(QTextDocument.ResourceType.ImageResource.value,
                                                QUrl(image.name()))
                    size = getattr(picture, "size", lambda: None)()
                    if size is not None and size.width() > max_width:
                        image.setWidth(max_width)
                        image.setHeight(size.height() * max_width / size.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()

    def find_next(self) -> None:
        text = self.find_edit.text().strip()
        if text and not self.browser.find(text):
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(text)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())


_open: list[ManualWindow] = []


def open_manual(parent: QWidget | None = None, language: str | None = None) -> ManualWindow | None:
    path = manual_path(language)
    if not path.exists():
        dialogs.show_error(parent, translate("ManualWindow", "The user manual is missing from this installation: %1")
                           .replace("%1", str(path)))
        return None
    for window in _open:
        if window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    _open.clear()
    window = ManualWindow(path, parent)
    _open.append(window)
    window.show()
    return window
