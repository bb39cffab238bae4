"""Settings: station profile, users, thresholds, security — one tab each, all through core functions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ..core.roles import Actor
from ..core.station import Station
from .settings_profile import ProfileTab
from .settings_security import SecurityTab
from .settings_thresholds import ThresholdsTab
from .settings_users import UsersTab

translate = QCoreApplication.translate  # a plain name lupdate still recognises


class SettingsPage(QWidget):
    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.profile_tab = ProfileTab(st, actor)
        self.users_tab = UsersTab(st, actor)
        self.thresholds_tab = ThresholdsTab(st, actor)
        self.security_tab = SecurityTab(st, actor)
        self.tabs.addTab(self.profile_tab, self.tr("Station profile"))
        self.tabs.addTab(self.users_tab, self.tr("Users"))
        self.tabs.addTab(self.thresholds_tab, self.tr("Thresholds"))
        self.tabs.addTab(self.security_tab, self.tr("Security"))
        layout.addWidget(self.tabs)


def read_only_note(parent: QWidget, allowed: bool) -> QLabel:
    """A line telling a role without the permission that the core will refuse its changes."""
    label = QLabel(translate("settings", "Your role can view these but not change them.") if not allowed else "")
    label.setObjectName("hintLabel")
    label.setVisible(not allowed)
    return label
