"""What the release adds to the main window: the backup line in the status bar, File → Restore… and
Automatic backups…, Help → User manual (F1). ``MainWindow`` calls ``install(self)`` once.

With ``SGZ_SMOKE_PAGES=1`` (the frozen-bundle smoke test) every page is opened once after start and the
outcome printed on stderr, so a module or resource missing from an installed build shows up there.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from ..core.roles import Permission
from ..resources import icon_path
from .backup_status import BackupSettingsDialog, BackupStatusLabel

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate  # a plain name lupdate still recognises


def install(window: MainWindow) -> None:
    window.backup_status = BackupStatusLabel(window.st, window)  # type: ignore[attr-defined]
    window.statusBar().insertPermanentWidget(0, window.backup_status)  # type: ignore[attr-defined]
    window.backup_status.clicked.connect(lambda: _status_clicked(window))  # type: ignore[attr-defined]
    window.restore_source = None  # type: ignore[attr-defined]
    file_menu, help_menu = _menu(window, 0), _menu(window, 1)
    if file_menu is not None:
        after = window.backup_action
        actions = file_menu.actions()
        before = actions[actions.index(after) + 1] if after in actions and actions.index(after) + 1 < len(actions) \
            else None
        restore = QAction(translate("window_extras", "&Restore from a backup…"), window)
        restore.setObjectName("restoreAction")
        restore.setEnabled(window.actor.can(Permission.RESTORE))
        restore.triggered.connect(lambda: restore_from_backup(window))
        automatic = QAction(translate("window_extras", "&Automatic backups…"), window)
        automatic.setObjectName("backupSettingsAction")
        automatic.setEnabled(window.actor.can(Permission.EDIT_SETTINGS))
        automatic.triggered.connect(lambda: backup_settings(window))
        file_menu.insertActions(before, [restore, automatic])  # type: ignore[arg-type]
    if help_menu is not None:
        manual = QAction(translate("window_extras", "User &manual"), window)
        manual.setObjectName("manualAction")
        manual.setShortcut(QKeySequence.StandardKey.HelpContents)
        manual.triggered.connect(lambda: show_manual(window))
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, manual)  # type: ignore[arg-type]
        if first is not None:
            help_menu.insertSeparator(first)
    if os.environ.get("SGZ_SMOKE_PAGES") == "1":
        QTimer.singleShot(0, lambda: smoke_pages(window))


def _menu(window: MainWindow, index: int) -> QMenu | None:
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    return menus[index] if index < len(menus) else None  # type: ignore[return-value]


def _status_clicked(window: MainWindow) -> None:
    if window.actor.can(Permission.EDIT_SETTINGS):
        backup_settings(window)
    else:
        window.backup_now()


def backup_settings(window: MainWindow) -> None:
    if BackupSettingsDialog(window.st, window.actor, window).exec():
        window.backup_status.refresh()  # type: ignore[attr-defined]


def restore_from_backup(window: MainWindow) -> None:
    from .restore_dialog import ask_restore

    source = ask_restore(window, window.st, window.actor)
    if source is not None:
        window.restore_source = source  # type: ignore[attr-defined]
        window.log_out()  # the shell sees restore_source, restores, then asks for a login again


def show_manual(window: MainWindow) -> None:
    from .manual import open_manual

    open_manual(window)


def smoke_pages(window: MainWindow) -> None:
    opened = 0
    for spec in window.specs:
        try:
            window.show_page(spec.key)
            opened += 1
        except Exception:
            print(f"smoke: page {spec.key} FAILED\n{traceback.format_exc()}", file=sys.stderr, flush=True)
    print(f"smoke: {opened} pages opened", file=sys.stderr, flush=True)
    icon = QIcon(str(icon_path("sgz-desktop.svg")))
    print("smoke: icons ok" if not icon.pixmap(32, 32).isNull() else "smoke: icons FAILED (SVG icon did not load)",
          file=sys.stderr, flush=True)
    lookup = QCoreApplication.translate  # not "translate": these are others' strings, looked up only
    cancel, ours = lookup("QPlatformTheme", "Cancel"), lookup("pages", "Dashboard")
    ok = cancel == "取消" and ours != "Dashboard"
    print("smoke: translations ok" if ok else f"smoke: translations FAILED ({cancel!r}, {ours!r})",
          file=sys.stderr, flush=True)
    window.show_page("dashboard")
