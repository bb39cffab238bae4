"""Make the user manual's screenshots from a fresh demo station, so they always show the current windows.

    QT_QPA_PLATFORM=offscreen python docs/screenshots.py [--out docs/images] [--lang zh_CN|en]

Creates a demo station in a temporary folder (fixed clock and seed, so reruns give the same data),
opens the real windows in Chinese and saves one PNG per window into ``docs/images/``. The file names
are what ``docs/manual-*.md`` refer to; ``tests/ui/test_release_gui.py`` checks they all exist.
A CJK font must be installed (Debian: fonts-wqy-microhei), or Chinese renders as boxes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PASSWORD = "Demo2026pw"
WHEN = dt.datetime(2026, 3, 2, 9, 30)  # the demo's "today": dates in the pictures stay put
SIZE = (1180, 760)


def settle(seconds: float = 0.3) -> None:
    """Let Qt lay out, paint and finish quick background work before grabbing."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def save(widget: object, out: Path, name: str) -> Path:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print(f"  {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from sgz_desktop.core.clock import FixedClock
    from sgz_desktop.core.demo import make_demo
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.core.secrets import FileSecretStore
    from sgz_desktop.core.station import open_station
    from sgz_desktop.ui.i18n import install_translators
    from sgz_desktop.ui.shell import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    translators = install_translators(app, args.lang)
    apply_style(app)
    clock = FixedClock(WHEN)
    # A fixed folder, not a random one: its path shows in the pictures, which then stay the same.
    tmp = Path(tempfile.gettempdir()) / "sgz-screenshots"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        data = DataDir(tmp / "demo")
        print(f"making a demo station in {data.root} …")
        make_demo(data, password=PASSWORD, clock=clock)
        st = open_station(data, clock=clock, secret_store=FileSecretStore(data.secret_file))
        try:
            shots(st, clock, out, tmp)
        finally:
            from sgz_desktop.ui.worker import shutdown

            shutdown()
            st.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    del translators
    return 0


def shots(st: object, clock: object, out: Path, tmp: Path) -> None:
    from sgz_desktop.core import backup, users
    from sgz_desktop.core.paths import DataDir
    from sgz_desktop.ui.backup_status import BackupSettingsDialog
    from sgz_desktop.ui.login import LoginDialog
    from sgz_desktop.ui.main_window import MainWindow
    from sgz_desktop.ui.restore_dialog import RestoreDialog
    from sgz_desktop.ui.wizard import Choice, FirstRunWizard

    print("saving screenshots:")
    # first start: the wizard's choice page, and its restore page showing a backup on a "USB drive"
    wizard = FirstRunWizard(DataDir(tmp / "new-pc"), clock=clock)  # type: ignore[arg-type]
    wizard.resize(760, 600)
    wizard.show()
    save(wizard, out, "wizard-choice")
    admin = users.login(st, "fuzhanzhang", PASSWORD)  # type: ignore[arg-type]
    usb = tmp / "U盘"
    backup.backup_to(st, admin, usb)  # type: ignore[arg-type]
    wizard.choice_page.buttons[Choice.RESTORE].setChecked(True)
    wizard.next()
    wizard.restore_page.preview.set_folder(usb)
    wait_for(lambda: wizard.restore_page.preview.ready)
    save(wizard, out, "wizard-restore")
    wizard.close()

    login = LoginDialog(st)  # type: ignore[arg-type]
    login.show()
    save(login, out, "login")
    login.close()

    # last year's handover package, written to the "USB drive", so the Yearly Export page shows its register
    from sgz_desktop.core.package.export import export_year

    (usb / "移交").mkdir()
    export_year(st, users.login(st, "dangan", PASSWORD), WHEN.year - 1, usb / "移交")  # type: ignore[arg-type]

    window = MainWindow(st, admin)  # type: ignore[arg-type]
    window.resize(*SIZE)
    window.show()
    for spec in window.specs:
        window.show_page(spec.key)
        page = window.pages[spec.key]
        wait_for(lambda page=page: not getattr(page, "checking", False))  # the dashboard checks run on a thread
        save(window, out, f"page-{spec.key}")
    window.show_page("dashboard")

    settings_dialog = BackupSettingsDialog(st, admin, window)  # type: ignore[arg-type]
    settings_dialog.show()
    save(settings_dialog, out, "backup-settings")
    settings_dialog.close()

    restore = RestoreDialog(st, admin, window)  # type: ignore[arg-type]
    restore.resize(720, 520)
    restore.show()
    restore.preview.set_folder(usb)
    wait_for(lambda: restore.restore_button.isEnabled())
    save(restore, out, "restore")
    restore.close()
    window.close()


def wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get ready in time")
        settle(0.05)


if __name__ == "__main__":
    raise SystemExit(main())
