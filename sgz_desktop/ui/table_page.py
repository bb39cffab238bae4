"""The page every area shows its table on: a filter box, optional extra filters, the table (sorted
by clicking a header), the row count and export to Excel. Filtering and sorting run in the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import SgzError
from ..core.excel import write_table_xlsx
from ..core.progress import Progress
from ..core.tables import TableQuery, TableSource, iter_rows
from . import dialogs
from .table_model import PAGE_SIZE, LazyTableModel
from .worker import Task, run_in_background

FILTER_DELAY_MS = 250  # wait for the user to stop typing before asking the database
MAX_COLUMN_WIDTH = 360


class TablePage(QWidget):
    """A table over a ``TableSource``. Area pages add their own filter widgets (``add_filter``) and
    buttons (``add_button``) and call ``set_filter(key, value)`` when those change."""

    row_activated = Signal(int)  # double-click or Enter on a row
    current_row_changed = Signal(object)  # the row's values (Sequence) or None

    def __init__(self, source: TableSource, title: str, parent: QWidget | None = None, *,
                 query: TableQuery | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.title = title
        self.export_task: Task[int] | None = None
        self.model = LazyTableModel(source, query, page_size=page_size, parent=self)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_text_filter)
        self._build()
        self.model.total_changed.connect(self._show_total)
        self.model.load_failed.connect(lambda exc: dialogs.show_error(self, exc, self.title))
        self.model.modelReset.connect(lambda: self.current_row_changed.emit(None))
        self._show_total(self.model.total)
        self._fit_columns()

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Search…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_text_filter)
        self.export_button = QPushButton(self.tr("Export to Excel"), self)
        self.export_button.clicked.connect(lambda: self.export_to_excel())
        self.count_label = QLabel(self)

        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.filter_edit)
        self.button_bar = QHBoxLayout()
        self.button_bar.addWidget(self.export_button)
        top = QHBoxLayout()
        top.addLayout(self.filter_bar)
        top.addStretch(1)
        top.addLayout(self.button_bar)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        query = self.model.query
        section = self.model.column_of(query.sort_key) if query.sort_key else -1
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(section, order)  # before enabling sorting, which re-sorts by it
        self.view.setSortingEnabled(True)
        header.setSortIndicatorShown(True)
        self.view.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))
        self.view.activated.connect(lambda index: self.row_activated.emit(index.row()))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    # --- for area pages -----------------------------------------------------------------------------

    def add_filter(self, widget: QWidget, label: str | None = None) -> None:
        """Put an extra filter widget (combo box, date edit) beside the search box."""
        if label:
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            self.filter_bar.addWidget(caption)
        self.filter_bar.addWidget(widget)

    def add_button(self, button: QPushButton) -> None:
        """An action of the area (New…, Edit…), placed before the export button."""
        self.button_bar.insertWidget(self.button_bar.count() - 1, button)

    def set_filter(self, key: str, value: object) -> None:
        """Set (or with None/"" clear) one filter the source understands; the table reloads."""
        self._requery(self.model.query.with_filter(key, value))

    def set_filters(self, values: dict[str, object]) -> None:
        query = self.model.query
        for key, value in values.items():
            query = query.with_filter(key, value)
        self._requery(query)

    def apply_text_filter(self) -> None:
        self._filter_timer.stop()
        text = self.filter_edit.text().strip()
        if text != self.model.query.text:
            self._requery(replace(self.model.query, text=text))

    def refresh(self) -> None:
        """Read the rows again, keeping filters and order (after the area saved something)."""
        self._run(self.model.refresh)

    def current_row(self) -> int:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def current_values(self) -> Sequence[object] | None:
        row = self.current_row()
        return self.model.row_values(row) if row >= 0 else None

    # --- export -------------------------------------------------------------------------------------

    def export_to_excel(self, path: Path | None = None) -> Task[int] | None:
        """Ask where to save (unless given), then write every row matching the current filter."""
        if path is None:
            suggested = f"{self.title}-{dt.date.today():%Y%m%d}.xlsx"
            path = dialogs.ask_save_path(self, self.tr("Export to Excel"), suggested,
                                         self.tr("Excel workbook (*.xlsx)"))
            if path is None:
                return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        source, query, title = self.model.source, self.model.query, self.title
        headers = [c.title for c in self.model.columns]
        kinds = [c.kind for c in self.model.columns]
        total = self.model.total

        def work(progress: Progress) -> int:
            return write_table_xlsx(path, title, headers, iter_rows(source, query, progress), progress, kinds,
                                    total=total)

        def done(count: int) -> None:
            dialogs.show_info(self, self.tr("Export to Excel"),
                              self.tr("Exported %1 rows to %2.").replace("%1", str(count)).replace("%2", str(path)))

        self.export_button.setEnabled(False)
        self.export_task = run_in_background(self, self.tr("Exporting to Excel…"), work, done)
        self.export_task.finished.connect(lambda: self.export_button.setEnabled(True))
        return self.export_task

    # --- inside ---------------------------------------------------------------------------------------

    def _requery(self, query: TableQuery) -> None:
        self._run(lambda: self.model.set_query(query))

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except SgzError as exc:
            dialogs.show_error(self, exc, self.title)

    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("%1 rows in total").replace("%1", str(total)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_row_changed.emit(self.model.row_values(current.row()) if current.isValid() else None)

    def _fit_columns(self) -> None:
        """Size columns once to the first page; later pages do not make them jump."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for section in range(self.model.columnCount()):
            if header.sectionSize(section) > MAX_COLUMN_WIDTH:
                header.resizeSection(section, MAX_COLUMN_WIDTH)
