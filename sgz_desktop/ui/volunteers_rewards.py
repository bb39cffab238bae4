"""The Rewards tab: the redemption catalogue with its stock, and the redemptions with their receipts.
A redemption takes the points and the stock in one transaction and opens its receipt for printing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core import volunteer_points, volunteer_rewards
from ..core.errors import SgzError
from ..core.reports.volunteers import write_receipt_pdf
from ..core.roles import Actor, Permission
from ..core.station import Station
from ..core.volunteer_rewards import ItemInfo, ItemInput, RedemptionInfo
from ..core.volunteer_tables import RedemptionSource, catalogue_table
from . import dialogs
from .pdf_preview import preview_report
from .staff_forms import FieldErrors, action_button
from .table_page import TablePage
from .volunteers_activities import year_combo
from .volunteers_common import RefreshableList, VolunteerPicker, hidden, note

if TYPE_CHECKING:
    from .volunteers_page import VolunteersPage


class RewardItemDialog(QDialog):
    """A catalogue item, new or changed."""

    def __init__(self, st: Station, actor: Actor, item: ItemInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor, self.item = st, actor, item
        self.saved: ItemInfo | None = None
        self.setWindowTitle(self.tr("New reward") if item is None else self.tr("%1 — reward").replace("%1", item.name))
        self.errors = FieldErrors(QLabel(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.cost = QSpinBox(self)
        self.cost.setRange(1, volunteer_rewards.MAX_COST)
        self.cost.setSuffix(self.tr(" points"))
        self.stock = QSpinBox(self)
        self.stock.setRange(0, volunteer_rewards.MAX_STOCK)
        self.active = QCheckBox(self.tr("Can be redeemed"), self)
        self.active.setChecked(True)
        self.notes = QLineEdit(self)
        form.addRow(self.tr("Name"), self.errors.field("物品名称", self.name))
        form.addRow(self.tr("Points needed"), self.errors.field("所需积分", self.cost))
        form.addRow(self.tr("In stock"), self.errors.field("库存", self.stock))
        form.addRow("", self.active)
        form.addRow(self.tr("Notes"), self.errors.field("备注", self.notes))
        if item is not None:
            self.name.setText(item.name)
            self.cost.setValue(item.points_cost)
            self.stock.setValue(item.stock)
            self.active.setChecked(item.active)
            self.notes.setText(item.notes)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        data = ItemInput(self.name.text(), self.cost.value(), self.stock.value(), self.active.isChecked(),
                         self.notes.text())
        try:
            if self.item is None:
                self.saved = volunteer_rewards.add_item(self.st, self.actor, data)
            else:
                self.saved = volunteer_rewards.update_item(self.st, self.actor, self.item.id, data)
        except SgzError as err:
            self.errors.show(err)
            return
        self.accept()


class RedeemDialog(QDialog):
    """Who, what, how many: shows the balance and the cost before anything is taken."""

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st, self.actor = st, actor
        self.saved: RedemptionInfo | None = None
        self.setWindowTitle(self.tr("Redeem points"))
        layout = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        form = QFormLayout()
        self.picker = VolunteerPicker(st, actor, self)
        self.item = QComboBox(self)
        for item in volunteer_rewards.list_items(st, actor, include_inactive=False):
            self.item.addItem(self.tr("%1 (%2 points, %3 in stock)").replace("%1", item.name)
                              .replace("%2", str(item.points_cost)).replace("%3", str(item.stock)), item)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, volunteer_rewards.MAX_QUANTITY)
        self.summary = QLabel(self)
        self.summary.setObjectName("hintLabel")
        form.addRow(self.tr("Volunteer"), self.picker)
        form.addRow(self.tr("Reward"), self.item)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow("", self.summary)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Redeem and print the receipt"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.picker.changed.connect(lambda _id: self._update())
        self.item.currentIndexChanged.connect(lambda _i: self._update())
        self.quantity.valueChanged.connect(lambda _v: self._update())
        self._update()
        self.resize(520, 420)

    def _update(self) -> None:
        item = self.item.currentData()
        cost = item.points_cost * self.quantity.value() if isinstance(item, ItemInfo) else 0
        if self.picker.chosen is None:
            self.summary.setText(self.tr("Needs %1 points.").replace("%1", str(cost)))
            return
        try:
            have = volunteer_points.balance(self.st, self.actor, self.picker.chosen)
        except SgzError as err:
            self.summary.setText(str(err))
            return
        self.summary.setText(self.tr("Needs %1 points; the balance is %2, leaving %3.").replace("%1", str(cost))
                             .replace("%2", str(have)).replace("%3", str(have - cost)))

    def save(self) -> None:
        self.error.hide()
        item = self.item.currentData()
        if self.picker.chosen is None or not isinstance(item, ItemInfo):
            self.error.setText(self.tr("Choose a volunteer and a reward."))
            self.error.show()
            return
        try:
            self.saved = volunteer_rewards.redeem(self.st, self.actor, self.picker.chosen, item.id,
                                                  self.quantity.value())
        except SgzError as err:
            self.error.setText(str(err).replace("；", "\n"))
            self.error.show()
            return
        self.accept()


class RewardsTab(QWidget):
    def __init__(self, st: Station, actor: Actor, page: VolunteersPage) -> None:
        super().__init__(page)
        self.st, self.actor = st, actor
        self.can_edit = actor.can(Permission.EDIT_VOLUNTEERS)
        self.can_cancel = actor.can(Permission.APPROVE_HOURS)
        self.dialog: QDialog | None = None
        item_titles = {"name": self.tr("Reward"), "points_cost": self.tr("Points"), "stock": self.tr("In stock"),
                       "redeemed": self.tr("Redeemed"), "active": self.tr("Available"), "notes": self.tr("Notes")}
        self.catalogue_source = RefreshableList(lambda: catalogue_table(st, actor, item_titles))
        titles = {"receipt_no": self.tr("Receipt no."), "redeemed_on": self.tr("Date"),
                  "volunteer_no": self.tr("Volunteer no."), "name": self.tr("Name"), "item": self.tr("Reward"),
                  "quantity": self.tr("Quantity"), "points": self.tr("Points"), "handled_by": self.tr("Handled by"),
                  "state": self.tr("State")}
        self.redemption_source = RedemptionSource(st, actor, titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(8, 8, 8, 0)
        edit = self.can_edit
        self.redeem_button = action_button(self.tr("Redeem points…"), self, self.redeem, enabled=edit)
        self.receipt_button = action_button(self.tr("Print the receipt…"), self, self.print_receipt)
        self.cancel_button = action_button(self.tr("Cancel a redemption…"), self, lambda: self.cancel(),
                                           enabled=self.can_cancel)
        self.add_item_button = action_button(self.tr("New reward…"), self, self.add_item, enabled=edit)
        self.edit_item_button = action_button(self.tr("Change reward…"), self, self.edit_item, enabled=edit)
        self.restock_button = action_button(self.tr("Restock…"), self, lambda: self.restock(), enabled=edit)
        for button in (self.redeem_button, self.receipt_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.add_item_button, self.edit_item_button, self.restock_button):
            row.addWidget(button)
        layout.addLayout(row)
        if not edit:
            layout.addWidget(note(self, self.tr("Read only: your role cannot redeem points.")))
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.catalogue = TablePage(self.catalogue_source, self.tr("Rewards catalogue"), split)
        self.redemptions = TablePage(self.redemption_source, self.tr("Redemptions"), split)
        self.year_filter = year_combo(self, st.clock.now().year, self.tr("All years"))
        self.redemptions.add_filter(self.year_filter)
        self.year_filter.currentIndexChanged.connect(
            lambda _i: self.redemptions.set_filter("year", self.year_filter.currentData()))
        split.addWidget(self.catalogue)
        split.addWidget(self.redemptions)
        split.setSizes([220, 420])
        layout.addWidget(split, 1)

    def reload(self) -> None:
        self.catalogue_source.reload()
        self.catalogue.refresh()
        self.redemptions.refresh()

    def redeem(self) -> RedeemDialog:
        dialog = RedeemDialog(self.st, self.actor, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._redeemed(dialog.saved))
        dialog.open()
        return dialog

    def _redeemed(self, saved: RedemptionInfo | None) -> None:
        self.reload()
        if saved is not None:
            self._receipt(saved.id, saved.receipt_no)

    def _receipt(self, redemption_id: int, receipt_no: str) -> None:
        st, actor = self.st, self.actor
        preview_report(self, self.tr("Redemption receipt"), f"积分兑换凭证-{receipt_no}.pdf",
                       lambda path: write_receipt_pdf(st, actor, redemption_id, path))

    def _selected_redemption(self) -> tuple[int, str] | None:
        redemption_id = hidden(self.redemptions)
        values = self.redemptions.current_values()
        if not isinstance(redemption_id, int) or values is None:
            dialogs.show_error(self, self.tr("Choose a redemption in the lower list first."), self.tr("Rewards"))
            return None
        return redemption_id, str(values[0])

    def print_receipt(self) -> None:
        chosen = self._selected_redemption()
        if chosen is not None:
            self._receipt(*chosen)

    def cancel(self, reason: str | None = None) -> None:
        chosen = self._selected_redemption()
        if chosen is None:
            return
        if reason is None:
            reason = dialogs.ask_text(self, self.tr("Cancel a redemption"), self.tr(
                "Why is receipt %1 cancelled? The points go back to the volunteer and the items back into stock.")
                .replace("%1", chosen[1]))
            if reason is None:
                return
        try:
            volunteer_rewards.cancel_redemption(self.st, self.actor, chosen[0], reason)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Rewards"))
            return
        self.reload()

    def _selected_item(self) -> ItemInfo | None:
        item_id = hidden(self.catalogue)
        found = [i for i in volunteer_rewards.list_items(self.st, self.actor) if i.id == item_id]
        if not found:
            dialogs.show_error(self, self.tr("Choose a reward in the catalogue first."), self.tr("Rewards"))
            return None
        return found[0]

    def add_item(self) -> RewardItemDialog:
        dialog = RewardItemDialog(self.st, self.actor, None, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def edit_item(self) -> RewardItemDialog | None:
        item = self._selected_item()
        if item is None:
            return None
        dialog = RewardItemDialog(self.st, self.actor, item, self)
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def restock(self, added: int | None = None) -> None:
        item = self._selected_item()
        if item is None:
            return
        if added is None:
            text = dialogs.ask_text(self, self.tr("Restock"), self.tr("How many %1 came in?").replace("%1", item.name))
            if text is None:
                return
            if not text.strip().isdigit():
                dialogs.show_error(self, self.tr("Type a whole number."), self.tr("Restock"))
                return
            added = int(text.strip())
        try:
            volunteer_rewards.restock(self.st, self.actor, item.id, added)
        except SgzError as err:
            dialogs.show_error(self, err, self.tr("Restock"))
            return
        self.reload()
