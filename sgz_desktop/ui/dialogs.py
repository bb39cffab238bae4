"""Small dialog helpers. Pages call these instead of QMessageBox/QFileDialog directly, so tests can
replace them (``monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.errors import SgzError, fault_text


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, error: BaseException | str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("dialogs", "Error"), error_text(error))


def error_text(error: BaseException | str) -> str:
    """Core errors carry a complete sentence for the user, as do files that cannot be read or written (a full
    or pulled-out USB drive is the office's everyday, not a fault); anything else is an internal fault."""
    if isinstance(error, SgzError | str):
        return str(error)
    said = fault_text(error)
    if said is not None:
        return said
    return QCoreApplication.translate("dialogs", "An unexpected error occurred: %1").replace(
        "%1", f"{type(error).__name__}: {error}")


def is_fault(error: BaseException) -> bool:
    """Neither the core's own error nor the PC's: a bug, whose details matter to whoever helps."""
    return not isinstance(error, SgzError) and fault_text(error) is None


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


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", *, password: bool = False) -> str | None:
    """One line of text, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    mode = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
    value, ok = QInputDialog.getText(parent, title, label, mode, text)
    return value if ok else None


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> str | None:
    """One of ``items``, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    return value if ok else None
