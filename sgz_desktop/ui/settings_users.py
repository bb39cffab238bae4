"""Settings → Users: list, add, reset password, change role, activate/deactivate, unlock."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import users
from ..core.errors import SgzError
from ..core.roles import Actor, Permission, Role
from ..core.station import Station
from . import dialogs
from .formatting import date_text


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    role: Role
    password: str


class AddUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(list(Role).index(Role.SOCIAL_WORKER))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("First password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewUser | None:
        dialog = cls(parent)
        if not dialog.exec():
            return None
        return NewUser(dialog.username.text(), dialog.display_name.text(), dialog.role.currentData(),
                       dialog.password.text())


class UsersTab(QWidget):
    COLUMNS = ("Username", "Full name", "Role", "Status", "Last login")

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .settings_page import read_only_note

        self.st = st
        self.actor = actor
        self.rows: list[users.UserInfo] = []
        allowed = actor.can(Permission.MANAGE_USERS)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("Status"), self.tr("Last login")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        layout.addWidget(read_only_note(self, allowed))
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Add…"), self.add_user),
            ("reset", self.tr("Reset password…"), self.reset_password),
            ("role", self.tr("Change role…"), self.change_role),
            ("active", self.tr("Activate / deactivate"), self.toggle_active),
            ("unlock", self.tr("Unlock"), self.unlock),
        ):
            button = QPushButton(text)
            button.setEnabled(allowed)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.load()

    def load(self) -> None:
        try:
            self.rows = users.list_users(self.st, self.actor)
        except SgzError as err:
            dialogs.show_error(self, err)
            self.rows = []
        now = self.st.clock.now()
        self.table.setRowCount(len(self.rows))
        for r, u in enumerate(self.rows):
            if not u.active:
                status = self.tr("Deactivated")
            elif u.locked_until and u.locked_until > now:
                status = self.tr("Locked until %1").replace("%1", f"{u.locked_until:%H:%M}")
            elif u.must_change_password:
                status = self.tr("Must change password")
            else:
                status = self.tr("Active")
            for c, text in enumerate((u.username, u.display_name, u.role_label, status, date_text(u.last_login_at))):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def selected(self) -> users.UserInfo | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        dialogs.show_error(self, self.tr("Choose a user in the list first."))
        return None

    def select_username(self, username: str) -> None:
        for r, u in enumerate(self.rows):
            if u.username == username:
                self.table.selectRow(r)
                self.table.setCurrentCell(r, 0)

    def _run(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except SgzError as err:
            dialogs.show_error(self, err)
            return False
        self.load()
        return True

    def add_user(self) -> None:
        new = AddUserDialog.ask(self)
        if new is None:
            return
        self._run(lambda: users.create_user(self.st, self.actor, username=new.username,
                                            display_name=new.display_name, role=new.role, password=new.password))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password = dialogs.ask_text(self, self.tr("Reset password"), self.tr(
            "New password for %1. They must change it when they next log in:").replace("%1", user.display_name),
            password=True)
        if password is None:
            return
        if self._run(lambda: users.reset_password(self.st, self.actor, user.id, password)):
            dialogs.show_info(self, self.tr("Password reset"), self.tr(
                "The password of %1 was reset and the account unlocked.").replace("%1", user.display_name))

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        roles = list(Role)
        label = dialogs.ask_choice(self, self.tr("Change role"), self.tr("New role for %1:")
                                   .replace("%1", user.display_name), [r.label for r in roles],
                                   roles.index(user.role))
        if label is None:
            return
        role = next(r for r in roles if r.label == label)
        self._run(lambda: users.update_user(self.st, self.actor, user.id, role=role))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        self._run(lambda: users.update_user(self.st, self.actor, user.id, active=not user.active))

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        self._run(lambda: users.unlock(self.st, self.actor, user.id))
