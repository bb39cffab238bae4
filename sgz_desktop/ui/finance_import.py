"""Import of ledger entries from Excel with a preview: every row is checked on the worker first
(nothing written); bad rows are listed with row, column and reason; good files show the entries they
would make — and any possible duplicates — before the user books them all in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ValidationError
from ..core.finance_amounts import format_fen
from ..core.finance_categories import DIRECTION_LABELS, INCOME_DIR
from ..core.ledger_excel import LedgerImport, import_ledger
from ..core.roles import Actor
from ..core.station import Station
from . import dialogs
from .staff_import import XLSX_FILTER, ImportProblemsDialog, show_problems
from .worker import Task, run_in_background

translate = QCoreApplication.translate  # a plain name lupdate still recognises


class LedgerPreviewDialog(QDialog):
    """The entries a checked file would book, in date order; possible duplicates called out."""

    def __init__(self, preview: LedgerImport, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import ledger entries — preview"))
        layout = QVBoxLayout(self)
        income = sum(r.amount_fen for r in preview.rows if r.direction == INCOME_DIR)
        expense = sum(r.amount_fen for r in preview.rows if r.direction != INCOME_DIR)
        head = QLabel(self.tr("Every row of %1 was checked. %2 entries will be booked as unreviewed vouchers: "
                              "income %3, expense %4.").replace("%1", file_name)
                      .replace("%2", str(len(preview.rows))).replace("%3", format_fen(income))
                      .replace("%4", format_fen(expense)), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        if preview.ignored_columns:
            layout.addWidget(QLabel(self.tr("Columns not used: %1.").replace("%1", "、".join(preview.ignored_columns)),
                                    self))
        self.table = QTableWidget(len(preview.rows), 8, self)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Date"), self.tr("Summary"),
                                              self.tr("Income/expense"), self.tr("Account"), self.tr("Amount"),
                                              self.tr("Counterparty"), self.tr("Contract")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        for r, row in enumerate(preview.rows):
            values = (str(row.row), row.entry_date.isoformat(), row.summary, DIRECTION_LABELS.get(row.direction, ""),
                      row.sub_category, format_fen(row.amount_fen), row.counterparty, row.contract_no)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.allow = QCheckBox(self)
        if preview.warnings:
            warn = QLabel(self.tr("Possible duplicates:") + "\n" + "\n".join(str(w) for w in preview.warnings[:20]),
                          self)
            warn.setObjectName("errorLabel")
            warn.setWordWrap(True)
            layout.addWidget(warn)
            self.allow.setText(self.tr("These are not duplicates: import them too"))
            layout.addWidget(self.allow)
        else:
            self.allow.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.import_button.setEnabled(not preview.warnings)
        self.allow.toggled.connect(self.import_button.setEnabled)
        layout.addWidget(self.buttons)
        self.resize(860, 520)


class LedgerImportFlow:
    """From choosing the file to the refreshed table; ``state`` says where it ended (for tests):
    "problems", "declined", "imported", "failed" or "" while running."""

    def __init__(self, parent: QWidget, st: Station, actor: Actor, on_imported: Callable[[LedgerImport], None]) -> None:
        self.parent, self.st, self.actor = parent, st, actor
        self.on_imported = on_imported
        self.path: Path | None = None
        self.state = ""
        self.task: Task[LedgerImport] | None = None
        self.preview: LedgerPreviewDialog | None = None
        self.problems: ImportProblemsDialog | None = None
        self.result: LedgerImport | None = None

    def start(self, path: Path | None = None) -> bool:
        if path is None:
            path = dialogs.ask_open_path(self.parent, translate("finance_import", "Import ledger entries"), XLSX_FILTER)
            if path is None:
                return False
        self.path = path
        st, actor = self.st, self.actor
        self.task = run_in_background(
            self.parent, translate("finance_import", "Checking %1…").replace("%1", path.name),
            lambda progress: import_ledger(st, actor, path, progress, dry_run=True), self._checked, self._failed)
        return True

    def _failed(self, error: BaseException) -> None:
        assert self.path is not None
        if isinstance(error, ValidationError) and error.problems:
            self.state = "problems"
            self.problems = show_problems(self.parent, error, self.path.name)
            return
        self.state = "failed"
        dialogs.show_error(self.parent, error, translate("finance_import", "Import ledger entries"))

    def _checked(self, preview: LedgerImport) -> None:
        assert self.path is not None
        self.preview = LedgerPreviewDialog(preview, self.path.name, self.parent)
        self.preview.accepted.connect(self._go)
        self.preview.rejected.connect(self._declined)
        self.preview.open()

    def _declined(self) -> None:
        self.state = "declined"

    def _go(self) -> None:
        assert self.path is not None and self.preview is not None
        path, st, actor = self.path, self.st, self.actor
        allow = self.preview.allow.isChecked()
        self.task = run_in_background(
            self.parent, translate("finance_import", "Importing %1…").replace("%1", path.name),
            lambda progress: import_ledger(st, actor, path, progress, allow_duplicates=allow), self._imported,
            self._failed)

    def _imported(self, result: LedgerImport) -> None:
        self.state = "imported"
        self.result = result
        self.on_imported(result)
