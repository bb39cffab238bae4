"""A lane: one helper thread doing work strictly in order, a few items ahead of the caller.

hashlib and zlib release the GIL on large buffers, so a lane hashing 4 MiB blocks runs on a second core
while the caller reads, writes or hashes the same bytes for another purpose. The bounded depth keeps
memory at a few blocks whatever the file size. A plain thread with a queue, not an executor: a package
hands over tens of thousands of pieces, and a future per piece cost more than the hashing of a small one.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

_Task = tuple[Callable[..., Any], tuple[Any, ...], bool] | None  # (fn, args, run even after a failure)


class Lane:
    def __init__(self, name: str, depth: int = 4) -> None:
        self._tasks: queue.SimpleQueue[_Task] = queue.SimpleQueue()
        self._slots = threading.Semaphore(depth)
        self._error: BaseException | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (task := self._tasks.get()) is not None:
            fn, args, always = task
            try:
                if always or (self._error is None and not self._cancelled):
                    fn(*args)
            except BaseException as exc:  # handed to the caller at its next drain
                self._error = exc
            finally:
                self._slots.release()

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        self._slots.acquire()
        self._raise()
        self._tasks.put((fn, args, False))

    def drain(self) -> None:
        """Wait for everything submitted; re-raises the first failure."""
        done = threading.Event()
        self._slots.acquire()
        self._tasks.put((done.set, (), True))
        done.wait()
        self._raise()

    def close(self, *, cancel: bool = False) -> None:
        self._cancelled = cancel
        try:
            if not cancel:
                self.drain()
        finally:
            self._tasks.put(None)
            self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error
