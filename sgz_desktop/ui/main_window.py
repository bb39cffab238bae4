"""The main window: navigation on the left, one lazily built page per area, status bar and menus."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..core import profile
from ..core.roles import Actor
from ..core.station import Station
from ..resources import icon_path
from . import dialogs
from .busy import start_in_background
from .pages import PageSpec, page_specs


class MainWindow(QMainWindow):
    closed = Signal(bool)  # True when the user logged out (show the login again), False to quit
    first_shown = Signal()

    def __init__(self, st: Station, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.st = st
        self.actor = actor
        self.specs: list[PageSpec] = page_specs()
        self.pages: dict[str, QWidget] = {}
        self._shown_once = False
        self._logging_out = False
        self.station_name = profile.get_profile(st).name
        self.setWindowTitle(self.tr("%1 — Social work station suite").replace("%1", self.station_name))
        self.setWindowIcon(QIcon(str(icon_path("sgz-desktop.svg"))))
        self.resize(1180, 760)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.show_page("dashboard")
        from .window_extras import install  # backup status line, File → Restore…, Help → User manual

        install(self)

    # --- layout -------------------------------------------------------------------------------------

    def _build_body(self) -> None:
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(180)
        for spec in self.specs:
            item = QListWidgetItem(QIcon(str(icon_path(spec.icon))), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(170, 44))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(self.specs[row].key))
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Backup now…"), self)
        self.backup_action.triggered.connect(self.backup_now)
        file_menu.addAction(self.backup_action)
        change_password = QAction(self.tr("Change &password…"), self)
        change_password.triggered.connect(self.change_password)
        file_menu.addAction(change_password)
        file_menu.addSeparator()
        logout = QAction(self.tr("&Log out"), self)
        logout.triggered.connect(self.log_out)
        file_menu.addAction(logout)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About…"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        role = self.actor.role.label if self.actor.role else ""
        self.user_label = QLabel(self.tr("User: %1 (%2)").replace("%1", self.actor.display_name).replace("%2", role))
        self.station_label = QLabel(self.tr("Station: %1").replace("%1", self.station_name))
        self.folder_label = QLabel(self.tr("Data folder: %1").replace("%1", str(self.st.data.root)))
        for label in (self.user_label, self.station_label, self.folder_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        if not self.st.unlocked:
            self.statusBar().showMessage(self.tr("Personal data is locked: the station key is missing on this PC."))

    # --- pages --------------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use (keeps start-up fast)."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.factory(self.st, self.actor, self.stack)
            widget.setObjectName(f"page_{key}")
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.page(key))
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)

    def current_key(self) -> str:
        return next(k for k, w in self.pages.items() if w is self.stack.currentWidget())

    # --- actions ------------------------------------------------------------------------------------

    def backup_now(self) -> None:
        try:
            from ..core.backup import backup_to
        except ImportError:
            dialogs.show_error(self, self.tr("Backup is not available in this version."))
            return
        dest = dialogs.ask_directory(self, self.tr("Choose where to save the backup (e.g. a USB drive)"))
        if dest is None:
            return
        st, actor = self.st, self.actor
        start_in_background(self, self.tr("Backing up…"), lambda progress: backup_to(st, actor, dest, progress),
                            self._backup_done)

    def _backup_done(self, info: object) -> None:
        path = getattr(info, "path", "")
        verified = getattr(info, "verified", False)
        text = self.tr("The backup was saved to:\n%1").replace("%1", str(path))
        if verified:
            text += "\n" + self.tr("The copy was checked and is complete.")
        dialogs.show_info(self, self.tr("Backup finished"), text)
        self.statusBar().showMessage(self.tr("Backup saved to %1").replace("%1", str(path)), 10000)
        if hasattr(self, "backup_status"):
            self.backup_status.refresh()

    def change_password(self) -> None:
        from .login import ChangePasswordDialog

        if ChangePasswordDialog(self.st, self.actor, self).exec():
            dialogs.show_info(self, self.tr("Password changed"), self.tr("Your new password is in effect."))

    def log_out(self) -> None:
        self._logging_out = True
        self.close()

    def show_about(self) -> None:
        from .about import AboutDialog

        AboutDialog(self.st, self).exec()

    # --- events -------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            from .worker import running_tasks
        except ImportError:
            running_tasks = list
        if running_tasks() and not dialogs.confirm(self, self.tr("Work in progress"), self.tr(
                "A task is still running. Stop it and close the window?")):
            event.ignore()
            self._logging_out = False
            return
        super().closeEvent(event)
        self.closed.emit(self._logging_out)

