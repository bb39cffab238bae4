"""The handover register (移交记录) on the Yearly Export page: every package the station has written, newest
first, with its hash and where it went; print its registration form again or verify it where it lies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.package.history import ExportRecord, list_exports
from ..core.roles import Actor
from ..core.sizes import human_size
from ..core.station import Station
from . import dialogs
from .formatting import date_text

MISSING = QColor("#8A8A8A")


class ExportHistory(QWidget):
    verify_requested = Signal(Path, object)  # the zip, and its registration form when it is beside it

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.records: list[ExportRecord] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        heading = QLabel(self.tr("Handover register"))
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.empty = QLabel(self.tr("No package has been exported yet. Each export is listed here with its hash."))
        self.empty.setObjectName("hintLabel")
        layout.addWidget(self.empty)
        headers = [self.tr("Exported"), self.tr("Scope"), self.tr("Package"), self.tr("Items"), self.tr("Size"),
                   self.tr("SHA-256 of the zip"), self.tr("By"), self.tr("Location"), self.tr("Notes")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._print_form())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the registration form…"))
        self.print_button.clicked.connect(self._print_form)
        self.verify_button = QPushButton(self.tr("Verify this package"))
        self.verify_button.clicked.connect(self._verify)
        self.copy_button = QPushButton(self.tr("Copy the SHA-256"))
        self.copy_button.clicked.connect(self._copy_hash)
        for button in (self.print_button, self.verify_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Read again whenever the page comes into view: a USB drive plugged back in shows as there."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        self.records = list_exports(self.st, self.actor)
        self.empty.setVisible(not self.records)
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            present = r.zip_path.is_file()
            where = str(r.zip_path.parent) if present else self.tr("%1 (not there now)").replace(
                "%1", str(r.zip_path.parent))
            notes = self.tr("Exported anyway: %1").replace("%1", r.override_reason) if r.override_reason else ""
            cells = [date_text(r.exported_at), r.scope_label, r.name, f"{r.items:,}", human_size(r.zip_bytes),
                     r.zip_sha256[:16] + "…", r.exported_by, where, notes]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip({5: r.zip_sha256, 7: str(r.zip_path), 8: r.override_reason}.get(col, text))
                if col == 7 and not present:
                    item.setForeground(QBrush(MISSING))
                self.table.setItem(row, col, item)
        if self.records:
            ids = [r.id for r in self.records]
            self.table.selectRow(ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0)
        self._selection_changed()

    def selected(self) -> ExportRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        r = self.selected()
        self.print_button.setEnabled(r is not None and r.form_path.is_file())
        self.verify_button.setEnabled(r is not None and r.zip_path.is_file())
        self.copy_button.setEnabled(r is not None)

    def _missing(self, path: Path) -> bool:
        if path.is_file():
            return False
        dialogs.show_error(self, self.tr("%1 is not there any more (a USB drive unplugged, or the file moved). "
                                         "Plug the drive in again, or open the file on the Verify tab.")
                           .replace("%1", str(path)))
        self._selection_changed()
        return True

    def _print_form(self) -> None:
        r = self.selected()
        if r is None or self._missing(r.form_path):
            return
        from .pdf_preview import show_pdf_preview

        show_pdf_preview(self, r.form_path, self.tr("Registration form"))

    def _verify(self) -> None:
        r = self.selected()
        if r is None or self._missing(r.zip_path):
            return
        self.verify_requested.emit(r.zip_path, r.form_path if r.form_path.is_file() else None)

    def _copy_hash(self) -> None:
        r = self.selected()
        if r is not None:
            QGuiApplication.clipboard().setText(r.zip_sha256)
