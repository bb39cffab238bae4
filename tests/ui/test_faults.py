"""An error no page expected, raised in a real click: said in a message box (in words when the PC is at fault)
and kept with its traceback in the data folder's log, instead of going to a stderr the windowed program on
Windows does not have."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from sgz_desktop.ui import dialogs
from sgz_desktop.ui.faults import LOG_NAME, FaultHandler

pytestmark = pytest.mark.qt_no_exception_capture  # the handler under test is the one that catches


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs.QMessageBox, "warning", lambda parent, title, text: seen.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return seen


def click_raising(qtbot, error: BaseException) -> None:  # type: ignore[no-untyped-def]
    def save() -> None:
        raise error

    button = QPushButton("保存")
    qtbot.addWidget(button)
    button.clicked.connect(save)
    button.click()


def test_a_full_disk_in_a_click_is_said_in_words(qtbot, zh, said, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    FaultHandler(tmp_path / "logs").install()
    click_raising(qtbot, OSError(errno.ENOSPC, "No space left on device", "D:/sgz/station.db"))
    assert said == [("出错了", "磁盘已满，文件 D:/sgz/station.db 没有写完。请腾出空间或换一个空间更大的U盘后重试。")]
    log = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "in save" in log and "No space left on device" in log


def test_a_bug_in_a_click_is_shown_with_where_its_details_are(qtbot, zh, said, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    FaultHandler(tmp_path / "logs").install()
    click_raising(qtbot, TypeError("unsupported operand"))
    assert len(said) == 1
    title, text = said[0]
    assert title == "出错了" and text.startswith("发生了意外错误：TypeError: unsupported operand")
    assert str(tmp_path / "logs" / LOG_NAME) in text
    click_raising(qtbot, KeyError("站点"))
    log = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert log.count("--- ") == 2 and "TypeError: unsupported operand" in log and "KeyError: '站点'" in log


def test_the_log_starts_afresh_past_a_megabyte(qtbot, said, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / LOG_NAME).write_text("x" * (1 << 20 | 1), encoding="utf-8")
    FaultHandler(tmp_path).install()
    click_raising(qtbot, ValueError("a bug"))
    log = (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    assert log.startswith("--- ") and len(log) < 4096
