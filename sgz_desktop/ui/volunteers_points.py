"""The Points ledger tab (every transaction, newest first; adjustments, reversals and expiry by the deputy
head) and the Points rules tab (points per hour from an effective date, multipliers per type of service)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import volunteer_points, volunteers
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.volunteer_points import KIND_LABELS, RuleInput
from ..core.volunteer_tables import LedgerSource, rule_table
from . import dialogs
from .staff_forms import FieldErrors, action_button, date_edit, list_table, to_date
from .table_page import TablePage
from .volunteers_activities import year_combo
from .volunteers_common import RefreshableList, VolunteerPicker, hidden, note

if TYPE_CHECKING:
    from .volunteers_page import VolunteersPage


class PointsAdjustDialog(QDialog):
    """Points added or taken by hand, with the reason (deputy head)."""

    def __init__(self, st: Station, actor: Actor, volunteer_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.saved: volunteer_points.TransactionInfo | None = None
        self.setWindowTitle(self.tr("Adjust points"))
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        self.picker = VolunteerPicker(st, actor, self)
        if volunteer_id is not None:
            self.picker.fix(volunteer_id)
        self.amount = QSpinBox(self)
        self.amount.setRange(-volunteer_points.MAX_ADJUST, volunteer_points.MAX_ADJUST)
        self.amount.setSuffix(self.tr(" points"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. carried over from the paper register"))
        form.addRow(self.tr("Volunteer"), self.picker)
        form.addRow(self.tr("Points (negative to take)"), self.errors.field(["调整积分", "积分"], self.amount))
        form.addRow(self.tr("Reason"), self.errors.field("原因", self.reason))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        if self.picker.chosen is None:
            self.errors.add("志愿者", self.tr("choose a volunteer"))
            return
        try:
            self.saved = volunteer_points.adjust(self.st, self.actor, self.picker.chosen, self.amount.value(),
                                                 self.reason.text())
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class PointsLedgerTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor, self.page = st, actor, page
        self.can_manage = actor.can(Permission.APPROVE_HOURS)
        self.volunteer_id: int | None = None
        self.dialog: PointsAdjustDialog | None = None
        titles = {"id": self.tr("No."), "occurred_on": self.tr("Date"), "volunteer_no": self.tr("Volunteer no."),
                  "name": self.tr("Name"), "kind": self.tr("Kind"), "amount": self.tr("Points"),
                  "balance_after": self.tr("Balance"), "reason": self.tr("Details"),
                  "created_by": self.tr("Handled by"), "created_at": self.tr("Booked at")}
        self.source = LedgerSource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        ok = self.can_manage
        self.adjust_button = action_button(self.tr("Adjust points…"), self, self.adjust, enabled=ok)
        self.reverse_button = action_button(self.tr("Reverse…"), self, lambda: self.reverse(), enabled=ok)
        self.expire_button = action_button(self.tr("Expire old points…"), self, self.expire, enabled=ok)
        for button in (self.adjust_button, self.reverse_button, self.expire_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        explained = note(self, self.tr(
            "The ledger only grows: a mistake is corrected by a reversing entry. The balance of every row is the "
            "volunteer's balance after it.") if ok else self.tr(
            "Read only: adjustments, reversals and expiry are done by the deputy head."))
        layout.addWidget(explained)
        self.volunteer_bar = QFrame(self)
        self.volunteer_bar.setObjectName("placeholderBox")
        bar = QHBoxLayout(self.volunteer_bar)
        bar.setContentsMargins(10, 4, 10, 4)
        self.volunteer_label = QLabel(self.volunteer_bar)
        bar.addWidget(self.volunteer_label, 1)
        everyone = QPushButton(self.tr("Show everyone"), self.volunteer_bar)
        everyone.clicked.connect(self.clear_volunteer)
        bar.addWidget(everyone)
        self.volunteer_bar.hide()
        layout.addWidget(self.volunteer_bar)
        self.table = TablePage(self.source, self.tr("Points ledger"), self)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for code, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, code)
        self.year_filter = year_combo(self, st.clock.now().year, self.tr("All years"))
        for combo in (self.kind_filter, self.year_filter):
            self.table.add_filter(combo)
            combo.currentIndexChanged.connect(self.apply_filters)
        layout.addWidget(self.table, 1)

    def apply_filters(self) -> None:
        self.table.set_filters({"kind": self.kind_filter.currentData(), "year": self.year_filter.currentData(),
                                "volunteer_id": self.volunteer_id})

    def reload(self) -> None:
        self.table.refresh()
        if self.volunteer_id is not None:
            self._show_balance()

    def show_volunteer(self, volunteer_id: int, label: str) -> None:
        self.volunteer_id = volunteer_id
        self.volunteer_text = label
        self.apply_filters()
        self._show_balance()
        self.volunteer_bar.show()

    def _show_balance(self) -> None:
        assert self.volunteer_id is not None
        balance = volunteer_points.balance(self.st, self.actor, self.volunteer_id)
        self.volunteer_label.setText(self.tr("Only %1 · balance %2 points").replace("%1", self.volunteer_text)
                                     .replace("%2", str(balance)))

    def clear_volunteer(self) -> None:
        self.volunteer_id = None
        self.volunteer_bar.hide()
        self.apply_filters()

    def adjust(self) -> PointsAdjustDialog:
        dialog = PointsAdjustDialog(self.st, self.actor, self.volunteer_id, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def reverse(self, reason: str | None = None) -> None:
        transaction_id = hidden(self.table)
        if not isinstance(transaction_id, int):
            dialogs.show_error(self, self.tr("Choose a row of the ledger first."), self.tr("Points ledger"))
            return
        if reason is None:
            reason = dialogs.ask_text(self, self.tr("Reverse an entry"), self.tr(
                "Why is entry %1 reversed? A reversing entry of the opposite amount is added.")
                .replace("%1", str(transaction_id)))
            if reason is None:
                return
        try:
            volunteer_points.reverse(self.st, self.actor, transaction_id, reason)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Points ledger"))
            return
        self.reload()

    def expire(self) -> None:
        if not dialogs.confirm(self, self.tr("Expire old points"), self.tr(
                "Take away points older than the validity set in Settings that are still unspent? Running it again "
                "the same day changes nothing.")):
            return
        try:
            result = volunteer_points.expire_points(self.st, self.actor)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Expire old points"))
            return
        if result.cutoff is None:
            text = self.tr("No validity is set for points (Settings: points validity in months is 0): nothing "
                           "expires.")
        else:
            text = self.tr("Points earned up to %1 and still unspent have expired: %2 volunteers, %3 points.") \
                .replace("%1", f"{result.cutoff:%Y-%m-%d}").replace("%2", str(result.volunteers)) \
                .replace("%3", str(result.points))
        dialogs.show_info(self, self.tr("Expire old points"), text)
        self.reload()


class PointsRuleDialog(QDialog):
    """A new points rule from a date on; the rules before it keep applying to earlier days."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.saved: volunteer_points.RuleInfo | None = None
        self.setWindowTitle(self.tr("New points rule"))
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        today = st.clock.now().date()
        self.effective_from = date_edit(dt.date(today.year + 1, 1, 1) if today.month == 12 else today, self)
        self.per_hour = QSpinBox(self)
        self.per_hour.setRange(0, volunteer_points.MAX_POINTS_PER_HOUR)
        self.per_hour.setValue(10)
        self.per_hour.setSuffix(self.tr(" points per hour"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("e.g. the subdistrict's points scheme, revised 2026"))
        form.addRow(self.tr("Effective from"), self.errors.field("生效日期", self.effective_from))
        form.addRow(self.tr("Points"), self.errors.field("每小时积分", self.per_hour))
        form.addRow(self.tr("Note"), self.errors.field("说明", self.note))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Multiplier per type of service (100 % = the points above):"), self))
        self.multipliers: QTableWidget = list_table(self)
        self.multipliers.setColumnCount(2)
        self.multipliers.setHorizontalHeaderLabels([self.tr("Type of service"), self.tr("Percent")])
        self.multipliers.setRowCount(len(volunteers.ACTIVITY_TYPES))
        self.percent: dict[str, QSpinBox] = {}
        for row, kind in enumerate(volunteers.ACTIVITY_TYPES):
            self.multipliers.setItem(row, 0, QTableWidgetItem(kind))
            spin = QSpinBox(self.multipliers)
            spin.setRange(0, volunteer_points.MAX_MULTIPLIER_PERCENT)
            spin.setSingleStep(10)
            spin.setValue(100)
            spin.setSuffix(" %")
            self.multipliers.setCellWidget(row, 1, spin)
            self.percent[kind] = spin
        layout.addWidget(self.errors.field("倍数", self.multipliers), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 560)

    def value(self) -> RuleInput:
        multipliers = {kind: spin.value() for kind, spin in self.percent.items() if spin.value() != 100}
        return RuleInput(to_date(self.effective_from.date()), self.per_hour.value(), multipliers, self.note.text())

    def save(self) -> None:
        self.errors.clear()
        try:
            self.saved = volunteer_points.add_rule(self.st, self.actor, self.value())
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class PointsRulesTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor = st, actor
        self.can_manage = actor.can(Permission.APPROVE_HOURS)
        self.dialog: PointsRuleDialog | None = None
        titles = {"effective_from": self.tr("Effective from"), "points_per_hour": self.tr("Points per hour"),
                  "multipliers": self.tr("Multipliers"), "note": self.tr("Note"), "created_by": self.tr("Set by"),
                  "earned_rows": self.tr("Points earned under it")}
        self.source = RefreshableList(lambda: rule_table(st, actor, titles))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        self.add_button = action_button(self.tr("New rule…"), self, self.add_rule, enabled=self.can_manage)
        self.delete_button = action_button(self.tr("Delete an unused rule…"), self, self.delete_rule,
                                           enabled=self.can_manage)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(note(self, self.tr(
            "A rule applies to service from its date until the next rule. Points already earned never change; a "
            "new rule cannot start on or before a day whose points were already given (Art. 21).")))
        self.table = TablePage(self.source, self.tr("Points rules"), self)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.source.reload()
        self.table.refresh()

    def add_rule(self) -> PointsRuleDialog:
        dialog = PointsRuleDialog(self.st, self.actor, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def delete_rule(self) -> None:
        rule_id = hidden(self.table)
        if not isinstance(rule_id, int):
            dialogs.show_error(self, self.tr("Choose a rule first."), self.tr("Points rules"))
            return
        if not dialogs.confirm(self, self.tr("Delete a rule"), self.tr(
                "Delete this rule? Only a rule no points were earned under can be deleted.")):
            return
        try:
            volunteer_points.delete_rule(self.st, self.actor, rule_id)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Points rules"))
            return
        self.reload()
