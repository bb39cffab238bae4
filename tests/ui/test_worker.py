"""The background worker: results on the GUI thread, progress, cancel, errors, one task at a time."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget

from sgz_desktop.core.errors import SgzError
from sgz_desktop.core.progress import Progress
from sgz_desktop.ui import dialogs, worker
from sgz_desktop.ui.worker import run_in_background


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error, _title=None: shown.append(str(error)))
    return shown


@pytest.fixture
def parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_arrives_on_the_gui_thread_with_progress(qtbot, parent: QWidget, errors_shown: list[str]) -> None:  # type: ignore[no-untyped-def]
    threads: dict[str, QThread] = {}
    results: list[int] = []

    def work(progress: Progress) -> int:
        threads["work"] = QThread.currentThread()
        for i in range(1, 6):
            progress.report(i, 5, "counting")
        return 42

    def done(value: int) -> None:
        threads["done"] = QThread.currentThread()
        results.append(value)

    task = run_in_background(parent, "计数", work, done)
    reports: list[tuple[int, int, str]] = []
    task.progressed.connect(lambda d, t, x: reports.append((d, t, x)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [42] and task.result == 42 and task.is_finished
    app_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    assert threads["done"] is app_thread and threads["work"] is not app_thread
    assert reports and reports[-1] == (5, 5, "counting")  # the last report always gets through
    assert errors_shown == [] and worker.running_tasks() == []


def test_cancel_stops_the_work_gently(qtbot, errors_shown: list[str]) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    started, release = threading.Event(), threading.Event()
    done: list[object] = []
    failed: list[BaseException] = []

    def work(progress: Progress) -> str:
        started.set()
        release.wait(5)
        for i in range(1000):
            progress.report(i, 1000)
        return "finished"

    task = run_in_background(window, "长任务", work, done.append, failed.append)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        release.set()
    assert done == [] and failed == [] and errors_shown == []
    assert "取消" in window.statusBar().currentMessage()


def test_progress_dialog_cancel_button_cancels(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def work(progress: Progress) -> None:
        release.wait(5)
        progress.report(1, 2)

    task = run_in_background(parent, "导出", work, lambda _r: None)
    task._dialog.findChild(QPushButton).click()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        release.set()
    assert task.progress.cancelled


def test_errors_reach_on_error(qtbot, parent: QWidget, errors_shown: list[str]) -> None:  # type: ignore[no-untyped-def]
    caught: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise SgzError("磁盘已满，没有写入任何内容。")

    task = run_in_background(parent, "导出", work, lambda _r: None, caught.append)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert [str(e) for e in caught] == ["磁盘已满，没有写入任何内容。"] and errors_shown == []


def test_errors_without_on_error_are_shown(qtbot, parent: QWidget, errors_shown: list[str]) -> None:  # type: ignore[no-untyped-def]
    def work(_progress: Progress) -> None:
        raise OSError("no space left")

    task = run_in_background(parent, "导出", work, lambda _r: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert errors_shown == ["no space left"] and isinstance(task.error, OSError)


def test_a_failing_on_done_is_reported(qtbot, parent: QWidget, errors_shown: list[str]) -> None:  # type: ignore[no-untyped-def]
    def done(_value: int) -> None:
        raise SgzError("保存结果失败。")

    task = run_in_background(parent, "t", lambda _p: 1, done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert errors_shown == ["保存结果失败。"]


def test_tasks_run_one_at_a_time_in_order(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    lock = threading.Lock()
    active: list[int] = []
    overlaps: list[int] = []
    order: list[int] = []

    def make(n: int):  # type: ignore[no-untyped-def]
        def work(progress: Progress) -> int:
            with lock:
                if active:
                    overlaps.append(n)
                active.append(n)
            for i in range(200):
                progress.report(i, 200)
            with lock:
                active.remove(n)
            return n
        return work

    tasks = [run_in_background(parent, f"t{n}", make(n), order.append) for n in range(4)]
    with qtbot.waitSignals([t.finished for t in tasks], timeout=10000):
        pass
    assert overlaps == [] and order == [0, 1, 2, 3]


def test_a_task_cancelled_while_waiting_never_runs(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    ran: list[str] = []
    first = run_in_background(parent, "first", lambda _p: release.wait(5), lambda _r: None)
    second = run_in_background(parent, "second", lambda _p: ran.append("second"), lambda _r: None)
    second.cancel()
    with qtbot.waitSignals([first.finished, second.cancelled], timeout=5000):
        release.set()
    assert ran == []


def test_shutdown_cancels_and_waits(qtbot, parent: QWidget, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def work(progress: Progress) -> None:
        while True:
            progress.report(0, 0)
            QThread.msleep(5)

    task = run_in_background(parent, "endless", work, lambda _r: None)
    assert worker.shutdown(5000)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
