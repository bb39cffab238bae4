"""Settings → Station profile: the profile form and the communities (社区/村) list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import profile
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import dialogs
from .formatting import fen_to_yuan_text, yuan_text_to_fen

TEXT_FIELDS = ("name", "subdistrict", "district", "fonds_code", "operator_org", "responsible_person",
               "contact_phone", "address")


class ProfileTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        allowed = actor.can(Permission.EDIT_PROFILE)
        layout = QHBoxLayout(self)
        layout.addWidget(self._profile_box(allowed), 3)
        layout.addWidget(self._communities_box(allowed), 2)
        self.load()

    def _profile_box(self, allowed: bool) -> QGroupBox:
        from .settings_page import read_only_note

        box = QGroupBox(self.tr("Station profile"))
        form = QFormLayout(box)
        labels = {
            "name": self.tr("Station name"), "subdistrict": self.tr("Subdistrict (township)"),
            "district": self.tr("District"), "fonds_code": self.tr("Fonds code"),
            "operator_org": self.tr("Operating organisation"), "responsible_person": self.tr("Person in charge"),
            "contact_phone": self.tr("Contact phone"), "address": self.tr("Address"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            self.edits[key] = QLineEdit()
            form.addRow(labels[key], self.edits[key])
            if key == "district":
                self.district_type = QComboBox()
                self.district_type.addItems(list(profile.DISTRICT_TYPES))
                form.addRow(self.tr("District type"), self.district_type)
        self.wage = QLineEdit()
        form.addRow(self.tr("City average monthly wage (yuan)"), self.wage)
        form.addRow(read_only_note(self, allowed))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setEnabled(allowed)
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        return box

    def _communities_box(self, allowed: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Communities and villages"))
        layout = QVBoxLayout(box)
        self.communities = QListWidget()
        layout.addWidget(self.communities)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.toggle_button = QPushButton(self.tr("Retire / reactivate"))
        for button, slot in ((self.add_button, self.add_community), (self.toggle_button, self.toggle_community)):
            button.setEnabled(allowed)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        note = QLabel(self.tr("Retired communities stay in past records but need no liaison."))
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        layout.addWidget(note)
        return box

    def load(self) -> None:
        p = profile.get_profile(self.st)
        for key, edit in self.edits.items():
            edit.setText(str(getattr(p, key)))
        self.district_type.setCurrentText(p.district_type)
        self.wage.setText(fen_to_yuan_text(p.city_avg_wage_fen))
        self.load_communities()

    def load_communities(self) -> None:
        self.communities.clear()
        for c in profile.list_communities(self.st, include_inactive=True):
            text = f"{c.name}（{c.kind}）"
            if not c.active:
                text = self.tr("%1 (retired)").replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (c.id, c.active))
            if not c.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.communities.addItem(item)

    def values(self) -> dict[str, object] | None:
        wage = yuan_text_to_fen(self.wage.text())
        if wage is None:
            dialogs.show_error(self, self.tr("“City average monthly wage”: “%1” is not an amount in yuan.")
                               .replace("%1", self.wage.text()))
            return None
        values: dict[str, object] = {key: edit.text() for key, edit in self.edits.items()}
        values["district_type"] = self.district_type.currentText()
        values["city_avg_wage_fen"] = wage
        return values

    def save(self) -> None:
        values = self.values()
        if values is None:
            return
        try:
            profile.update_profile(self.st, self.actor, **values)
        except SgzError as err:
            dialogs.show_error(self, err)
            return
        self.load()
        dialogs.show_info(self, self.tr("Saved"), self.tr("The station profile was saved."))

    def add_community(self) -> None:
        name = dialogs.ask_text(self, self.tr("Add a community"), self.tr("Name of the community or village:"))
        if not name:
            return
        kind = "村" if name.strip().endswith("村") else "社区"
        try:
            profile.add_community(self.st, self.actor, name, kind)
        except SgzError as err:
            dialogs.show_error(self, err)
            return
        self.load_communities()

    def toggle_community(self) -> None:
        item = self.communities.currentItem()
        if item is None:
            dialogs.show_error(self, self.tr("Choose a community in the list first."))
            return
        community_id, active = item.data(Qt.ItemDataRole.UserRole)
        try:
            profile.set_community_active(self.st, self.actor, community_id, not active)
        except SgzError as err:
            dialogs.show_error(self, err)
            return
        self.load_communities()
