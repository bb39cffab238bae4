"""Pieces the volunteer tabs share: a volunteer picker that searches as one types, a short list source
that can be re-read, and helpers for buttons, hours and the selected row's hidden id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core import volunteers
from ..core.errors import SgzError
from ..core.roles import Actor
from ..core.station import Station
from ..core.tables import Column, ListSource, TableQuery
from ..core.training import tidy
from .staff_forms import read_only_note
from .table_page import TablePage

SEARCH_DELAY_MS = 200


def note(parent: QWidget, text: str) -> QLabel:
    """A grey explanatory line under a tab's buttons, lined up with them."""
    label = read_only_note(parent, text)
    label.setContentsMargins(10, 2, 10, 0)
    return label


def hours_text(hours: Decimal) -> str:
    return str(tidy(hours))


def hidden(table: TablePage, offset: int = 0) -> object | None:
    """A hidden trailing value of the selected row (0: the record's id)."""
    values = table.current_values()
    width = len(table.model.columns)
    if values is None or len(values) <= width + offset:
        return None
    return values[width + offset]


def selected_ids(table: TablePage) -> list[int]:
    """Ids of every selected row (tables that allow picking several rows)."""
    width = len(table.model.columns)
    rows = sorted({index.row() for index in table.view.selectionModel().selectedRows()})
    ids = [table.model.row_values(r)[width] for r in rows]
    return [i for i in ids if isinstance(i, int)]


class RefreshableList:
    """A ``ListSource`` made again by ``reload()`` (short lists: catalogue, rules, stars, certificates)."""

    def __init__(self, make: Callable[[], ListSource]) -> None:
        self.make = make
        self.inner = make()

    def reload(self) -> None:
        self.inner = self.make()

    @property
    def columns(self) -> Sequence[Column]:
        return self.inner.columns

    def count(self, query: TableQuery) -> int:
        return self.inner.count(query)

    def page(self, query: TableQuery, offset: int, limit: int) -> list[Sequence[object]]:
        return self.inner.page(query, offset, limit)


class VolunteerPicker(QWidget):
    """Type part of a name or number; choose from the matches below. ``chosen`` is the volunteer's id."""

    changed = Signal(object)  # the chosen id or None

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None, *,
                 include_withdrawn: bool = False) -> None:
        super().__init__(parent)
        self.st, self.actor, self.include_withdrawn = st, actor, include_withdrawn
        self.chosen: int | None = None
        self.choice: volunteers.VolunteerChoice | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name or volunteer number"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setMaximumHeight(120)
        self.shown = QLabel(self)
        self.shown.setObjectName("hintLabel")
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addWidget(self.shown)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.matches.currentItemChanged.connect(self._picked)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        try:
            found = volunteers.volunteer_choices(self.st, self.actor, self.search.text(), 30, self.include_withdrawn)
        except SgzError as err:
            self.shown.setText(str(err))
            return
        self.matches.blockSignals(True)
        self.matches.clear()
        for c in found:
            item = QListWidgetItem(f"{c.label} · {c.community_name or '—'} · {c.status}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.matches.addItem(item)
        self.matches.blockSignals(False)
        if len(found) == 1:
            self.matches.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        choice = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.choice = choice if isinstance(choice, volunteers.VolunteerChoice) else None
        self.chosen = self.choice.id if self.choice else None
        self.shown.setText(self.tr("Chosen: %1").replace("%1", self.choice.label) if self.choice else "")
        self.changed.emit(self.chosen)

    def choose(self, text: str) -> int | None:
        """Search for ``text`` and choose the first match (also for tests)."""
        self.search.setText(text)
        self.refresh()
        if self.matches.count():
            self.matches.setCurrentRow(0)
        return self.chosen

    def fix(self, volunteer_id: int) -> None:
        """Preset and lock the volunteer (the dialog was opened for one person)."""
        person = volunteers.get_volunteer(self.st, self.actor, volunteer_id)
        self.include_withdrawn = True
        self.search.setText(person.volunteer_no)
        self.refresh()
        for row in range(self.matches.count()):
            choice = self.matches.item(row).data(Qt.ItemDataRole.UserRole)
            if isinstance(choice, volunteers.VolunteerChoice) and choice.id == volunteer_id:
                self.matches.setCurrentRow(row)
        self.search.setEnabled(False)
        self.matches.setEnabled(False)
