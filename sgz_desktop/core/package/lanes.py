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

BATCH = 4 * 1024 * 1024


def _run_batch(batch: list[tuple[Callable[[bytes | memoryview], Any], bytes | memoryview]]) -> None:
    for fn, data in batch:
        fn(data)


_Task = tuple[Callable[..., Any], tuple[Any, ...], bool] | None  # (fn, args, run even after a failure)


class Lane:
    def __init__(self, name: str, depth: int = 4) -> None:
        self._tasks: queue.SimpleQueue[_Task] = queue.SimpleQueue()
        self._slots = threading.Semaphore(depth)
        self._error: BaseException | None = None
        self._cancelled = False
        self._batch: list[tuple[Callable[..., Any], bytes | memoryview]] = []
        self._batch_bytes = 0
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
        self._flush_batch()
        self._put(fn, args)

    def feed(self, fn: Callable[[bytes | memoryview], Any], data: bytes | memoryview) -> None:
        """``fn(data)`` in order with everything else, handed over in batches of about ``BATCH`` bytes: a
        year's package is thousands of small files, and each hand-over costs a thread switch."""
        self._batch.append((fn, data))
        self._batch_bytes += len(data)
        if self._batch_bytes >= BATCH:
            self._flush_batch()

    def _flush_batch(self) -> None:
        if self._batch:
            batch, self._batch, self._batch_bytes = self._batch, [], 0
            self._put(_run_batch, (batch,))

    def _put(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self._slots.acquire()
        self._raise()
        self._tasks.put((fn, args, False))

    def drain(self) -> None:
        """Wait for everything submitted; re-raises the first failure."""
        self._flush_batch()
        done = threading.Event()
        self._slots.acquire()
        self._tasks.put((done.set, (), True))
        done.wait()
        self._raise()

    def close(self, *, cancel: bool = False) -> None:
        self._cancelled = cancel
        if cancel:
            self._batch.clear()
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
