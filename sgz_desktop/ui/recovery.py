"""The recovery key: printing it (PDF sheet) and entering it on a PC that lacks the station secret."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import SgzError
from ..core.profile import Profile
from ..core.station import Station
from . import dialogs

translate = QCoreApplication.translate  # a plain name lupdate still recognises


def key_font(point_size: int = 16) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


def save_recovery_sheet(parent: QWidget | None, profile: Profile, recovery_key: str,
                        made_at: dt.datetime) -> Path | None:
    """Ask where to save the recovery sheet PDF and write it; returns the path, or None if not saved."""
    title = translate("recovery", "Save the recovery key sheet")
    name = translate("recovery", "recovery-key-%1.pdf").replace("%1", profile.fonds_code or "station")
    suggested = str(Path.home() / name)
    out = dialogs.ask_save_path(parent, title, suggested, translate("recovery", "PDF files (*.pdf)"))
    if out is None:
        return None
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    try:
        from ..core.reports.recovery import write_recovery_sheet
    except ImportError:
        dialogs.show_error(parent, translate("recovery", "Printing the recovery key is not available in this "
                                                         "version."))
        return None
    try:
        write_recovery_sheet(out, profile, recovery_key, made_at)
    except (SgzError, OSError) as err:
        dialogs.show_error(parent, err)  # an OSError gets its sentence there
        return None
    dialogs.show_info(parent, translate("recovery", "Recovery key saved"),
                      translate("recovery", "The recovery key sheet was saved to:\n%1\n\nPrint it and keep "
                                            "it locked away, apart from this PC.").replace("%1", str(out)))
    return out




class RecoveryKeyDialog(QDialog):
    """Shown when this PC lacks the station secret: enter the printed recovery key, or go on without
    personal data (ID numbers, phones stay unreadable until the key is entered)."""

    def __init__(self, st: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.restored = False
        self.setWindowTitle(self.tr("Station key missing on this PC"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This PC does not hold the station key that protects personal data (ID numbers, phone "
            "numbers, addresses). This happens after Windows was reinstalled or the data folder was "
            "moved to a new PC.\n\nType the recovery key from the printed recovery sheet below. "
            "Without it you can still work, but personal data cannot be read or entered."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_edit = QPlainTextEdit()
        self.key_edit.setFont(key_font(13))
        self.key_edit.setPlaceholderText(self.tr("Recovery key, for example ABCD-EFGH-JKLM-…"))
        self.key_edit.setFixedHeight(90)
        layout.addWidget(self.key_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore the key"))
        self.restore_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("Continue without personal data"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore)
        self.skip_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def restore(self) -> None:
        from ..core.setup import restore_secret

        try:
            restore_secret(self.st, self.key_edit.toPlainText())
        except SgzError as err:
            self.error_label.setText(str(err))
            return
        self.restored = True
        self.accept()
