"""Progress and cancellation for long core work (imports, reports, exports, backups).

The GUI's worker passes a Progress whose ``cancel()`` is called from the GUI thread; the core calls
``report()`` now and then, which raises ``Cancelled`` once cancelling was asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .errors import SgzError


class Cancelled(SgzError):
    def __init__(self) -> None:
        super().__init__("操作已取消，没有写入任何内容。")


class Progress:
    def __init__(self, on_report: Callable[[int, int, str], None] | None = None) -> None:
        self._on_report = on_report
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.check()
        if self._on_report is not None:
            self._on_report(done, total, text)


def quiet() -> Progress:
    return Progress()
