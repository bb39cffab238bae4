"""Inputs the finance pages share: an amount typed in yuan with its Chinese capitals shown as it is
typed, and drop-downs of years, contracts and projects filled from the core."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.contracts import ContractInfo, list_contracts
from ..core.finance_amounts import rmb_upper
from ..core.projects import list_projects
from ..core.roles import Actor
from ..core.station import Station
from ..core.tables import Column, ListSource, TableQuery
from .formatting import fen_to_yuan_text, yuan_text_to_fen


class MoneyEdit(QWidget):
    """¥ amount in yuan, two decimals at most; the capitals (人民币大写) appear under it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, capitals: bool = True) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Amount in yuan, e.g. 1,234.56"))
        self.edit.setMaximumWidth(220)
        layout.addWidget(self.edit)
        self.capitals = QLabel(self)
        self.capitals.setObjectName("hintLabel")
        self.capitals.setVisible(capitals)
        layout.addWidget(self.capitals)
        self._show_capitals = capitals
        self.edit.textChanged.connect(self._typed)

    def fen(self) -> int | None:
        """The amount in fen, or None when the text is not an amount."""
        return yuan_text_to_fen(self.edit.text())

    def set_fen(self, fen: int | None) -> None:
        self.edit.setText("" if not fen else fen_to_yuan_text(fen))

    def _typed(self, _text: str) -> None:
        fen = self.fen()
        if self._show_capitals:
            if fen is None:
                self.capitals.setText(self.tr("Not an amount (at most two decimals)"))
            else:
                self.capitals.setText(rmb_upper(fen) if fen > 0 else "")
        self.changed.emit()


def year_combo(st: Station, parent: QWidget | None, *, first: int | None = None, any_year: str = "") -> QComboBox:
    """Years from the first contract's to next year, this year selected; ``any_year`` adds an "all" item."""
    combo = QComboBox(parent)
    this_year = st.clock.now().year
    start = first or this_year
    if any_year:
        combo.addItem(any_year, None)
    for year in range(this_year + 1, start - 1, -1):
        combo.addItem(str(year), year)
    combo.setCurrentIndex(combo.findData(this_year))
    return combo


def first_year(contracts: list[ContractInfo], fallback: int) -> int:
    return min((c.start_date.year for c in contracts), default=fallback)


def contract_combo(st: Station, actor: Actor, parent: QWidget | None, all_label: str = "") -> QComboBox:
    """Every contract by number and name; ``all_label`` adds a first "all contracts" item (data None)."""
    combo = QComboBox(parent)
    if all_label:
        combo.addItem(all_label, None)
    for c in list_contracts(st, actor):
        combo.addItem(c.label, c.id)
    combo.setMinimumContentsLength(18)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def project_combo(st: Station, actor: Actor, parent: QWidget | None, none_label: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_label, None)
    for p in list_projects(st, actor):
        combo.addItem(p.label, p.id)
    combo.setMinimumContentsLength(18)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class ReloadingList:
    """A ``ListSource`` made again by ``reload()`` (projects, contracts, evaluations, closings)."""

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
