"""One lazy table model for every table in the app (Qt's fetchmore example, Anki's browser model).

It knows how many rows match, holds only the rows fetched so far, and asks its ``TableSource`` for
the next page of ~200 when the view scrolls near the end. Sorting and filtering are new queries run
by the database, never done here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from ..core.errors import SgzError
from ..core.tables import Column, TableQuery, TableSource, display_text

PAGE_SIZE = 200
TOOLTIP_FROM = 30  # long texts (summaries) also show whole in a tooltip

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
}

AnyIndex = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    """``total`` rows match the query; ``rowCount()`` is how many are fetched so far."""

    total_changed = Signal(int)
    load_failed = Signal(object)  # an SgzError met while fetching more rows for the view

    def __init__(self, source: TableSource, query: TableQuery | None = None, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._columns: tuple[Column, ...] = tuple(source.columns)
        self._query = query or TableQuery()
        self._page_size = page_size
        self._rows: list[Sequence[object]] = []
        self._total = 0
        self._changing = False  # inside a reset or an insert: no nested fetch from a signal handler
        self._load()

    # --- what pages and tests use -------------------------------------------------------------------

    @property
    def source(self) -> TableSource:
        return self._source

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def query(self) -> TableQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: TableQuery) -> None:
        """Filter or sort anew: count again, start over from the first page."""
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Read again after the data changed (a page saved a record)."""
        self._changing = True
        self.beginResetModel()
        try:
            self._load()
        finally:
            self.endResetModel()
            self._changing = False
        self.total_changed.emit(self._total)

    def row_values(self, row: int) -> Sequence[object]:
        """The whole row as the source gave it, extra trailing values included."""
        return self._rows[row]

    def column_of(self, key: str) -> int:
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def _load(self) -> None:
        """First page first: when it is not full it is every row, and the count (a second scan of
        the table for a text filter) is not needed."""
        self._rows = []
        self._total = 0
        first = list(self._source.page(self._query, 0, self._page_size))[:self._page_size]
        self._total = len(first) if len(first) < self._page_size else self._source.count(self._query)
        self._rows = first[:self._total]

    def _next_page(self) -> list[Sequence[object]]:
        limit = min(self._page_size, self._total - len(self._rows))
        rows = list(self._source.page(self._query, len(self._rows), limit))[:limit]
        if len(rows) < limit:
            # rows vanished since the count (another action deleted some): stop where the data ends
            self._total = len(self._rows) + len(rows)
        return rows

    # --- Qt model API ----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self._changing or not self.canFetchMore(parent):
            return
        try:
            rows = self._next_page()
        except SgzError as exc:
            self._total = len(self._rows)  # stop asking; the page shows the message
            self.total_changed.emit(self._total)
            self.load_failed.emit(exc)
            return
        if not rows:
            self.total_changed.emit(self._total)
            return
        first = len(self._rows)
        self._changing = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        finally:
            self._changing = False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        column = self._columns[index.column()]
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(value, column)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN[column.resolved_align]
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > TOOLTIP_FROM:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGN[column.resolved_align]
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].key if 0 <= column < len(self._columns) else None
        descending = order == Qt.SortOrder.DescendingOrder and key is not None
        if key == self._query.sort_key and descending == self._query.descending:
            return  # the view re-announces the current order, e.g. when sorting is switched on
        # a new order means a new first page from the database: reset rather than move rows around
        self.set_query(replace(self._query, sort_key=key, descending=descending))

    def _text(self, value: object, column: Column) -> str:
        return display_text(value, column.kind, yes=self.tr("Yes"), no=self.tr("No"))
