"""The one background worker: long work (exports, imports, reports, backups) runs on a single
thread, one task after another, while the window stays responsive (Anki's taskman is the model).

The work function receives a ``Progress`` and must not touch any widget; its reports travel to the
GUI thread by queued signals, which feed a modeless progress dialog whose Cancel button asks the
work to stop at its next ``progress.report()``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from ..core.progress import Cancelled, Progress
from . import dialogs

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quick work never flashes a dialog
REPORT_INTERVAL_S = 0.05  # the worker sends at most ~20 progress updates a second

_pool: QThreadPool | None = None
_running: set[Task[Any]] = set()


def _worker_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)  # one worker: database work never races itself
        _pool.setExpiryTimeout(-1)
    return _pool


class _Relay(QObject):
    """Created on the GUI thread, emitted from the worker: Qt queues the calls across."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._progress = progress
        self._relay = relay

    def run(self) -> None:
        try:
            self._progress.check()  # cancelled while it waited for its turn
            result = self._fn(self._progress)
        except BaseException as exc:  # every failure is handed to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Task(QObject, Generic[T]):
    """A piece of work on the worker. Signals arrive on the GUI thread:
    ``progressed(done, total, text)``, ``succeeded(result)``, ``failed(error)``, ``cancelled()``,
    and ``finished()`` after any of the last three."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[[Progress], T],
                 on_done: Callable[[T], None], on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self.title = title
        self.result: T | None = None
        self.error: BaseException | None = None
        self.is_finished = False
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._last_report = 0.0
        self.progress = Progress(self._report_from_worker)
        self._relay = _Relay()
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progressed.connect(self._on_progressed, queued)
        self._relay.succeeded.connect(self._on_succeeded, queued)
        self._relay.failed.connect(self._on_failed, queued)
        self._dialog = self._make_dialog(parent, title)
        self._job = _Job(fn, self.progress, self._relay)

    def cancel(self) -> None:
        self.progress.cancel()
        if self._dialog_alive():
            self._dialog.setLabelText(QCoreApplication.translate("worker", "Cancelling…"))

    # --- worker thread side ---------------------------------------------------------------------

    def _report_from_worker(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if now - self._last_report >= REPORT_INTERVAL_S or (total and done >= total):
            self._last_report = now
            self._relay.progressed.emit(done, total, text)

    # --- GUI thread side ----------------------------------------------------------------------------

    def _make_dialog(self, parent: QWidget | None, title: str) -> QProgressDialog:
        dialog = QProgressDialog(title, QCoreApplication.translate("worker", "Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self.cancel)
        return dialog

    def _dialog_alive(self) -> bool:
        return shiboken6.isValid(self._dialog)

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self.is_finished:
            return
        if self._dialog_alive() and not self.progress.cancelled:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)
            label = text or self.title
            if total:
                label = f"{label}\n{done:,} / {total:,}"
            self._dialog.setLabelText(label)
        self.progressed.emit(done, total, text)

    @Slot(object)
    def _on_succeeded(self, result: T) -> None:
        self.result = result
        self._close()
        try:
            self._on_done(result)
        except Exception as exc:  # a failing callback is reported like failing work
            self._report_error(exc)
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.error = error
        self._close()
        if isinstance(error, Cancelled):
            self._tell_cancelled(error)
            self.cancelled.emit()
        else:
            self._report_error(error)
            self.failed.emit(error)
        self.finished.emit()

    def _report_error(self, error: BaseException) -> None:
        if self._on_error is not None:
            self._on_error(error)
        else:
            parent = self._parent if self._parent is not None and shiboken6.isValid(self._parent) else None
            dialogs.show_error(parent, error, self.title)

    def _tell_cancelled(self, error: Cancelled) -> None:
        """Cancelling is the user's own choice: a status-bar line, not an error box."""
        if self._parent is None or not shiboken6.isValid(self._parent):
            return
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(str(error), 5000)

    def _close(self) -> None:
        self.is_finished = True
        _running.discard(self)
        if self._dialog_alive():
            self._dialog.reset()
            self._dialog.close()
            self._dialog.deleteLater()


def run_in_background(parent: QWidget | None, title: str, fn: Callable[[Progress], T],
                      on_done: Callable[[T], None],
                      on_error: Callable[[BaseException], None] | None = None) -> Task[T]:
    """Run ``fn(progress)`` on the worker; ``on_done(result)`` then runs on the GUI thread.

    Failures go to ``on_error`` if given, else to an error box; a cancel only shows a status line.
    """
    task: Task[T] = Task(parent, title, fn, on_done, on_error)
    _running.add(task)
    _worker_pool().start(task._job)
    return task


def running_tasks() -> list[Task[Any]]:
    return list(_running)


def shutdown(timeout_ms: int = 10_000) -> bool:
    """At quit: ask every task to stop and wait for the worker. True if it finished in time."""
    for task in list(_running):
        task.progress.cancel()
    return _pool is None or _pool.waitForDone(timeout_ms)
