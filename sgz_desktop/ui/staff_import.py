"""Excel imports as the staff area does them (other areas can call these as they are):

1. ``save_template`` — the core writes the template where the user chooses;
2. ``import_from_excel`` — pick the file, check every row on the worker (a dry run: nothing written),
   then either list each bad row, column and reason (``ImportProblemsDialog``) or say how many rows are
   good and ask before writing them all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import Problem, ValidationError
from ..core.progress import Progress
from . import dialogs
from .worker import Task, run_in_background

translate = QCoreApplication.translate  # a plain name lupdate still recognises
XLSX_FILTER = "Excel (*.xlsx)"


class ImportSummary(Protocol):
    rows: int
    added: int
    dry_run: bool
    ignored_columns: tuple[str, ...]


ImportFn = Callable[[Path, Progress, bool], Any]  # (file, progress, dry_run) -> ImportSummary


class ImportProblemsDialog(QDialog):
    """Every problem of a refused import: row, column, reason. Nothing was written."""

    def __init__(self, problems: list[Problem], file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems = problems
        self.setWindowTitle(self.tr("Import refused — nothing was written"))
        layout = QVBoxLayout(self)
        rows = len({p.row for p in problems if p.row is not None})
        head = QLabel(self.tr("%1 has %2 problems in %3 rows. Nothing was imported: correct the file in Excel "
                              "and import it again.").replace("%1", file_name).replace("%2", str(len(problems)))
                      .replace("%3", str(rows)), self)
        head.setObjectName("errorLabel")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.table = QTableWidget(len(problems), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Reason")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        for r, p in enumerate(problems):
            row = QTableWidgetItem(str(p.row) if p.row is not None else "—")
            row.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(r, 0, row)
            self.table.setItem(r, 1, QTableWidgetItem(p.field))
            reason = QTableWidgetItem(p.reason)
            reason.setToolTip(p.reason)
            self.table.setItem(r, 2, reason)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy the list"), self)
        copy.clicked.connect(self.copy)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 460)

    def text(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())


def show_problems(parent: QWidget | None, error: ValidationError, file_name: str) -> ImportProblemsDialog:
    dialog = ImportProblemsDialog(error.problems, file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def save_template(parent: QWidget | None, title: str, suggested: str, write: Callable[[Path], Path]) -> Path | None:
    """Ask where, then let the core write the template there."""
    path = dialogs.ask_save_path(parent, title, suggested, XLSX_FILTER)
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        write(path)
    except (OSError, ValidationError) as err:
        dialogs.show_error(parent, err, title)  # an OSError gets its sentence there
        return None
    dialogs.show_info(parent, title, translate("import", "The template was saved to %1. Fill it in from the "
                                                        "second row on, then import it.").replace("%1", str(path)))
    return path


def export_workbook(parent: QWidget, title: str, busy: str, suggested: str, path: Path | None,
                    write: Callable[[Path, Progress], int], done: Callable[[int, Path], str]) -> Task[int] | None:
    """Ask where (unless given), write the workbook on the worker, then say how many rows went where."""
    if path is None:
        path = dialogs.ask_save_path(parent, title, suggested, "Excel (*.xlsx)")
        if path is None:
            return None
    target = path
    return run_in_background(parent, busy, lambda progress: write(target, progress),
                             lambda count: dialogs.show_info(parent, title, done(count, target)))


class ExcelImport:
    """One import from choosing the file to the refreshed table; ``state`` says where it ended (for tests):
    "problems", "declined", "imported", "failed" or "" while running."""

    def __init__(self, parent: QWidget, title: str, run: ImportFn, describe: Callable[[Any], str],
                 on_imported: Callable[[Any], None]) -> None:
        self.parent, self.title, self.run = parent, title, run
        self.describe, self.on_imported = describe, on_imported
        self.path: Path | None = None
        self.state = ""
        self.task: Task[Any] | None = None
        self.problems: ImportProblemsDialog | None = None

    def start(self, path: Path | None = None) -> bool:
        if path is None:
            path = dialogs.ask_open_path(self.parent, self.title, XLSX_FILTER)
            if path is None:
                return False
        self.path = path
        run = self.run
        self.task = run_in_background(self.parent, translate("import", "Checking %1…").replace("%1", path.name),
                                      lambda progress: run(path, progress, True), self._checked, self._failed)
        return True

    def _failed(self, error: BaseException) -> None:
        assert self.path is not None
        if isinstance(error, ValidationError) and error.problems:
            self.state = "problems"
            self.problems = show_problems(self.parent, error, self.path.name)
            return
        self.state = "failed"
        dialogs.show_error(self.parent, error, self.title)

    def _checked(self, preview: Any) -> None:
        assert self.path is not None
        text = translate("import", "Every row of %1 was checked and is correct.").replace("%1", self.path.name)
        text += "\n" + self.describe(preview)
        if preview.ignored_columns:
            unused = "、".join(preview.ignored_columns)
            text += "\n" + translate("import", "Columns not used: %1.").replace("%1", unused)
        if not dialogs.confirm(self.parent, self.title, text + "\n\n" + translate("import", "Import now?")):
            self.state = "declined"
            return
        path, run = self.path, self.run
        self.task = run_in_background(self.parent, translate("import", "Importing %1…").replace("%1", path.name),
                                      lambda progress: run(path, progress, False), self._imported, self._failed)

    def _imported(self, result: Any) -> None:
        self.state = "imported"
        self.on_imported(result)
