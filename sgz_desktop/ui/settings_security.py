"""Settings → Security: where the station key lives, re-printing the recovery key, entering it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core import profile, setup
from ..core.errors import SgzError
from ..core.roles import Actor, Permission
from ..core.station import Station
from . import dialogs
from .recovery import RecoveryKeyDialog, save_recovery_sheet


class SecurityTab(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.location = QLabel()
        self.location.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        form.addRow(self.tr("Station key kept in"), self.location)
        form.addRow(self.tr("Personal data"), self.state)
        layout.addLayout(form)
        explain = QLabel(self.tr(
            "The station key encrypts ID numbers, phone numbers and addresses, and signs the yearly handover "
            "packages. The recovery key brings it back on a reinstalled or new PC. If the printed sheet was "
            "lost, print a new one here (administrators only) and keep it locked away."))
        explain.setWordWrap(True)
        explain.setObjectName("hintLabel")
        layout.addWidget(explain)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the recovery key…"))
        self.print_button.setEnabled(actor.can(Permission.MANAGE_USERS))
        self.print_button.clicked.connect(self.print_recovery_key)
        self.enter_button = QPushButton(self.tr("Enter the recovery key…"))
        self.enter_button.clicked.connect(self.enter_recovery_key)
        row.addWidget(self.print_button)
        row.addWidget(self.enter_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()
        self.load()

    def load(self) -> None:
        p = profile.get_profile(self.st)
        if p.secret_location == "file":
            self.location.setText(self.tr("An owner-only file in the data folder: %1")
                                  .replace("%1", str(self.st.data.secret_file)))
        else:
            self.location.setText(self.tr("The system keyring of this PC (Windows Credential Manager or the "
                                          "desktop keyring)"))
        if self.st.unlocked:
            self.state.setText(self.tr("Readable: the station key is present on this PC."))
        else:
            self.state.setText(self.tr("Locked: the station key is missing on this PC. Enter the recovery key."))
        self.enter_button.setVisible(not self.st.unlocked)
        self.print_button.setVisible(self.st.unlocked)

    def print_recovery_key(self) -> None:
        try:
            key = setup.recovery_key(self.st, self.actor)
        except SgzError as err:
            dialogs.show_error(self, err)
            return
        save_recovery_sheet(self, profile.get_profile(self.st), key, self.st.clock.now())

    def enter_recovery_key(self) -> None:
        if RecoveryKeyDialog(self.st, self).exec():
            dialogs.show_info(self, self.tr("Station key restored"),
                              self.tr("Personal data can be read and entered again on this PC."))
        self.load()
