"""What the window does with an error no page expected.

Pages catch the core's own errors and say them. Anything else raised in a click (a disk filling up under the
database, a bug) would otherwise only reach stderr, which a windowed program on Windows does not have: the
click would seem to do nothing. Here it is said in a message box (in words when it is the PC's fault, see
``core.errors.fault_text``) and its traceback kept in ``<data folder>/logs/errors.log`` for whoever helps.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from . import dialogs

LOG_NAME = "errors.log"
LOG_LIMIT = 1 << 20  # the log is started afresh past a megabyte: it is for the latest faults only


class FaultHandler:
    def __init__(self, log_folder: Path | None) -> None:
        self.log_folder = log_folder
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        if sys.stderr is not None:  # a windowed program on Windows has none
            print(text, file=sys.stderr, end="", flush=True)
        self._log(text)
        if self._showing:  # a fault while the message box is up: logged, not stacked
            return
        self._showing = True
        try:
            dialogs.show_error(QApplication.activeWindow(), self._message(error),
                               QCoreApplication.translate("faults", "Something went wrong"))
        finally:
            self._showing = False

    def _message(self, error: BaseException) -> str:
        text = dialogs.error_text(error)
        if dialogs.is_fault(error) and self.log_folder is not None:
            text += "\n\n" + QCoreApplication.translate(
                "faults", "The details are kept in %1 for whoever helps with this program.").replace(
                "%1", str(self.log_folder / LOG_NAME))
        return text

    def _log(self, text: str) -> None:
        if self.log_folder is None:
            return
        try:
            self.log_folder.mkdir(parents=True, exist_ok=True)
            path = self.log_folder / LOG_NAME
            mode = "w" if path.exists() and path.stat().st_size > LOG_LIMIT else "a"
            with open(path, mode, encoding="utf-8") as log:
                log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n{text}")
        except OSError:
            pass  # the disk that is full may be this one: the message box still tells the user
