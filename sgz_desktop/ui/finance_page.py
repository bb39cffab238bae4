"""The Projects & Finance page (Art. 20, 23, 25–28, 33): the ledger, the journal, budget execution,
contracts and evaluations, service projects and month/year closing, as tabs.

The ledger is a ``TablePage`` over the core's ``EntrySource`` (filtered, sorted and paged in SQL). Every
action calls the core, which checks the role and the rules (review by another user, reviewed vouchers
never changed, closed months locked); buttons a role may not use are disabled, and the core refuses
anyway. The dashboard opens this page on the vouchers or contracts a card names (``show_people``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import ledger, ledger_excel
from ..core.contracts import list_contracts
from ..core.errors import SgzError
from ..core.finance_categories import EXPENSE_DIR, INCOME_DIR
from ..core.finance_tables import EntrySource
from ..core.ledger import STATUSES, EntryInfo
from ..core.ledger_excel import LedgerImport
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.tables import TableQuery
from . import dialogs
from .finance_entry_dialog import EntryDialog, ReverseDialog
from .finance_import import LedgerImportFlow
from .finance_reports import ReportDialog
from .finance_widgets import contract_combo, first_year, year_combo
from .staff_forms import action_button, read_only_note
from .staff_import import save_template
from .table_page import TablePage
from .worker import run_in_background

_VOUCHER = re.compile(r"^\d{4}-\d{4,6}$")


class LedgerTab(QWidget):
    """账目: every voucher, with filters, entry, review, reversal, scans, Excel and printing."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_LEDGER)
        self.can_review = actor.can(Permission.REVIEW_LEDGER)
        self.entry_dialog: EntryDialog | None = None
        self.reverse_dialog: ReverseDialog | None = None
        self.importer: LedgerImportFlow | None = None
        titles = {
            "voucher": self.tr("Voucher"), "entry_date": self.tr("Date"), "summary": self.tr("Summary"),
            "direction": self.tr("In/out"), "category": self.tr("Category"), "sub_category": self.tr("Account"),
            "amount_fen": self.tr("Amount"), "counterparty": self.tr("Counterparty"),
            "payment_method": self.tr("Paid by"), "contract": self.tr("Contract"), "project": self.tr("Project"),
            "entered_by": self.tr("Entered by"), "reviewed_by": self.tr("Reviewed by"), "status": self.tr("Status"),
            "scans": self.tr("Scans")}
        self.source = EntrySource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._actions())
        if not self.can_edit:
            layout.addWidget(read_only_note(self, self.tr(
                "Read only: your role can view the ledger but not enter or review vouchers.")))
        self.people_bar = self._people_bar()
        layout.addWidget(self.people_bar)
        self.year = year_combo(st, self, first=first_year(list_contracts(st, actor), st.clock.now().year),
                               any_year=self.tr("All years"))
        self.table = TablePage(self.source, self.tr("Ledger"), self,
                               query=TableQuery(filters={"year": self.year.currentData()}))
        self._filters()
        layout.addWidget(self.table, 1)
        self.table.row_activated.connect(lambda _row: self.open_entry())
        self.table.current_row_changed.connect(self._selection_changed)
        self._selection_changed(None)

    # --- layout ---------------------------------------------------------------------------------------

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("New voucher…"), self, self.add_entry, enabled=self.can_edit)
        self.open_button = action_button(self.tr("Open…"), self, self.open_entry)
        self.review_button = action_button(self.tr("Review"), self, self.review_selected, enabled=self.can_review)
        self.review_all_button = action_button(self.tr("Review all shown…"), self, self.review_shown,
                                               enabled=self.can_review)
        self.reverse_button = action_button(self.tr("Reverse (red ink)…"), self, self.reverse_entry,
                                            enabled=self.can_edit)
        self.more_button = action_button(self.tr("More"), self, enabled=self.can_edit)
        more = QMenu(self.more_button)
        self.delete_action = more.addAction(self.tr("Delete (only the year's last, unreviewed voucher)…"),
                                            self.delete_entry)
        self.more_button.setMenu(more)
        self.excel_button = action_button(self.tr("Excel"), self)
        menu = QMenu(self.excel_button)
        menu.addAction(self.tr("Download the import template…"), self.save_template)
        self.import_action = menu.addAction(self.tr("Import entries (e.g. a bank statement)…"),
                                            lambda: self.import_entries())
        self.import_action.setEnabled(self.can_edit)
        menu.addAction(self.tr("Export the year's vouchers…"), lambda: self.export_entries())
        self.excel_button.setMenu(menu)
        self.print_button = action_button(self.tr("Print reports…"), self, self.print_reports)
        for button in (self.add_button, self.open_button, self.review_button, self.review_all_button,
                       self.reverse_button, self.more_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.excel_button)
        row.addWidget(self.print_button)
        return row

    def _people_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("placeholderBox")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 4, 10, 4)
        self.people_label = QLabel(bar)
        self.people_label.setWordWrap(True)
        row.addWidget(self.people_label, 1)
        show_all = QPushButton(self.tr("Show every voucher"), bar)
        show_all.clicked.connect(self.clear_vouchers)
        row.addWidget(show_all)
        bar.hide()
        return bar

    def _filters(self) -> None:
        self.month = QComboBox(self)
        self.month.addItem(self.tr("All months"), None)
        for m in range(1, 13):
            self.month.addItem(self.tr("%1 month").replace("%1", str(m)), m)
        self.contract = contract_combo(self.st, self.actor, self, self.tr("All contracts"))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status.addItem(status, status)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("Income and expense"), None)
        self.direction.addItem(self.tr("Income"), INCOME_DIR)
        self.direction.addItem(self.tr("Expense"), EXPENSE_DIR)
        for combo in (self.year, self.month, self.contract, self.status, self.direction):
            self.table.add_filter(combo)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

    # --- filters and selection ------------------------------------------------------------------------

    def apply_filters(self) -> None:
        self.month.setEnabled(self.year.currentData() is not None)
        self.table.set_filters({"year": self.year.currentData(), "month": self.month.currentData(),
                                "contract_id": self.contract.currentData(), "status": self.status.currentData(),
                                "direction": self.direction.currentData(), "vouchers": None})

    def show_vouchers(self, vouchers: Sequence[str], reason: str) -> None:
        self.table.filter_edit.clear()
        self.table.model.set_query(TableQuery(filters={"vouchers": tuple(vouchers)}))
        self.people_label.setText(self.tr("%1 — %2 vouchers").replace("%1", reason)
                                  .replace("%2", str(len(vouchers))))
        self.people_bar.show()

    def clear_vouchers(self) -> None:
        self.people_bar.hide()
        self.apply_filters()

    def selected_id(self) -> int | None:
        values = self.table.current_values()
        entry_id = values[len(self.source.columns)] if values is not None else None
        return entry_id if isinstance(entry_id, int) else None

    def selected(self) -> EntryInfo | None:
        entry_id = self.selected_id()
        if entry_id is None:
            dialogs.show_error(self, self.tr("Choose a voucher in the list first."), self.tr("Ledger"))
            return None
        try:
            return ledger.get_entry(self.st, self.actor, entry_id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Ledger"))
            return None

    def _selection_changed(self, values: Sequence[object] | None) -> None:
        status = values[len(self.source.columns) + 1] if values is not None else None
        self.open_button.setEnabled(values is not None)
        self.review_button.setEnabled(self.can_review and status == ledger.UNREVIEWED)
        self.reverse_button.setEnabled(self.can_edit and status == ledger.REVIEWED)
        self.delete_action.setEnabled(self.can_edit and status in (ledger.UNREVIEWED, ledger.REVERSAL))

    def select_entry(self, entry_id: int) -> None:
        model = self.table.model
        width = len(self.source.columns)
        for row in range(model.rowCount()):
            if model.row_values(row)[width] == entry_id:
                self.table.view.selectRow(row)
                return

    # --- actions --------------------------------------------------------------------------------------

    def _after(self, entry: EntryInfo | None) -> None:
        self.table.refresh()
        if entry is not None:
            self.select_entry(entry.id)

    def add_entry(self) -> EntryDialog:
        dialog = EntryDialog(self.st, self.actor, None, self)
        self.entry_dialog = dialog
        dialog.accepted.connect(lambda: self._after(dialog.saved))
        dialog.open()
        return dialog

    def open_entry(self) -> EntryDialog | None:
        entry = self.selected()
        if entry is None:
            return None
        dialog = EntryDialog(self.st, self.actor, entry, self)
        self.entry_dialog = dialog
        # Saved or only looked at (scans may have changed): refresh, keeping the voucher selected.
        dialog.finished.connect(lambda _r: self._after(dialog.saved or entry))
        dialog.open()
        return dialog

    def _do(self, title: str, action: Callable[[], object]) -> bool:
        try:
            action()
        except SgzError as err:
            dialogs.show_error(self, err, title)
            return False
        self.table.refresh()
        return True

    def review_selected(self) -> bool:
        entry = self.selected()
        if entry is None:
            return False
        return self._do(self.tr("Review"), lambda: ledger.review_entries(self.st, self.actor, [entry.id]))

    def review_shown(self) -> bool:
        """Review every unreviewed voucher the filters show, except the user's own (someone else reviews those)."""
        query = self.table.model.query.with_filter("status", ledger.UNREVIEWED)
        width = len(self.source.columns)
        rows = self.source.page(query, 0, self.source.count(query))
        ids = [i for i in (r[width] for r in rows) if isinstance(i, int)]
        entries = [ledger.get_entry(self.st, self.actor, i) for i in ids[:2000]]
        mine = [e for e in entries if e.entered_by == self.actor.username]
        others = [e.id for e in entries if e.entered_by != self.actor.username]
        if not others:
            dialogs.show_info(self, self.tr("Review"), self.tr(
                "No voucher shown is waiting for your review (your own vouchers are reviewed by someone else)."))
            return False
        text = self.tr("Review %1 vouchers?").replace("%1", str(len(others)))
        if mine:
            text += " " + self.tr("%1 vouchers entered by you are left for someone else to review.").replace(
                "%1", str(len(mine)))
        if not dialogs.confirm(self, self.tr("Review"), text):
            return False
        return self._do(self.tr("Review"), lambda: ledger.review_entries(self.st, self.actor, others))

    def reverse_entry(self) -> ReverseDialog | None:
        entry = self.selected()
        if entry is None:
            return None
        dialog = ReverseDialog(self.st, self.actor, entry, self)
        self.reverse_dialog = dialog
        dialog.accepted.connect(lambda: self._after(dialog.saved))
        dialog.open()
        return dialog

    def delete_entry(self) -> bool:
        entry = self.selected()
        if entry is None or not dialogs.confirm(self, self.tr("Delete a voucher"), self.tr(
                "Delete voucher %1 (%2)? Only the year's last voucher can be deleted, before review, so that "
                "numbers never have gaps.").replace("%1", entry.voucher).replace("%2", entry.summary)):
            return False
        return self._do(self.tr("Delete a voucher"), lambda: ledger.delete_entry(self.st, self.actor, entry.id))

    # --- Excel and reports ----------------------------------------------------------------------------

    def save_template(self) -> Path | None:
        st, actor = self.st, self.actor
        return save_template(self, self.tr("Ledger import template"), "账目导入模板.xlsx",
                             lambda path: ledger_excel.ledger_template(st, actor, path))

    def import_entries(self, path: Path | None = None) -> LedgerImportFlow:
        self.importer = LedgerImportFlow(self, self.st, self.actor, self._imported)
        self.importer.start(path)
        return self.importer

    def _imported(self, result: LedgerImport) -> None:
        self.table.refresh()
        dialogs.show_info(self, self.tr("Import ledger entries"), self.tr(
            "%1 entries were booked as vouchers %2 to %3, unreviewed.").replace("%1", str(result.added))
            .replace("%2", result.first_voucher).replace("%3", result.last_voucher))

    def export_entries(self, path: Path | None = None) -> None:
        year = self.year.currentData()
        if path is None:
            path = dialogs.ask_save_path(self, self.tr("Export vouchers"), f"账目-{year or '全部'}.xlsx",
                                         "Excel (*.xlsx)")
            if path is None:
                return
        st, actor, target = self.st, self.actor, path

        def done(count: int) -> None:
            dialogs.show_info(self, self.tr("Export vouchers"), self.tr("%1 vouchers were exported to %2.")
                              .replace("%1", str(count)).replace("%2", str(target)))

        run_in_background(self, self.tr("Exporting vouchers…"),
                          lambda progress: ledger_excel.export_ledger(st, actor, target, year, progress), done)

    def print_reports(self) -> ReportDialog:
        dialog = ReportDialog(self.st, self.actor, self)
        dialog.open()
        return dialog


class FinancePage(QWidget):
    """项目与财务: ledger, journal, budget execution, contracts, evaluations, projects, closing."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        from .finance_contracts import ContractsTab, EvaluationsTab, ProjectsTab
        from .finance_tabs import BudgetTab, ClosingTab, JournalTab

        super().__init__(parent)
        self.st, self.actor = st, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget(self)
        self.ledger = LedgerTab(st, actor, self.tabs)
        self.journal = JournalTab(st, actor, self.tabs)
        self.budget = BudgetTab(st, actor, self.tabs)
        self.contracts = ContractsTab(st, actor, self.tabs)
        self.evaluations = EvaluationsTab(st, actor, self.tabs)
        self.projects = ProjectsTab(st, actor, self.tabs)
        self.closing = ClosingTab(st, actor, self.tabs)
        for tab, title in ((self.ledger, self.tr("Ledger")), (self.journal, self.tr("Journal")),
                           (self.budget, self.tr("Budget execution")), (self.contracts, self.tr("Contracts")),
                           (self.evaluations, self.tr("Evaluations")), (self.projects, self.tr("Service projects")),
                           (self.closing, self.tr("Closing"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        reload = getattr(widget, "reload", None)
        if callable(reload):
            reload()  # another tab may have changed what it shows

    def show_people(self, names: Sequence[str], reason: str = "") -> None:
        """For the dashboard: vouchers open on the ledger, contracts on the contracts tab, gaps in the
        "1+4+N" structure on the projects tab."""
        if names and all(_VOUCHER.match(n) for n in names):
            self.tabs.setCurrentWidget(self.ledger)
            self.ledger.show_vouchers(names, reason)
        elif names and self.contracts.select_numbers(names):
            self.tabs.setCurrentWidget(self.contracts)
        else:
            self.tabs.setCurrentWidget(self.projects)
