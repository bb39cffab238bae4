"""The journal, budget execution and closing tabs of the Projects & Finance page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import ledger_periods
from ..core.contracts import list_contracts, share_text
from ..core.errors import SgzError
from ..core.finance_amounts import format_fen
from ..core.finance_budget import budget_execution
from ..core.finance_tables import JournalSource, closing_table, execution_table
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.tables import ListSource, TableQuery
from . import dialogs
from .finance_widgets import ReloadingList, contract_combo, first_year, year_combo
from .staff_forms import action_button
from .table_page import TablePage


class JournalTab(QWidget):
    """日记账: a year's entries in date order with the running balance, from the balance brought forward."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        titles = {"entry_date": self.tr("Date"), "voucher": self.tr("Voucher"), "summary": self.tr("Summary"),
                  "sub_category": self.tr("Account"), "income": self.tr("Income"), "expense": self.tr("Expense"),
                  "balance": self.tr("Balance")}
        self.source = JournalSource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.opening = QLabel(self)
        self.opening.setObjectName("hintLabel")
        self.opening.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.opening)
        self.year = year_combo(st, self, first=first_year(list_contracts(st, actor), st.clock.now().year))
        self.table = TablePage(self.source, self.tr("Journal"), self,
                               query=TableQuery(filters={"year": self.year.currentData()}))
        self.contract = contract_combo(st, actor, self, self.tr("All contracts"))
        self.month = QComboBox(self)
        self.month.addItem(self.tr("All months"), None)
        for m in range(1, 13):
            self.month.addItem(self.tr("%1 month").replace("%1", str(m)), m)
        for combo in (self.year, self.contract, self.month):
            self.table.add_filter(combo)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        layout.addWidget(self.table, 1)
        self._show_opening()

    def apply_filters(self) -> None:
        self.table.set_filters({"year": self.year.currentData(), "contract_id": self.contract.currentData(),
                                "month": self.month.currentData()})
        self._show_opening()

    def _show_opening(self) -> None:
        opening = self.source.opening(self.table.model.query)
        self.opening.setText(self.tr("Balance brought forward into %1: %2. Reversing (red-ink) vouchers show as "
                                     "negative amounts.").replace("%1", str(self.year.currentData()))
                             .replace("%2", format_fen(opening)))

    def reload(self) -> None:
        self.table.refresh()
        self._show_opening()


class BudgetTab(QWidget):
    """预算执行: one contract's budget, spending, remainder and rate per sub-category and category."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.titles = {"category": self.tr("Category"), "sub_category": self.tr("Account"),
                       "budget": self.tr("Budget"), "period": self.tr("Spent in the period"),
                       "cumulative": self.tr("Spent to date"), "remaining": self.tr("Remaining"),
                       "rate": self.tr("Rate")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        row = QHBoxLayout()
        self.contract = contract_combo(st, actor, self)
        self.year = year_combo(st, self, first=first_year(list_contracts(st, actor), st.clock.now().year),
                               any_year=self.tr("Whole contract"))
        row.addWidget(QLabel(self.tr("Contract"), self))
        row.addWidget(self.contract)
        row.addWidget(QLabel(self.tr("Year"), self))
        row.addWidget(self.year)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.source = ReloadingList(self._make)
        self.table = TablePage(self.source, self.tr("Budget execution"), self)
        layout.addWidget(self.table, 1)
        self.contract.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self._summarise()

    def _make(self) -> ListSource:
        contract = self.contract.currentData()
        if contract is None:
            return ListSource([], [])
        return execution_table(self.st, self.actor, contract, self.year.currentData(), self.titles)

    def _summarise(self) -> None:
        contract = self.contract.currentData()
        if contract is None:
            self.summary.setText(self.tr("No contract yet: register the purchase-of-service contract first."))
            return
        ex = budget_execution(self.st, self.actor, contract, self.year.currentData())
        c = ex.contract
        over = ex.mgmt_actual_fen > ex.mgmt_limit_fen
        self.summary.setText(self.tr(
            "%1 · funder %2 · %3 to %4 · total %5. Funds received in the period: %6. Management fee to date %7 "
            "(%8 of the total), limit %9.").replace("%1", c.label).replace("%2", c.funder)
            .replace("%3", str(c.start_date)).replace("%4", str(c.end_date)).replace("%5", format_fen(c.total_fen))
            .replace("%6", format_fen(ex.income_period_fen)).replace("%7", format_fen(ex.mgmt_actual_fen))
            .replace("%8", share_text(ex.mgmt_actual_fen, c.total_fen)).replace("%9", format_fen(ex.mgmt_limit_fen)))
        self.summary.setStyleSheet("color: #b3261e;" if over else "")

    def reload(self) -> None:
        try:
            self.source.reload()
            self._summarise()
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Budget execution"))
            return
        self.table.refresh()


class MonthDialog(QDialog):
    """Which month (or year) to close or reopen, and a note or reason."""

    def __init__(self, title: str, year: int, month: int | None, note_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        form.addRow(self.tr("Year"), self.year)
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.month.setValue(month or 1)
        if month is not None:
            form.addRow(self.tr("Month"), self.month)
        else:
            self.month.hide()
        self.note = QLineEdit(self)
        form.addRow(note_label, self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ClosingTab(QWidget):
    """结账: closed months and years; close the next month, close a year, reopen the last month."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        can = actor.can(Permission.REVIEW_LEDGER)
        titles = {"period": self.tr("Period"), "closed_at": self.tr("Closed at"), "closed_by": self.tr("Closed by"),
                  "note": self.tr("Note")}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.month_button = action_button(self.tr("Close a month…"), self, self.close_month, enabled=can)
        self.year_button = action_button(self.tr("Close a year…"), self, self.close_year, enabled=can)
        self.reopen_button = action_button(self.tr("Reopen the last closed month…"), self, self.reopen, enabled=can)
        for button in (self.month_button, self.year_button, self.reopen_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(self.tr("A closed month locks its vouchers: nothing dated in it can be entered, changed or "
                              "imported. Months close in order, once over and fully reviewed."), self)
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        hint.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(hint)
        self.source = ReloadingList(lambda: closing_table(st, actor, titles))
        self.table = TablePage(self.source, self.tr("Closed periods"), self)
        layout.addWidget(self.table, 1)

    def ask(self, dialog: MonthDialog) -> bool:
        """Show the dialog (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _next_month(self) -> tuple[int, int]:
        return ledger_periods.next_to_close(self.st, self.actor)

    def _run(self, title: str, action: Callable[[], object]) -> bool:
        try:
            action()
        except SgzError as err:
            dialogs.show_error(self, err, title)
            return False
        self.reload()
        return True

    def close_month(self) -> bool:
        year, month = self._next_month()
        dialog = MonthDialog(self.tr("Close a month"), year, month, self.tr("Note"), self)
        if not self.ask(dialog):
            return False
        return self._run(self.tr("Close a month"), lambda: ledger_periods.close_month(
            self.st, self.actor, dialog.year.value(), dialog.month.value(), dialog.note.text()))

    def close_year(self) -> bool:
        dialog = MonthDialog(self.tr("Close a year"), self.st.clock.now().year - 1, None, self.tr("Note"), self)
        if not self.ask(dialog):
            return False
        return self._run(self.tr("Close a year"), lambda: ledger_periods.close_year(
            self.st, self.actor, dialog.year.value(), dialog.note.text()))

    def reopen(self) -> bool:
        year, month = self._next_month()
        last = (year, month - 1) if month > 1 else (year - 1, 12)
        dialog = MonthDialog(self.tr("Reopen a month"), last[0], last[1], self.tr("Reason"), self)
        if not self.ask(dialog):
            return False
        return self._run(self.tr("Reopen a month"), lambda: ledger_periods.reopen_month(
            self.st, self.actor, dialog.year.value(), dialog.month.value(), dialog.note.text()))

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()
