"""One ledger entry (记账凭证): enter or correct it before review, read it afterwards, keep its voucher
scans, and the red-ink reversal of a reviewed one.

Problems come back from the core with the Chinese label of their field and appear under that input.
When the management fee would pass its limit, the core's figures appear under the "reason" box, which
opens for the user to explain (Art. 26); saving again with a reason goes ahead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import ledger
from ..core.contracts import list_contracts
from ..core.errors import SgzError
from ..core.finance_categories import DIRECTION_LABELS, EXPENSE_DIR, INCOME_DIR, PAYMENT_METHODS, categories_of
from ..core.ledger import LABELS, EntryInfo, EntryInput, ManagementFeeOverLimit
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import dialogs
from .finance_widgets import MoneyEdit, contract_combo, project_combo, select_data
from .staff_forms import FieldErrors, date_edit, to_date, to_qdate

SCAN_FILTER = "PDF / JPEG / PNG / TIFF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"


class EntryDialog(QDialog):
    """``entry`` None: a new voucher. A reviewed, reversing or closed-period entry opens read only."""

    def __init__(self, st: Station, actor: Actor, entry: EntryInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.entry = st, actor, entry
        self.saved: EntryInfo | None = None
        self.editable = actor.can(Permission.EDIT_LEDGER) and (entry is None or entry.editable)
        self.setWindowTitle(self.tr("New voucher") if entry is None else
                            self.tr("Voucher %1").replace("%1", entry.voucher))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when errors appear
        if entry is not None:
            layout.addWidget(self._status_line(entry))
        self.errors = FieldErrors(QLabel(self))
        form = QFormLayout()
        self._inputs(form)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        if entry is not None:
            layout.addWidget(self._scans(entry))
        buttons = QDialogButtonBox(self)
        if self.editable:
            self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(self.save)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(entry)
        for widget in self._widgets:
            widget.setEnabled(self.editable)

    # --- layout ---------------------------------------------------------------------------------------

    def _status_line(self, entry: EntryInfo) -> QLabel:
        if entry.reviewed:
            text = self.tr("Reviewed by %1 on %2. A reviewed voucher is never changed; a mistake is corrected "
                           "with a red-ink reversal.").replace("%1", entry.reviewed_by_name).replace(
                "%2", f"{entry.reviewed_at:%Y-%m-%d %H:%M}" if entry.reviewed_at else "")
        elif entry.reverses_id is not None:
            text = self.tr("Reversal of voucher %1; delete it before review if it was made by mistake.").replace(
                "%1", entry.reverses_voucher)
        elif entry.period_closed:
            text = self.tr("Its month is closed: nothing in it can change.")
        else:
            text = self.tr("Entered by %1; not reviewed yet. Review must be done by someone else.").replace(
                "%1", entry.entered_by_name)
        if entry.reversed_by_voucher:
            text += " " + self.tr("Reversed by voucher %1.").replace("%1", entry.reversed_by_voucher)
        label = QLabel(f"{entry.status} · {text}", self)
        label.setObjectName("hintLabel")
        label.setWordWrap(True)
        return label

    def _inputs(self, form: QFormLayout) -> None:
        e = self.errors
        self.date = date_edit(self.st.clock.now().date(), self)
        self.direction = QComboBox(self)
        for key in (EXPENSE_DIR, INCOME_DIR):
            self.direction.addItem(self.tr("Expense") if key == EXPENSE_DIR else self.tr("Income"), key)
        self.sub_category = QComboBox(self)
        self.amount = MoneyEdit(self)
        self.summary = QLineEdit(self)
        self.summary.setMinimumWidth(420)  # sets the dialog's width (the layout keeps it at least this)
        self.summary.setPlaceholderText(self.tr("What the money was for, e.g. March wages"))
        self.counterparty = QLineEdit(self)
        self.method = QComboBox(self)
        self.method.addItems(list(PAYMENT_METHODS))
        self.contract = contract_combo(self.st, self.actor, self)
        self.project = project_combo(self.st, self.actor, self, self.tr("(no project)"))
        self.notes = QLineEdit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setMaximumHeight(60)
        self.reason.setPlaceholderText(self.tr("Why the management fee may pass its limit (Art. 26)"))
        form.addRow(self.tr("Date"), e.field(LABELS["entry_date"], self.date))
        form.addRow(self.tr("Income/expense"), e.field(LABELS["direction"], self.direction))
        form.addRow(self.tr("Account"), e.field((LABELS["sub_category"], LABELS["category"]), self.sub_category))
        form.addRow(self.tr("Amount"), e.field(LABELS["amount_fen"], self.amount))
        form.addRow(self.tr("Summary"), e.field(LABELS["summary"], self.summary))
        form.addRow(self.tr("Counterparty"), e.field(LABELS["counterparty"], self.counterparty))
        form.addRow(self.tr("Payment method"), e.field(LABELS["payment_method"], self.method))
        form.addRow(self.tr("Contract"), e.field(LABELS["contract_id"], self.contract))
        form.addRow(self.tr("Service project"), e.field(LABELS["project_id"], self.project))
        form.addRow(self.tr("Notes"), e.field(LABELS["notes"], self.notes))
        self.reason_label = QLabel(self.tr("Reason over the limit"), self)
        self.reason_box = e.field(LABELS["over_limit_reason"], self.reason)
        form.addRow(self.reason_label, self.reason_box)
        self._widgets: list[QWidget] = [self.date, self.direction, self.sub_category, self.amount, self.summary,
                                        self.counterparty, self.method, self.contract, self.project, self.notes,
                                        self.reason]
        self.direction.currentIndexChanged.connect(lambda _i: self._fill_accounts())
        self._fill_accounts()

    def _fill_accounts(self) -> None:
        current = self.sub_category.currentData()
        self.sub_category.clear()
        for category, subs in categories_of(self.direction.currentData()).items():
            for sub in subs:
                self.sub_category.addItem(f"{sub}（{category}）", sub)
        select_data(self.sub_category, current)

    def _scans(self, entry: EntryInfo) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Voucher scans"), box))
        self.scan_list = QListWidget(box)
        self.scan_list.setMaximumHeight(90)
        layout.addWidget(self.scan_list)
        row = QHBoxLayout()
        can_change = self.actor.can(Permission.EDIT_LEDGER) and not entry.reviewed and not entry.period_closed
        self.add_scan_button = QPushButton(self.tr("Add a scan…"), box)
        self.add_scan_button.setEnabled(can_change)
        self.add_scan_button.clicked.connect(lambda: self.add_scan())
        self.remove_scan_button = QPushButton(self.tr("Remove"), box)
        self.remove_scan_button.setEnabled(can_change)
        self.remove_scan_button.clicked.connect(self.remove_scan)
        open_button = QPushButton(self.tr("Open"), box)
        open_button.clicked.connect(self.open_scan)
        for button in (self.add_scan_button, self.remove_scan_button, open_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self._list_scans(entry)
        return box

    def _list_scans(self, entry: EntryInfo) -> None:
        self.scan_list.clear()
        for scan in entry.attachments:
            pages = self.tr(", %1 pages").replace("%1", str(scan.pages)) if scan.pages else ""
            item = QListWidgetItem(f"{scan.file_name}（{scan.format.upper()}{pages}）", self.scan_list)
            item.setData(Qt.ItemDataRole.UserRole, scan.id)

    def _fill(self, entry: EntryInfo | None) -> None:
        self.reason_label.setVisible(bool(entry and entry.over_limit_reason))
        self.reason_box.setVisible(bool(entry and entry.over_limit_reason))
        if entry is None:
            today = self.st.clock.now().date()
            running = [c.id for c in list_contracts(self.st, self.actor) if c.running_on(today)]
            if running:
                select_data(self.contract, running[0])
            return
        self.date.setDate(to_qdate(entry.entry_date))
        select_data(self.direction, entry.direction)
        self._fill_accounts()
        select_data(self.sub_category, entry.sub_category)
        self.amount.set_fen(abs(entry.amount_fen))
        if entry.amount_fen < 0:
            self.amount.capitals.setText(self.tr("Red ink (negative): %1").replace("%1", self.amount.capitals.text()))
        self.summary.setText(entry.summary)
        self.counterparty.setText(entry.counterparty)
        self.method.setCurrentText(entry.payment_method)
        select_data(self.contract, entry.contract_id)
        select_data(self.project, entry.project_id)
        self.notes.setText(entry.notes)
        self.reason.setPlainText(entry.over_limit_reason)

    # --- saving ---------------------------------------------------------------------------------------

    def values(self) -> EntryInput | None:
        fen = self.amount.fen()
        if fen is None:
            self.errors.clear()
            self.errors.add(LABELS["amount_fen"], self.tr("Not an amount: write it in yuan with at most two "
                                                          "decimals, e.g. 1,234.56"))
            return None
        contract = self.contract.currentData()
        if contract is None:
            self.errors.clear()
            self.errors.add(LABELS["contract_id"], self.tr("Register the purchase-of-service contract first."))
            return None
        return EntryInput(to_date(self.date.date()), self.summary.text(), self.direction.currentData(),
                          self.sub_category.currentData() or "", fen, contract, self.counterparty.text(),
                          self.method.currentText(), self.project.currentData(), self.notes.text(),
                          self.reason.toPlainText())

    def save(self) -> bool:
        data = self.values()
        if data is None:
            return False
        try:
            if self.entry is None:
                self.saved = ledger.add_entry(self.st, self.actor, data)
            else:
                self.saved = ledger.update_entry(self.st, self.actor, self.entry.id, data)
        except ManagementFeeOverLimit as err:
            self.errors.show(err)
            self.reason_label.show()
            self.reason_box.show()
            self.reason.setFocus()
            return False
        except SgzError as err:
            self.errors.show(err)
            return False
        self.accept()
        return True

    # --- scans ----------------------------------------------------------------------------------------

    def add_scan(self, path: Path | None = None) -> bool:
        assert self.entry is not None
        if path is None:
            path = dialogs.ask_open_path(self, self.tr("Add a voucher scan"), SCAN_FILTER)
            if path is None:
                return False
        try:
            ledger.add_attachment(self.st, self.actor, self.entry.id, path)
            self.entry = ledger.get_entry(self.st, self.actor, self.entry.id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Add a voucher scan"))
            return False
        self._list_scans(self.entry)
        return True

    def _chosen_scan(self) -> int | None:
        item = self.scan_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    def remove_scan(self) -> None:
        scan = self._chosen_scan()
        if scan is None or self.entry is None:
            return
        try:
            ledger.remove_attachment(self.st, self.actor, scan)
            self.entry = ledger.get_entry(self.st, self.actor, self.entry.id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Voucher scans"))
            return
        self._list_scans(self.entry)

    def open_scan(self) -> None:
        scan = self._chosen_scan()
        if scan is None:
            return
        try:
            path = ledger.attachment_path(self.st, self.actor, scan)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Voucher scans"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReverseDialog(QDialog):
    """红字冲销 of a reviewed voucher: the date of the reversing entry and why."""

    def __init__(self, st: Station, actor: Actor, entry: EntryInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.entry = st, actor, entry
        self.saved: EntryInfo | None = None
        self.setWindowTitle(self.tr("Reverse voucher %1").replace("%1", entry.voucher))
        layout = QVBoxLayout(self)
        what = QLabel(self.tr("%1 · %2 · %3 %4. A new voucher with the negative amount will point at it; if the "
                              "right figure is different, enter the right voucher afterwards.")
                      .replace("%1", entry.voucher).replace("%2", entry.summary)
                      .replace("%3", DIRECTION_LABELS.get(entry.direction, entry.direction))
                      .replace("%4", f"¥{abs(entry.amount_fen) / 100:,.2f}"), self)
        what.setWordWrap(True)
        layout.addWidget(what)
        self.errors = FieldErrors(QLabel(self))
        form = QFormLayout()
        self.on = date_edit(max(st.clock.now().date(), entry.entry_date), self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. amount entered wrongly"))
        form.addRow(self.tr("Date of the reversal"), self.errors.field(("冲销日期", "日期"), self.on))
        form.addRow(self.tr("Reason"), self.errors.field("冲销原因", self.reason))
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Reverse"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            self.saved = ledger.reverse_entry(self.st, self.actor, self.entry.id, to_date(self.on.date()),
                                              self.reason.text())
        except SgzError as err:
            self.errors.show(err)
            return False
        self.accept()
        return True
