"""Backups without thinking, in the window: the "last good backup" line in the status bar (red after
``backup.warn_days`` days), the second backup folder (a USB drive), and the backup when the program closes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import backup_settings, settings
from ..core.backup_settings import BackupStatus, CloseBackup
from ..core.errors import SgzError
from ..core.roles import Actor
from ..core.station import Station
from . import dialogs
from .busy import run_and_wait

translate = QCoreApplication.translate  # a plain name lupdate still recognises


def when_text(created: dt.datetime, now: dt.datetime) -> str:
    """Today 17:05 / yesterday 17:05 / 3 days ago (2026-03-01)."""
    days = (now.date() - created.date()).days
    if days <= 0:
        return translate("backup_status", "today %1").replace("%1", f"{created:%H:%M}")
    if days == 1:
        return translate("backup_status", "yesterday %1").replace("%1", f"{created:%H:%M}")
    return translate("backup_status", "%1 days ago (%2)").replace("%1", str(days)).replace("%2", f"{created:%Y-%m-%d}")


def status_texts(status: BackupStatus, now: dt.datetime) -> tuple[str, str]:
    """(status bar line, tooltip) for a backup status."""
    if status.last is None:
        line = translate("backup_status", "No backup yet — back up now (File → Backup now…)")
    elif status.overdue:
        line = (translate("backup_status", "Last backup %1 days ago — back up to a USB drive now")
                .replace("%1", str(status.age_days)))
    else:
        line = translate("backup_status", "Last good backup: %1").replace("%1", when_text(status.last.created_at, now))
    tips = []
    if status.last is not None:
        tips.append(translate("backup_status", "Newest verified backup: %1\n%2")
                    .replace("%1", f"{status.last.created_at:%Y-%m-%d %H:%M}").replace("%2", str(status.last.path)))
    tips.append(translate("backup_status", "A warning appears after %1 days without a backup.")
                .replace("%1", str(status.warn_days)))
    if status.second_folder is None:
        tips.append(translate("backup_status", "No second backup folder is set: automatic backups stay on this PC. "
                                               "Click to choose a USB drive."))
    else:
        second = (when_text(status.last_second.created_at, now) if status.last_second is not None
                  else translate("backup_status", "never"))
        state = "" if status.second_available else translate("backup_status", " (not plugged in now)")
        tips.append(translate("backup_status", "Second backup folder: %1%2 — last copy there: %3")
                    .replace("%1", str(status.second_folder)).replace("%2", state).replace("%3", second))
    return line, "\n".join(tips)


class BackupStatusLabel(QLabel):
    """The status-bar line; red when a backup is overdue; a click opens the backup settings."""

    clicked = Signal()

    def __init__(self, st: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.setObjectName("backupStatus")
        self.setContentsMargins(8, 0, 8, 0)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status: BackupStatus | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(60_000)  # "n days ago" moves on while the program stays open
        self.refresh()

    def refresh(self) -> None:
        try:
            self.status = backup_settings.backup_status(self.st)
        except (SgzError, OSError) as err:
            self.setText(str(err))
            return
        line, tip = status_texts(self.status, self.st.clock.now())
        self.setText(line)
        self.setToolTip(tip)
        self.setProperty("overdue", self.status.overdue)
        self.setStyleSheet("color: #b3261e; font-weight: bold;" if self.status.overdue else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class BackupSettingsDialog(QDialog):
    """The second backup folder (USB drive) and whether closing the program backs up."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        self.setWindowTitle(self.tr("Automatic backups"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "When the program closes it backs up the station into the data folder (the last %1 backups and "
            "one per month are kept). Those copies are on this PC: if the PC fails, they are lost with it. "
            "Choose a second folder, such as a USB drive, and every automatic backup is copied there too "
            "whenever the drive is plugged in.").replace("%1", str(settings.get(st, settings.BACKUP_KEEP))))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.on_close = QCheckBox(self.tr("Back up automatically when the program closes"))
        self.on_close.setChecked(bool(settings.get(st, backup_settings.ON_CLOSE)))
        layout.addWidget(self.on_close)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(backup_settings.second_folder(st) or ""))
        self.folder.setPlaceholderText(self.tr("No second folder (e.g. E:\\ on a USB drive)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.folder.clear)
        row.addWidget(QLabel(self.tr("Second backup folder")))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.print_button = buttons.addButton(self.tr("Print the backup sheet…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: save_backup_sheet(self, self.st))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def browse(self) -> None:
        chosen = dialogs.ask_directory(self, self.tr("Choose the second backup folder (e.g. a USB drive)"))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def save(self) -> None:
        text = self.folder.text().strip()
        try:
            backup_settings.set_second_folder(self.st, self.actor, Path(text) if text else None)
            settings.set_value(self.st, self.actor, backup_settings.ON_CLOSE.key, self.on_close.isChecked())
        except SgzError as err:
            self.error.setText(str(err))
            return
        self.accept()


def save_backup_sheet(parent: QWidget | None, st: Station) -> Path | None:
    """Ask where to save the backup sheet (PDF: where the data and backups are, how to restore)."""
    suggested = str(Path.home() / translate("backup_status", "backup-sheet.pdf"))
    out = dialogs.ask_save_path(parent, translate("backup_status", "Save the backup sheet"), suggested,
                                translate("backup_status", "PDF files (*.pdf)"))
    if out is None:
        return None
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    try:
        path = backup_settings.write_backup_sheet(st, out)
    except (SgzError, OSError) as err:
        dialogs.show_error(parent, err)  # an OSError gets its sentence there
        return None
    dialogs.show_info(parent, translate("backup_status", "Backup sheet saved"),
                      translate("backup_status", "The backup sheet was saved to:\n%1\n\nPrint it and keep it in the "
                                                 "office file.").replace("%1", str(path)))
    return path


class BackupPlaceNote(QWidget):
    """For the first-run wizard's last page: where the data and its backups are, said plainly, printable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st: Station | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.text = QLabel()
        self.text.setObjectName("backupPlaces")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the backup sheet…"))
        self.print_button.clicked.connect(lambda: self.st is not None and save_backup_sheet(self, self.st))
        row.addWidget(self.print_button)
        row.addStretch()
        layout.addLayout(row)

    def set_station(self, st: Station) -> None:
        self.st = st
        self.text.setText(self.tr(
            "The station's data is kept in %1. Each time the program closes it makes a backup in %2. Set a USB "
            "drive as second backup folder (File → Automatic backups…) and print this backup sheet for the "
            "office file.").replace("%1", str(st.data.root)).replace("%2", str(st.data.backups)))


def backup_on_close(parent: QWidget | None, st: Station) -> CloseBackup | None:
    """The automatic backup as the program closes, with progress. Never stops the program from closing."""
    try:
        result = run_and_wait(parent, translate("backup_status", "Automatic backup before closing…"),
                              lambda progress: backup_settings.backup_on_close(st, progress))
    except Exception as err:  # a failed backup must be said, and the program still closes
        dialogs.show_error(parent, err, translate("backup_status", "Automatic backup failed"))
        return None
    for info in result.made:
        _say(translate("backup_status", "Automatic backup saved to %1").replace("%1", str(info.path)))
    for problem in result.problems:
        _say(problem)
    if not result.made and not result.skipped:
        dialogs.show_error(parent, "\n".join(result.problems), translate("backup_status", "Automatic backup failed"))
    return result


def _say(text: str) -> None:
    if sys.stderr is not None:  # a windowed program on Windows has no stderr
        print(f"sgz-desktop: {text}", file=sys.stderr, flush=True)
