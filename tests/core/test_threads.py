"""``each_on_threads``: every item once, results in order, the first failure raised after all threads stop;
``yield_to_others``: one thread lowered, not the process."""

from __future__ import annotations

import os
import sys
import threading
import time

import pytest

from sgz_desktop.core.threads import each_on_threads, yield_to_others


def test_results_come_back_in_the_items_order_from_several_threads() -> None:
    names: set[str] = set()
    lock = threading.Lock()

    def square(n: int) -> int:
        with lock:
            names.add(threading.current_thread().name)
        time.sleep(0.001 * (n % 3))  # finish out of order
        return n * n

    assert each_on_threads(square, list(range(60)), 4, "test") == [n * n for n in range(60)]
    assert len(names) > 1 and all(name.startswith("test-") for name in names)


def test_one_thread_or_one_item_runs_on_the_calling_thread() -> None:
    me = threading.current_thread().name
    assert each_on_threads(lambda _n: threading.current_thread().name, [1, 2, 3], 1, "x") == [me] * 3
    assert each_on_threads(lambda _n: threading.current_thread().name, [1], 8, "x") == [me]
    assert each_on_threads(lambda n: n, [], 8, "x") == []


def test_the_first_failure_stops_the_handing_out_and_is_raised() -> None:
    done: list[int] = []

    def work(n: int) -> int:
        if n == 5:
            raise OSError("disk gone")
        time.sleep(0.002)
        done.append(n)
        return n

    with pytest.raises(OSError, match="disk gone"):
        each_on_threads(work, list(range(1000)), 4, "test")
    assert len(done) < 100  # not every item was still worked on after the failure
    assert not [t for t in threading.enumerate() if t.name.startswith("test-")]  # all stopped before the raise


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice value is Linux's")
def test_a_thread_that_yields_to_others_leaves_the_rest_of_the_process_as_it_was() -> None:
    seen: list[int] = []

    def low() -> None:
        yield_to_others()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    before = os.getpriority(os.PRIO_PROCESS, 0)
    thread = threading.Thread(target=low)
    thread.start()
    thread.join()
    assert seen == [19]
    assert os.getpriority(os.PRIO_PROCESS, 0) == before == os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
