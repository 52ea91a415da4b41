"""A day's longest row-wise passes split over threads, with the same bits as one thread.

Only work whose rows are independent is split: each row's result is computed by the same
operations, in the same order, whichever thread computes it, so every output is the same
number for any number of threads (``tests/simulation/test_parallel.py`` checks it bit for
bit). NumPy's element-wise loops and SciPy's sparse kernels release the GIL, so the parts
run at once on two cores. Sums across rows (``bincount``, ``cumsum``, a random stream) stay
in one thread: splitting them would change their rounding or their draws.

The number of threads is ``CIRCLELAB_THREADS`` (a whole number from 1), else 2 when the
process may use two cores or more, else 1. A local sweep's worker processes use one each
(the sweep already keeps every core busy). Threads are started per call and joined before
it returns, Ctrl-C included (about 0.1 ms each: ``bench/bench_engine.py --split-sizes``):
no thread outlives a pass, so a process that forks (the demo command's drawing worker, a
sweep's pool) never forks one, and each thread starts with the caller's priority (the
desktop app's engine process lowers its own).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no NumPy at import: the command line checks the environment early
    import numpy as np

ENV = "CIRCLELAB_THREADS"
# A part is at least this long: a shorter pass saves less than starting and joining a
# thread costs (about 0.1 ms). `python bench/bench_engine.py --split-sizes` prints that
# cost and one thread against two for one pass at a range of sizes (on 2 cores, two
# threads were even with one at about 100,000 posts of a day's views and 600,000 entries
# of a sparse product, and ahead above); `--threads 2` shows the effect on a whole year.
MIN_ROWS = 100_000  # rows of an element-wise pass
MIN_ENTRIES = 500_000  # entries of a sparse product (a row's cost is its entries)

_threads: int | None = None


def threads() -> int:
    """How many threads a long pass is split over (1 or more).

    Raises ``ValueError`` naming ``CIRCLELAB_THREADS`` when it is set to anything but a
    whole number of at least 1."""
    global _threads
    if _threads is None:
        _threads = _from_environment()
    return _threads


def set_threads(n: int | None) -> None:
    """Use ``n`` threads from now on in this process (None: from the environment again).
    Raises ``ValueError`` below 1."""
    global _threads
    if n is not None and n < 1:
        raise ValueError(f"threads must be at least 1, not {n}")
    _threads = n


def _from_environment() -> int:
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # not Linux
            cores = os.cpu_count() or 1
        return 2 if cores >= 2 else 1
    n = int(raw) if raw.isascii() and raw.isdigit() else 0  # digits only: not "1_0", "+2"
    if n < 1:
        raise ValueError(f"{ENV} must be a whole number of at least 1, not {raw!r}")
    return n


def bounds(n: int, weight: np.ndarray | None = None) -> list[int]:
    """Where ``n`` rows are cut into parts: ``[0, …, n]``, one part per thread, fewer when a
    part would be under ``MIN_ROWS`` rows. ``weight``: the rows' cumulative cost, length
    ``n + 1`` and ascending (a CSR matrix's ``indptr``): its total is shared out evenly
    instead, parts of at least ``MIN_ENTRIES``."""
    total = n if weight is None else int(weight[-1] - weight[0])
    least = MIN_ROWS if weight is None else MIN_ENTRIES
    parts = max(1, min(threads(), total // least))
    if parts == 1 or n < parts:
        return [0, n]
    if weight is None:
        return [n * i // parts for i in range(parts + 1)]
    goal = [int(weight[0]) + total * i // parts for i in range(1, parts)]
    # searched as the weights' own type (a Python int would convert them all to int64)
    return [0, *weight.searchsorted([weight.dtype.type(g) for g in goal]).tolist(), n]


def by_rows(work: Callable[[int, int], None], cuts: list[int]) -> None:
    """Run ``work(start, stop)`` for each part between ``cuts`` (from :func:`bounds`), the
    first in this thread and the others in threads of their own, and return when all are
    done. ``work`` writes its rows' results in place.

    No thread outlives the call: a part whose thread cannot be started is worked here,
    and an exception (a part's, or Ctrl-C while waiting) is raised only once every
    started part has finished: this thread's own first, else the first part's in order
    of the parts."""
    if len(cuts) <= 2:
        work(cuts[0], cuts[-1])
        return
    errors: dict[int, BaseException] = {}

    def run(i: int, a: int, b: int, done: threading.Event) -> None:
        try:
            work(a, b)
        except BaseException as exc:  # raised in the caller's thread
            errors[i] = exc
        finally:
            done.set()

    started: list[tuple[threading.Thread, threading.Event]] = []
    try:
        for i, (a, b) in enumerate(pairwise(cuts[1:]), start=1):
            done = threading.Event()
            thread = threading.Thread(
                target=run, args=(i, a, b, done), name=f"circlelab-part-{i}", daemon=True
            )
            try:
                thread.start()
            except RuntimeError:  # no thread to be had (a process or memory limit)
                work(a, b)
                continue
            started.append((thread, done))
        work(cuts[0], cuts[1])
    finally:
        _wait_all(started)
    if errors:
        raise errors[min(errors)]


def _wait_all(parts: list[tuple[threading.Thread, threading.Event]]) -> None:
    """Wait until every part's work is done and its thread has ended; Ctrl-C while
    waiting is held back until then (the parts write into the caller's arrays) and then
    raised. Each part's own event says when its work is done: Python 3.11's
    ``Thread.join``, interrupted, takes the thread for ended while it still runs."""
    held: BaseException | None = None
    for thread, done in parts:
        while True:
            try:
                done.wait()
                thread.join()
                break
            except BaseException as exc:  # KeyboardInterrupt: finish waiting first
                held = held or exc
    if held is not None:
        raise held
