"""Work over many small things on a few threads, without a future per thing.

``concurrent.futures`` costs some 40 µs of interpreter time per item (a future, its condition, a queue
hand-over and a wake-up), as much as probing a file or flushing it; over a thousand scans that is a
tenth of a second held under the interpreter lock, taken from the copies running beside it. Here each
thread takes the next item as it finishes the last.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def each_on_threads(fn: Callable[[T], R], items: Sequence[T], threads: int, name: str) -> list[R]:
    """``[fn(item) for item in items]``, on up to ``threads`` threads; the results in the items' order.
    The first exception stops the handing out of items and is raised once every thread has stopped."""
    results: list[R | None] = [None] * len(items)
    lock = threading.Lock()
    upcoming = iter(range(len(items)))
    failures: list[BaseException] = []

    def work() -> None:
        while not failures:
            with lock:
                i = next(upcoming, None)
            if i is None:
                return
            try:
                results[i] = fn(items[i])
            except BaseException as exc:  # handed to the caller below
                failures.append(exc)

    count = max(1, min(threads, len(items)))
    if count == 1:
        work()
    else:
        workers = [threading.Thread(target=work, name=f"{name}-{k}", daemon=True) for k in range(count)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    if failures:
        raise failures[0]
    return results  # type: ignore[return-value]  # every slot was filled: no failure


def yield_to_others() -> None:
    """Run the calling thread only on a core the process's other threads leave idle: for work needed only at
    the end (the zip's own hash, check 1) beside work that holds everything up (the members' hashes). Linux
    and Windows; elsewhere, and where it is refused, the thread runs as before."""
    try:
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            kernel32 = ctypes.WinDLL("kernel32")  # its own function objects: the prototypes below stay ours
            kernel32.GetCurrentThread.restype = wintypes.HANDLE
            kernel32.SetThreadPriority.argtypes = (wintypes.HANDLE, ctypes.c_int)
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -2)  # THREAD_PRIORITY_LOWEST
        elif sys.platform.startswith("linux"):
            # Linux gives each thread its own nice value (on other systems the id would name a process).
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass
