"""Pieces the staff and training forms share: optional dates, errors shown under the field they belong to,
a read-only note, and a small table helper.

The core names the field of every ``Problem`` with its Chinese label (``staff.LABELS``); a form binds
each input to that label, so the core's reason appears right under the input, and the user's text stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import Problem, SgzError, ValidationError

DATE_FORMAT = "yyyy-MM-dd"
QWIDGETSIZE_MAX = 16777215


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(to_qdate(day or dt.date.today()))
    edit.setMinimumWidth(120)
    return edit


class OptionalDate(QWidget):
    """A date that may be left out (certificate date, contract end): a tick box, then the date."""

    def __init__(self, text: str, day: dt.date | None = None, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text, self)
        self.edit = date_edit(day or today, self)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.set_value(day)

    def value(self) -> dt.date | None:
        return to_date(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


class FieldErrors:
    """Error lines under the inputs, keyed by the core's field label; a general line for the rest."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.general.setObjectName("errorLabel")
        self.general.setWordWrap(True)
        self.general.hide()
        self._lines: dict[str, QLabel] = {}

    def field(self, labels: str | Iterable[str], widget: QWidget) -> QWidget:
        """``widget`` with an (initially hidden) error line under it, for problems of ``labels``."""
        box = QWidget(widget.parentWidget())
        if widget.maximumHeight() < QWIDGETSIZE_MAX:  # a fixed-height notes box must not grow in the form
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        line = QLabel(box)
        line.setObjectName("errorLabel")
        line.setWordWrap(True)
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.hide()
        layout.addWidget(line)
        for label in [labels] if isinstance(labels, str) else labels:
            self._lines[label] = line
        return box

    def clear(self) -> None:
        for line in [*self._lines.values(), self.general]:
            line.clear()
            line.hide()

    def line(self, label: str) -> QLabel | None:
        return self._lines.get(label)

    def show(self, error: SgzError | str) -> None:
        """Put each problem under its input; anything without an input goes to the general line."""
        self.clear()
        problems = error.problems if isinstance(error, ValidationError) else []
        rest: list[str] = [] if problems else [str(error)]
        for problem in problems:
            line = self._lines.get(problem.field)
            if line is None:
                rest.append(str(problem))
                continue
            line.setText("\n".join(filter(None, [line.text(), problem.reason])))
            line.show()
        if rest:
            self.general.setText("\n".join(rest))
            self.general.show()

    def add(self, label: str, reason: str) -> None:
        """One problem found by the form itself (a pay that is not an amount)."""
        line = self._lines.get(label)
        target = line if line is not None else self.general
        target.setText("\n".join(filter(None, [target.text(), reason if line is not None
                                               else str(Problem(label, reason))])))
        target.show()

    def shown(self) -> dict[str, str]:
        """Visible error texts by field label (``""`` for the general line): what tests and users see."""
        out = {label: line.text() for label, line in self._lines.items() if line.text()}
        if self.general.text():
            out[""] = self.general.text()
        return out


def action_button(text: str, parent: QWidget, slot: Callable[[], object] | None = None, *,
                  enabled: bool = True) -> QPushButton:
    button = QPushButton(text, parent)
    button.setEnabled(enabled)
    if slot is not None:
        button.clicked.connect(lambda: slot())
    return button


def read_only_note(parent: QWidget, text: str) -> QLabel:
    note = QLabel(text, parent)
    note.setObjectName("hintLabel")
    note.setWordWrap(True)
    return note


def fill_table(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[object]],
               align_right: Iterable[int] = ()) -> None:
    """A short read-only list (a person's assessments, their training) in a QTableWidget."""
    right = set(align_right)
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = value.isoformat() if isinstance(value, dt.date) else "" if value is None else str(value)
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if len(text) > 20:
                item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c) + 16, 360))


def list_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
