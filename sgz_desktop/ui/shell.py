"""The start-up and session flow of the GUI, from the data-folder lock to the main window and back.

data lock → (no station: demo or first-run wizard) → open station → recovery key if this PC lacks
the station key → login (or SGZ_USER/SGZ_PASSWORD) → change password if required → main window.
Log out returns to the login; closing the window quits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from ..core import users
from ..core.errors import SgzError
from ..core.lock import DataDirLock
from ..core.paths import DataDir
from ..core.roles import Actor
from ..core.scratch import sweep as sweep_scratch
from ..core.station import Station, open_station
from ..resources import resource_dir
from . import dialogs
from .busy import run_and_wait
from .login import ChangePasswordDialog, LoginDialog
from .main_window import MainWindow
from .recovery import RecoveryKeyDialog
from .wizard import Choice, FirstRunWizard

translate = QCoreApplication.translate  # a plain name lupdate still recognises

EXIT_OK, EXIT_FAILED, EXIT_LOCKED = 0, 1, 2




def apply_style(app: QApplication) -> None:
    qss = resource_dir() / "styles" / "app.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


class Shell:
    def __init__(self, app: QApplication, data: DataDir, *, demo: bool = False, demo_dir: DataDir | None = None,
                 exit_after: float | None = None, on_first_window: Callable[[], None] | None = None) -> None:
        self.app = app
        self.data = data
        self.demo = demo
        self.demo_dir = demo_dir or data
        self.exit_after = exit_after
        self.on_first_window = on_first_window
        self.lock: DataDirLock | None = None
        self.st: Station | None = None
        self.window: MainWindow | None = None
        self.quitting = False
        self._auto_login_tried = False

    # --- the whole run ------------------------------------------------------------------------------

    def run(self) -> int:
        if self.exit_after is not None:
            QTimer.singleShot(int(self.exit_after * 1000), self.quit)
        if not self.take_lock(self.data):
            return EXIT_LOCKED
        sweep_scratch()  # what an export killed last time left in the temporary folder
        try:
            return self._run_locked()
        finally:
            self.shutdown()

    def _run_locked(self) -> int:
        try:
            self.st = self.open_or_create()
        except Exception as err:  # SgzError carries its sentence; anything else is shown as a fault
            dialogs.show_error(None, err, translate("shell", "Cannot open the station"))
            return EXIT_FAILED
        if self.st is None or self.quitting:
            return EXIT_OK if self.quitting else EXIT_FAILED
        if not self.st.unlocked:
            RecoveryKeyDialog(self.st).exec()
        if self.quitting or not self.start_session():
            return EXIT_OK
        self.app.setQuitOnLastWindowClosed(False)  # logging out closes the window without quitting
        return int(self.app.exec())

    def quit(self) -> None:
        self.quitting = True
        for widget in QApplication.topLevelWidgets():
            widget.close()
        self.app.exit(0)

    def shutdown(self) -> None:
        try:
            from .worker import shutdown as stop_worker
        except ImportError:
            pass
        else:
            stop_worker()
        if self.st is not None:
            self.st.close()
        if self.lock is not None:
            self.lock.release()

    # --- data folder --------------------------------------------------------------------------------

    def take_lock(self, data: DataDir) -> bool:
        """One GUI per data folder; a second one is told so and exits."""
        lock = DataDirLock(data.lock_file)
        try:
            lock.acquire()
        except SgzError as err:
            dialogs.show_error(None, err, translate("shell", "Already open"))
            return False
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        self.data = data
        return True

    def open_or_create(self) -> Station | None:
        if not self.data.exists():
            if self.demo:
                self.make_demo()
            else:
                wizard = FirstRunWizard(self.data)
                if not wizard.exec():
                    return None
                if wizard.choice is Choice.DEMO:
                    if self.demo_dir != self.data and not self.take_lock(self.demo_dir):
                        return None
                    self.demo = True
                    if not self.data.exists():
                        self.make_demo()
                elif wizard.station is not None:
                    return wizard.station
        return open_station(self.data)

    def make_demo(self) -> None:
        try:
            from ..core.demo import make_demo
        except ImportError:
            raise SgzError(translate("shell", "The demo station is not available in this version.")) from None
        data = self.data
        # Scripts that log in with SGZ_USER/SGZ_PASSWORD get a demo whose password they already know.
        password = os.environ.get("SGZ_PASSWORD") if os.environ.get("SGZ_USER") else None
        run_and_wait(None, translate("shell", "Creating the demo station…"),
                     lambda progress: make_demo(data, password=password or None, progress=progress))

    # --- session ------------------------------------------------------------------------------------

    def start_session(self) -> bool:
        """Login, password change if required, then the main window. False when the user gave up."""
        assert self.st is not None
        actor = self.auto_login() or self.ask_login()
        if actor is None or self.quitting:
            return False
        if self.must_change_password(actor):
            dialog = ChangePasswordDialog(self.st, actor, required=True)
            if not dialog.exec():
                return False
        self.window = MainWindow(self.st, actor)
        self.window.closed.connect(self._window_closed)
        if self.on_first_window is not None:
            self.window.first_shown.connect(self.on_first_window)
        self.window.show()
        return True

    def auto_login(self) -> Actor | None:
        """SGZ_USER + SGZ_PASSWORD log in without the dialog (scripts, benchmarks, screenshots); once."""
        user, password = os.environ.get("SGZ_USER"), os.environ.get("SGZ_PASSWORD")
        if self._auto_login_tried or not user or not password:
            return None
        self._auto_login_tried = True
        assert self.st is not None
        try:
            return users.login(self.st, user, password)
        except SgzError as err:
            print(f"sgz-desktop: {err}", file=sys.stderr)
            return None

    def ask_login(self) -> Actor | None:
        assert self.st is not None
        dialog = LoginDialog(self.st)
        return dialog.actor if dialog.exec() else None

    def must_change_password(self, actor: Actor) -> bool:
        assert self.st is not None
        try:
            me = next((u for u in users.list_users(self.st, actor) if u.id == actor.user_id), None)
        except SgzError:
            return False
        return bool(me and me.must_change_password)

    def _window_closed(self, logging_out: bool) -> None:
        window, self.window = self.window, None
        restore_source = getattr(window, "restore_source", None)  # File → Restore… chose a backup
        if window is not None:
            window.deleteLater()
        if restore_source is not None and not self.quitting:
            from .restore_dialog import restore_in_shell

            QTimer.singleShot(0, lambda: restore_in_shell(self, restore_source))
        elif logging_out and not self.quitting:
            QTimer.singleShot(0, self._after_logout)
        else:
            if self.st is not None:
                from .backup_status import backup_on_close

                backup_on_close(None, self.st)  # automatic, rotating; a failure is shown, closing goes on
            self.app.exit(0)

    def _after_logout(self) -> None:
        if not self.start_session():
            self.app.exit(0)

