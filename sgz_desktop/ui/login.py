"""Login and change-password dialogs. Messages for wrong passwords and lock-out come from the core."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import profile, users
from ..core.errors import SgzError
from ..core.paths import DataDir
from ..core.roles import Actor
from ..core.station import Station


def demo_info(data: DataDir) -> tuple[dict[str, str], str | None] | None:
    """The demo logins (username → role) and password, when this is a demo station."""
    try:
        from ..core.demo import demo_logins, demo_password
    except ImportError:
        return None
    logins = demo_logins(data)
    if not logins:
        return None
    return logins, demo_password(data)


class LoginDialog(QDialog):
    """After ``exec()`` returns Accepted, ``actor`` is the logged-in user."""

    def __init__(self, st: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor: Actor | None = None
        station_name = profile.get_profile(st).name
        self.setWindowTitle(self.tr("Log in — %1").replace("%1", station_name))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        heading = QLabel(station_name)
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()  # takes room only when there is something to say
        layout.addWidget(self.error_label)
        self._add_demo_note(layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if self.username.text() else self.username).setFocus()

    def _add_demo_note(self, layout: QVBoxLayout) -> None:
        info = demo_info(self.st.data)
        if info is None:
            return
        logins, password = info
        lines = [self.tr("This is the demo station. Its logins:")]
        lines += [f"  {name}（{role}）" for name, role in logins.items()]
        if password:
            lines.append(self.tr("Password for all of them: %1").replace("%1", password))
        note = QLabel("\n".join(lines))
        note.setObjectName("demoNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.username.setText("fuzhanzhang" if "fuzhanzhang" in logins else next(iter(logins), ""))
        if password:
            self.password.setText(password)

    def try_login(self) -> None:
        try:
            self.actor = users.login(self.st, self.username.text(), self.password.text())
        except SgzError as err:
            self.error_label.setText(str(err))
            self.error_label.show()
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        if required:
            note = QLabel(self.tr("Your password was set by an administrator. Please choose your own now."))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.old, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.error_label.setText(self.tr("The two new passwords are not the same."))
            return
        try:
            users.change_password(self.st, self.actor, self.old.text(), self.new.text())
        except SgzError as err:
            self.error_label.setText(str(err))
            return
        self.accept()
