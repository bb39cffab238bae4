"""A lane: one helper thread doing work strictly in order, a few items ahead of the caller.

hashlib and zlib release the GIL on large buffers, so a lane hashing 4 MiB blocks runs on a second core
while the caller reads, writes or hashes the same bytes for another purpose. The bounded depth keeps
memory at a few blocks whatever the file size.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class Lane:
    def __init__(self, name: str, depth: int = 4) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._pending: deque[Future[Any]] = deque()
        self._depth = depth

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        if len(self._pending) >= self._depth:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(fn, *args))

    def drain(self) -> None:
        """Wait for everything submitted; re-raises the first failure."""
        while self._pending:
            self._pending.popleft().result()

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            for f in self._pending:
                f.cancel()
            self._pending.clear()
        else:
            self.drain()
        self._pool.shutdown(cancel_futures=cancel)
