"""Run long core work and wait for it, for the start-up steps that come before the main window.

Uses the shared background worker (``ui.worker.run_in_background``) and a local event loop, so the
progress dialog repaints and Cancel works; falls back to running on the GUI thread with a progress
dialog if the worker module is not there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ..core.progress import Cancelled, Progress

translate = QCoreApplication.translate  # a plain name lupdate still recognises

T = TypeVar("T")


def run_and_wait(parent: QWidget | None, title: str, fn: Callable[[Progress], T]) -> T:
    """Run ``fn`` with progress and cancel; return its result or raise its error."""
    try:
        from .worker import run_in_background
    except ImportError:
        return _run_here(parent, title, fn)
    loop = QEventLoop()
    # on_error is given so no error box appears: the caller shows the error where it belongs.
    task = run_in_background(parent, title, fn, lambda _result: None, lambda _error: None)
    task.finished.connect(loop.quit)
    if not task.is_finished:
        loop.exec()
    if not task.is_finished:  # the app is quitting: stop the work (it undoes itself) and say so
        task.cancel()
        raise Cancelled()
    if task.error is not None:
        raise task.error
    return task.result  # type: ignore[return-value]


def _run_here(parent: QWidget | None, title: str, fn: Callable[[Progress], T]) -> T:
    dialog = QProgressDialog(title, translate("busy", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()

    def report(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)
        QApplication.processEvents()
        if dialog.wasCanceled():
            progress.cancel()

    progress = Progress(report)
    try:
        return fn(progress)
    finally:
        dialog.close()


def start_in_background(parent: QWidget | None, title: str, fn: Callable[[Progress], T],
                        on_done: Callable[[T], None]) -> object:
    """Start work on the shared worker (errors shown in a box); without the worker, run it here."""
    try:
        from .worker import run_in_background
    except ImportError:
        from . import dialogs

        try:
            result = _run_here(parent, title, fn)
        except Exception as err:
            dialogs.show_error(parent, err, title)
            return None
        on_done(result)
        return None
    return run_in_background(parent, title, fn, on_done)
