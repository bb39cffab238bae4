"""Small dialog helpers. Pages call these instead of QMessageBox/QFileDialog directly, so tests can
replace them (``monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.errors import SgzError


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, error: BaseException | str, title: str | None = None) -> None:
    """Core errors carry a complete sentence for the user; anything else is an internal fault."""
    if isinstance(error, SgzError | str):
        text = str(error)
    else:
        text = _tr("An unexpected error occurred: %1").replace("%1", f"{type(error).__name__}: {error}")
    QMessageBox.warning(parent, title or _tr("Error"), text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(path) if path else None


def ask_open_path(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(path) if path else None


def ask_directory(parent: QWidget | None, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title)
    return Path(path) if path else None
