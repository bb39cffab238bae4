"""A purchase-of-service contract with its budget over the three Art. 26 categories, and a contract's
evaluation (Art. 33). The budget form adds up as the user types and shows the management fee's share
against its limit, so the refusal the core would give is seen before saving."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import contract_evaluations, contracts
from ..core.contract_evaluations import GRADES, KINDS, EvaluationInfo, EvaluationInput
from ..core.contracts import LABELS, ContractInfo, ContractInput, management_limit_fen, mgmt_fee_percent, share_text
from ..core.errors import SgzError
from ..core.finance_amounts import format_fen
from ..core.finance_categories import EXPENSE_CATEGORIES, MANAGEMENT
from ..core.roles import Actor, Permission
from ..core.station import Station
from .finance_widgets import MoneyEdit
from .staff_forms import FieldErrors, OptionalDate, date_edit, to_date, to_qdate


class ContractDialog(QDialog):
    def __init__(self, st: Station, actor: Actor, contract: ContractInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.contract = st, actor, contract
        self.saved: ContractInfo | None = None
        self.percent: Decimal = mgmt_fee_percent(st)
        self.setWindowTitle(self.tr("New contract") if contract is None else contract.label)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when errors appear
        self.errors = FieldErrors(QLabel(self))
        form = QFormLayout()
        e = self.errors
        today = st.clock.now().date()
        self.number = QLineEdit(self)
        self.number.setMinimumWidth(300)
        self.name = QLineEdit(self)
        self.funder = QLineEdit(self)
        self.funder.setPlaceholderText(self.tr("e.g. district civil affairs bureau, subdistrict office"))
        self.operator = QLineEdit(self)
        self.start = date_edit(today, self)
        self.end = date_edit(today.replace(year=today.year + 1), self)
        self.total = MoneyEdit(self)
        self.first_purchase = QCheckBox(self.tr("First purchase (mid-term evaluation in the first year)"), self)
        self.signed = OptionalDate(self.tr("Signed on"), None, self, today=today)
        self.notes = QLineEdit(self)
        form.addRow(self.tr("Contract number"), e.field(LABELS["contract_no"], self.number))
        form.addRow(self.tr("Project name"), e.field(LABELS["name"], self.name))
        form.addRow(self.tr("Funder"), e.field(LABELS["funder"], self.funder))
        form.addRow(self.tr("Operator"), e.field(LABELS["operator"], self.operator))
        form.addRow(self.tr("Starts"), e.field(LABELS["start_date"], self.start))
        form.addRow(self.tr("Ends"), e.field((LABELS["end_date"], "合同期限"), self.end))
        form.addRow(self.tr("Total amount"), e.field(LABELS["total_fen"], self.total))
        form.addRow("", self.first_purchase)
        form.addRow("", e.field(LABELS["signed_on"], self.signed))
        form.addRow(self.tr("Notes"), self.notes)
        side_by_side = QHBoxLayout()  # wide rather than tall: fits a 1366×768 office screen
        side_by_side.addLayout(form, 1)
        side_by_side.addWidget(self._budget_box(), 1)
        layout.addLayout(side_by_side)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(self)
        editable = actor.can(Permission.EDIT_LEDGER)
        if editable:
            buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(contract)
        self.total.changed.connect(self._sum)
        self._sum()

    def _budget_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Budget (Art. 26)"), self)
        box.setMinimumWidth(460)
        grid = QGridLayout(box)
        self.budget: dict[str, MoneyEdit] = {}
        row = 0
        for category, subs in EXPENSE_CATEGORIES.items():
            head = QLabel(category, box)
            head.setObjectName("sectionTitle")
            grid.addWidget(head, row, 0, 1, 4)
            row += 1
            for i, sub in enumerate(subs):
                edit = MoneyEdit(box, capitals=False)
                edit.edit.setMaximumWidth(150)
                edit.changed.connect(self._sum)
                self.budget[sub] = edit
                grid.addWidget(QLabel(sub, box), row + i // 2, (i % 2) * 2)
                grid.addWidget(edit, row + i // 2, (i % 2) * 2 + 1)
            row += (len(subs) + 1) // 2
        self.sum_label = QLabel(box)
        self.sum_label.setWordWrap(True)
        grid.addWidget(self.errors.field((LABELS["budget"], MANAGEMENT), self.sum_label), row, 0, 1, 4)
        return box

    def _fill(self, c: ContractInfo | None) -> None:
        if c is None:
            return
        self.number.setText(c.contract_no)
        self.name.setText(c.name)
        self.funder.setText(c.funder)
        self.operator.setText(c.operator)
        self.start.setDate(to_qdate(c.start_date))
        self.end.setDate(to_qdate(c.end_date))
        self.total.set_fen(c.total_fen)
        self.first_purchase.setChecked(c.first_purchase)
        self.signed.set_value(c.signed_on)
        self.notes.setText(c.notes)
        for line in c.budget:
            self.budget[line.sub_category].set_fen(line.amount_fen)

    def _budget_fen(self) -> dict[str, int] | None:
        values = {sub: edit.fen() for sub, edit in self.budget.items()}
        if any(v is None for v in values.values()):
            return None
        return {sub: v for sub, v in values.items() if v}

    def _sum(self) -> None:
        """The budget's total against the contract's, and the management fee against its limit."""
        budget, total = self._budget_fen(), self.total.fen()
        if budget is None or total is None:
            self.sum_label.setText(self.tr("An amount is not a number."))
            self.sum_label.setObjectName("errorLabel")
            return
        summed = sum(budget.values())
        mgmt = sum(v for sub, v in budget.items() if sub in EXPENSE_CATEGORIES[MANAGEMENT])
        limit = management_limit_fen(total, self.percent)
        text = self.tr("Budget lines add up to %1 of %2.").replace("%1", format_fen(summed)).replace(
            "%2", format_fen(total))
        text += " " + self.tr("Management fee %1 (%2 of the total; limit %3, at most %4).").replace(
            "%1", format_fen(mgmt)).replace("%2", share_text(mgmt, total)).replace(
            "%3", f"{self.percent.normalize():f}%").replace("%4", format_fen(limit))
        wrong = summed != total or mgmt > limit
        self.sum_label.setText(text)
        self.sum_label.setStyleSheet("color: #b3261e;" if wrong else "")

    def values(self) -> ContractInput | None:
        budget, total = self._budget_fen(), self.total.fen()
        if budget is None or total is None:
            self.errors.clear()
            self.errors.add(LABELS["budget"], self.tr("Write every amount in yuan, at most two decimals."))
            return None
        return ContractInput(self.number.text(), self.name.text(), self.funder.text(), to_date(self.start.date()),
                             to_date(self.end.date()), total, budget, self.operator.text(),
                             self.first_purchase.isChecked(), self.signed.value(), self.notes.text())

    def save(self) -> bool:
        data = self.values()
        if data is None:
            return False
        try:
            if self.contract is None:
                self.saved = contracts.add_contract(self.st, self.actor, data)
            else:
                self.saved = contracts.update_contract(self.st, self.actor, self.contract.id, data)
        except SgzError as err:
            self.errors.show(err)
            return False
        self.accept()
        return True


class EvaluationDialog(QDialog):
    """Record (or correct) the evaluation of one execution year of a contract."""

    def __init__(self, st: Station, actor: Actor, contract: ContractInfo, evaluation: EvaluationInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.contract = st, actor, contract
        self.saved: EvaluationInfo | None = None
        self.setWindowTitle(self.tr("Evaluation of %1").replace("%1", contract.contract_no))
        layout = QVBoxLayout(self)
        self.errors = FieldErrors(QLabel(self))
        form = QFormLayout()
        e = self.errors
        self.year = QSpinBox(self)
        self.year.setRange(1, len(contract_evaluations.execution_years(contract)))
        self.kind = QComboBox(self)
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText("末期")
        self.on = date_edit(st.clock.now().date(), self)
        self.evaluator = QLineEdit(self)
        self.evaluator.setPlaceholderText(self.tr("The third-party evaluation organisation"))
        self.grade = QComboBox(self)
        self.grade.addItems(list(GRADES))
        self.score = QSpinBox(self)
        self.score.setRange(0, 100)
        self.score.setSpecialValueText(self.tr("(none)"))
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        form.addRow(self.tr("Execution year"), e.field("执行年度", self.year))
        form.addRow(self.tr("Kind"), e.field("评估类型", self.kind))
        form.addRow(self.tr("Evaluated on"), e.field("评估日期", self.on))
        form.addRow(self.tr("Evaluator"), e.field("评估机构", self.evaluator))
        form.addRow(self.tr("Grade"), e.field("评估等级", self.grade))
        form.addRow(self.tr("Score"), e.field("评估得分", self.score))
        form.addRow(self.tr("Remarks"), self.notes)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if evaluation is not None:
            self.year.setValue(evaluation.execution_year)
            self.kind.setCurrentText(evaluation.kind)
            self.on.setDate(to_qdate(evaluation.evaluated_on))
            self.evaluator.setText(evaluation.evaluator)
            self.grade.setCurrentText(evaluation.grade)
            self.score.setValue(evaluation.score or 0)
            self.notes.setPlainText(evaluation.notes)

    def save(self) -> bool:
        data = EvaluationInput(self.year.value(), self.kind.currentText(), to_date(self.on.date()),
                               self.evaluator.text(), self.grade.currentText(), self.score.value() or None,
                               self.notes.toPlainText())
        try:
            self.saved = contract_evaluations.record_evaluation(self.st, self.actor, self.contract.id, data)
        except SgzError as err:
            self.errors.show(err)
            return False
        self.accept()
        return True
