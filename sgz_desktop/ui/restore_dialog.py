"""Restore from a backup, from the first-run wizard or from File → Restore…, with a preview first.

The preview reads the backup's manifest (station, date, program and schema version, what it holds) and
verifies every file in the background; only a verified backup this version can read is offered. The
restore itself is ``core.backup.restore_from``: the current data is saved as a backup before anything
changes, and after restoring the user logs in with the accounts of the backup.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import backup
from ..core.backup import BackupInfo
from ..core.db import migrate
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.sizes import human_size
from ..core.station import Station, open_station
from . import dialogs
from .busy import run_and_wait

if TYPE_CHECKING:
    from .shell import Shell

translate = QCoreApplication.translate  # a plain name lupdate still recognises


def _labels() -> dict[str, str]:
    """What the backup holds, in the user's words; tables not named here are counted as "other"."""
    return {
        "staff": translate("restore", "staff"), "training_session": translate("restore", "training sessions"),
        "volunteer": translate("restore", "volunteers"), "service_record": translate("restore", "service records"),
        "point_transaction": translate("restore", "points transactions"), "project": translate("restore", "projects"),
        "contract": translate("restore", "contracts"), "ledger_entry": translate("restore", "ledger entries"),
        "archive_item": translate("restore", "archive items"), "app_user": translate("restore", "user accounts"),
        "audit_log": translate("restore", "audit log entries"),
    }


def _reason(reason: str) -> str:
    return {"manual": translate("restore", "made by hand"), "auto": translate("restore", "automatic"),
            "before-restore": translate("restore", "saved before a restore")}.get(reason, reason)


def readable(info: BackupInfo) -> bool:
    return info.schema_revision in migrate.known_revisions()


def describe(info: BackupInfo, current_uuid: str = "") -> str:
    """The preview as rich text: one row per fact, then the counts of what it holds."""
    rows = [
        (translate("restore", "Station"), info.station_name),
        (translate("restore", "Made on"), f"{info.created_at:%Y-%m-%d %H:%M}（{_reason(info.reason)}）"),
        (translate("restore", "Program version"), info.app_version or "—"),
        (translate("restore", "Files"), translate("restore", "%1 files, %2").replace("%1", str(info.file_count))
         .replace("%2", human_size(info.bytes))),
        (translate("restore", "Folder"), str(info.path)),
    ]
    labels = _labels()
    held = [f"{labels[k]} {info.row_counts[k]:,}" for k in labels if info.row_counts.get(k)]
    other = sum(n for k, n in info.row_counts.items() if k not in labels and k != "alembic_version")
    if other:
        held.append(translate("restore", "other records %1").replace("%1", f"{other:,}"))
    rows.append((translate("restore", "Holds"), "，".join(held) or "—"))
    body = "".join(f"<tr><td style='padding-right:12px;color:#555'>{html.escape(k)}</td>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    notes = []
    if not readable(info):
        notes.append(translate("restore", "This backup was made by a newer version of the program (schema %1). "
                                          "Install the newest version first.").replace("%1", info.schema_revision))
    if current_uuid and info.station_uuid and info.station_uuid != current_uuid:
        notes.append(translate("restore", "This backup belongs to another station than the one open now."))
    warn = "".join(f"<p style='color:#b3261e'>{html.escape(n)}</p>" for n in notes)
    return f"<table>{body}</table>{warn}"


class BackupPreview(QWidget):
    """Choose a backup folder (or a folder holding backups, e.g. a USB drive), see what it holds, verify it.

    ``selected()`` is the chosen backup; ``ready`` is True once it is verified and readable here.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, current_uuid: str = "", new_pc_note: bool = False) -> None:
        super().__init__(parent)
        self.current_uuid = current_uuid
        self.ready = False
        self.verified: dict[Path, BackupInfo] = {}
        self.problems: dict[Path, str] = {}
        self._found: list[BackupInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("A folder named sgz-backup-…, or the USB drive holding such folders"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setMaximumHeight(120)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        layout.addWidget(self.list)
        self.details = QLabel()
        self.details.setObjectName("backupDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.check = QLabel()
        self.check.setObjectName("verifyLabel")
        self.check.setWordWrap(True)
        layout.addWidget(self.check)
        layout.addStretch()
        if new_pc_note:
            note = QLabel(self.tr(
                "On a new or reinstalled PC, the program asks for the printed recovery key after restoring: it "
                "unlocks ID numbers and phone numbers, which the backup holds only encrypted."))
            note.setObjectName("hintLabel")
            note.setWordWrap(True)
            layout.addWidget(note)
        self._rescan = QTimer(self)
        self._rescan.setSingleShot(True)
        self._rescan.setInterval(300)  # typing a path scans once it stops changing
        self._rescan.timeout.connect(self.scan)
        self.folder.textChanged.connect(lambda _text: self._rescan.start())

    def browse(self) -> None:
        chosen = dialogs.ask_directory(self, self.tr("Choose the backup folder"))
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        self.folder.setText(str(folder))
        self._rescan.stop()
        self.scan()

    def scan(self) -> None:
        """List the backup chosen, or the backups inside the folder chosen, newest first."""
        text = self.folder.text().strip()
        self._found = []
        self.list.clear()
        if text:
            folder = Path(text)
            if (folder / backup.MANIFEST).is_file():
                self._found = [i for i in backup.list_backups(folder.parent) if i.path == folder] or []
                if not self._found:
                    self._found = self._single(folder)
            else:
                self._found = backup.list_backups(folder)
        for info in self._found:
            item = QListWidgetItem(f"{info.created_at:%Y-%m-%d %H:%M}   {info.station_name}   "
                                   f"（{_reason(info.reason)}，{human_size(info.bytes)}）")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        self.list.setVisible(len(self._found) > 1)
        if self._found:
            self.list.setCurrentRow(0)
        else:
            self.details.setText(self.tr("No backup found in this folder.") if text else "")
            self.check.setText(self.problems.get(Path(text), "") if text else "")
            self._set_ready(False)
        self._show_selected()

    def _single(self, folder: Path) -> list[BackupInfo]:
        try:
            return [backup.verify_backup(folder)]
        except SgzError as err:
            self.problems[folder] = str(err)
            return []

    def chosen(self) -> BackupInfo | None:
        """The selected backup, after any pending scan of a typed path."""
        if self._rescan.isActive():
            self._rescan.stop()
            self.scan()
        return self.selected()

    def selected(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    def _show_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.details.setText(describe(info, self.current_uuid))
        if info.path in self.verified:
            self.check.setText(self.tr("✔ Verified: every file is complete and unchanged."))
            self._set_ready(readable(info))
        elif info.path in self.problems:
            self.check.setText(self.problems[info.path])
            self._set_ready(False)
        else:
            self._set_ready(False)
            self.verify(info)

    def verify(self, info: BackupInfo) -> None:
        self.check.setText(self.tr("Checking every file of the backup…"))
        path = info.path
        try:
            from .worker import run_in_background
        except ImportError:  # pragma: no cover - the worker is part of the foundation
            self._verified(path, backup.verify_backup(path))
            return
        run_in_background(self, self.tr("Checking the backup…"), lambda progress: backup.verify_backup(path, progress),
                          lambda result: self._verified(path, result), lambda err: self._failed(path, err))

    def _verified(self, path: Path, info: BackupInfo) -> None:
        self.verified[path] = info
        self.problems.pop(path, None)
        current = self.selected()
        if current is not None and current.path == path:
            self._show_selected()

    def _failed(self, path: Path, error: BaseException) -> None:
        self.problems[path] = str(error)
        current = self.selected()
        if current is not None and current.path == path:
            self._show_selected()

    def _set_ready(self, ready: bool) -> None:
        self.ready = ready
        self.changed.emit()


class RestoreDialog(QDialog):
    """File → Restore…: pick a backup, see it, confirm. ``source`` is the backup chosen after ``exec()``."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        self.source: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumSize(640, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose a backup: the automatic backups of this PC are listed below; for a USB drive, choose its "
            "folder. The data of now is saved as a backup first, so a restore can itself be undone. Afterwards "
            "you log in again, with the accounts and passwords of the backup."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.preview = BackupPreview(self, current_uuid=st.profile_row().station_uuid)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore this backup"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm_restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.preview.changed.connect(lambda: self.restore_button.setEnabled(self.preview.ready))
        self.preview.set_folder(st.data.backups)

    def confirm_restore(self) -> None:
        info = self.preview.selected()
        if info is None or not self.preview.ready:
            return
        if not dialogs.confirm(self, self.tr("Restore from a backup"), self.tr(
                "Replace the station's data with the backup of %1?\n\nThe data of now is saved first in:\n%2")
                .replace("%1", f"{info.created_at:%Y-%m-%d %H:%M}").replace("%2", str(self.st.data.backups))):
            return
        self.source = info.path
        self.accept()


def ask_restore(parent: QWidget, st: Station, actor: Actor) -> Path | None:
    """The backup the user chose to restore, or None. Only administrators may restore."""
    if not actor.can(Permission.RESTORE):
        dialogs.show_error(parent, translate("restore", "Only an administrator (the deputy head) may restore a "
                                                        "backup."))
        return None
    dialog = RestoreDialog(st, actor, parent)
    return dialog.source if dialog.exec() else None


def restore_in_shell(shell: Shell, source: Path) -> None:
    """After the main window closed for a restore: close the station, restore, reopen, log in again."""
    from .recovery import RecoveryKeyDialog

    assert shell.st is not None
    clock = shell.st.clock
    shell.st.close()
    shell.st = None
    try:
        result = run_and_wait(None, translate("restore", "Restoring the backup…"),
                              lambda progress: backup.restore_from(shell.data, source, clock, progress))
    except Exception as err:  # restore_from changes nothing until the backup is verified and the data saved
        dialogs.show_error(None, err, translate("restore", "Restore failed"))
    else:
        text = translate("restore", "The backup of %1 was restored.").replace(
            "%1", f"{result.restored.created_at:%Y-%m-%d %H:%M}")
        if result.previous is not None:
            text += "\n" + translate("restore", "The data before the restore was saved in:\n%1").replace(
                "%1", str(result.previous))
        dialogs.show_info(None, translate("restore", "Restore finished"), text)
    try:
        shell.st = open_station(shell.data, clock=clock)
    except Exception as err:
        dialogs.show_error(None, err, translate("restore", "Cannot open the station"))
        shell.app.exit(1)
        return
    if not shell.st.unlocked:
        RecoveryKeyDialog(shell.st).exec()
    if not shell.start_session():
        shell.app.exit(0)
