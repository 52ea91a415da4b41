"""Passes split over threads give the same bits as one thread (simulation.world.parallel)."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.world import parallel
from simulation.world.decay import views_on_day
from simulation.world.graph import _matvec
from tests.golden.cases import CASES, run_case
from tests.golden.test_golden import PINNED


@contextmanager
def split_over(threads: int) -> Iterator[None]:
    """Every pass split, however short: parts of at least one row, up to ``threads``."""
    old = parallel.MIN_ROWS, parallel.MIN_ENTRIES
    parallel.MIN_ROWS = parallel.MIN_ENTRIES = 1
    parallel.set_threads(threads)
    try:
        yield
    finally:
        parallel.MIN_ROWS, parallel.MIN_ENTRIES = old
        parallel.set_threads(None)


@pytest.fixture(autouse=True)
def thread_count_from_the_environment_after():
    """Every test leaves the count to be read afresh (a cached count would outlast the
    environment a test set)."""
    yield
    parallel.set_threads(None)


def bits(a: np.ndarray) -> np.ndarray:
    return a.view(np.uint32 if a.dtype == np.float32 else np.uint64)


@settings(max_examples=60, deadline=None)
@given(
    n_rows=st.integers(0, 60),
    n_cols=st.integers(1, 60),
    density=st.floats(0.0, 0.6),
    threads=st.integers(2, 5),
    seed=st.integers(0, 2**32 - 1),
)
def test_a_sparse_product_in_parts_is_the_same_bits(n_rows, n_cols, density, threads, seed):
    """``y += A @ x`` with the rows shared out by their entries: every row's sum is the one
    SciPy's product gives, bit for bit, and ``y``'s starting values are added to."""
    rng = np.random.default_rng(seed)
    a = sp.random(n_rows, n_cols, density=density, format="csr", dtype=np.float32, rng=rng)
    x = (rng.random(n_cols) * 10 - 3).astype(np.float32)
    start = (rng.random(n_rows) * 5).astype(np.float32)
    want, got, zero = start.copy(), start.copy(), np.zeros(n_rows, np.float32)
    with split_over(1):
        _matvec(a.indptr, a.indices, a.data, x, want)
    with split_over(threads):
        _matvec(a.indptr, a.indices, a.data, x, got)
        _matvec(a.indptr, a.indices, a.data, x, zero)
    assert np.array_equal(bits(got), bits(want))
    # from zero: SciPy's own product (the same kernel over all rows at once)
    assert np.array_equal(bits(zero), bits(np.asarray(a @ x, np.float32)))


@settings(max_examples=60, deadline=None)
@given(
    day=st.integers(0, 400),
    back=st.lists(st.integers(0, 6), min_size=0, max_size=80),
    threads=st.integers(2, 5),
    ascending=st.booleans(),
    scalar=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
def test_daily_views_in_parts_are_the_same_bits(day, back, threads, ascending, scalar, seed):
    """A day's views computed in blocks of posts over threads: the same bits as one pass,
    with posts made today, removed posts and a half-life per post or one for all."""
    rng = np.random.default_rng(seed)
    n = len(back)
    posted = (day - np.array(back, np.int64)).astype(np.int16)
    if ascending:  # as the post table holds them; otherwise in any order
        posted = np.sort(posted)
    hour = rng.integers(0, 24, n) + rng.random(n)  # float64 here, float32 or one for all
    hour = hour.astype(np.float32) if seed % 3 else (hour if seed % 2 else 7.25)
    removed = np.where(rng.random(n) < 0.3, rng.random(n) * 60.0, np.inf).astype(np.float32)
    potential = 120.0 if scalar else (rng.random(n) * 300).astype(np.float32)
    half_life = 5.5 if scalar else rng.choice(np.array([0.5, 4.0, 48.0], np.float32), n)
    args = (day, posted, hour, removed, potential, half_life, ascending)
    with split_over(1):
        want = views_on_day(*args)
    with split_over(threads):
        got = views_on_day(*args)
    assert np.array_equal(bits(got), bits(want))


@pytest.mark.parametrize("case", CASES[:2], ids=lambda c: c.name)
def test_golden_runs_split_over_threads_keep_their_hashes(case):
    """The pinned runs with every long pass split over three threads (parts of any size):
    the same daily metrics and rule statistics, bit for bit."""
    with split_over(3):
        assert run_case(case) == PINNED[case.name]


def test_bounds_share_rows_or_entries_out_evenly(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ROWS", 10)
    monkeypatch.setattr(parallel, "MIN_ENTRIES", 30)
    parallel.set_threads(2)
    try:
        assert parallel.bounds(100) == [0, 50, 100]
        assert parallel.bounds(15) == [0, 15]  # a part would be under MIN_ROWS
        # by entries: the first row holds most of them
        indptr = np.array([0, 60, 70, 80, 90, 100])
        assert parallel.bounds(5, indptr) == [0, 1, 5]
        assert parallel.bounds(2, np.array([0, 30, 50])) == [0, 2]  # 25 entries a part
        parallel.set_threads(1)
        assert parallel.bounds(1000) == [0, 1000]
    finally:
        parallel.set_threads(None)


def parts_alive() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("circlelab-part")]


def test_an_error_in_any_part_is_raised_after_every_part_is_done():
    """Parts 2 and 3 fail, part 3 first: part 2's error is raised, once all have ended."""
    done: list[tuple[int, int]] = []
    second_may_fail = threading.Event()

    def work(a: int, b: int) -> None:
        if a == 3:
            second_may_fail.wait(5)
        time.sleep(0.05 if a == 0 else 0)
        done.append((a, b))
        if a == 6:
            second_may_fail.set()
        if a > 0:
            raise RuntimeError(f"part from {a}")

    with split_over(3), pytest.raises(RuntimeError, match="part from 3"):
        parallel.by_rows(work, parallel.bounds(9))
    assert sorted(done) == [(0, 3), (3, 6), (6, 9)]
    assert parts_alive() == []


def test_ctrl_c_while_waiting_for_a_part_waits_for_it_then_stops():
    """Ctrl-C (a real SIGINT) while this thread waits for another part: the part finishes
    (it writes into the caller's arrays) before KeyboardInterrupt leaves the pass.

    The other part sends the signal only once this thread's own part is done (this
    thread then goes on to wait), and Python's own Ctrl-C handler is in place for the
    test, whatever an earlier test in this process left: no timing is assumed."""
    done: list[int] = []
    own_part_done = threading.Event()

    def work(a: int, b: int) -> None:
        if a == 0:
            own_part_done.set()  # this thread's part: done at once, then it waits
            return
        assert own_part_done.wait(30)
        time.sleep(0.05)
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
        time.sleep(0.2)
        done.append(a)

    assert threading.current_thread() is threading.main_thread()
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
    try:
        with split_over(2), pytest.raises(KeyboardInterrupt):
            parallel.by_rows(work, [0, 5, 10])
    finally:
        signal.signal(signal.SIGINT, before)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    assert done == [5] and parts_alive() == []


def test_a_part_whose_thread_cannot_start_is_worked_here(monkeypatch):
    """No thread to be had (a process limit): the pass still completes, every part
    once, with the same numbers."""
    real_start = threading.Thread.start
    calls = {"n": 0}

    def start(self: threading.Thread) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("can't start new thread")
        real_start(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    out = np.zeros(12)

    def work(a: int, b: int) -> None:
        out[a:b] += np.arange(a, b)

    with split_over(4):
        parallel.by_rows(work, parallel.bounds(12))
    assert np.array_equal(out, np.arange(12.0)) and parts_alive() == []


def test_a_wrong_shape_is_refused_whatever_the_length():
    """A length-1 array beside longer ones: refused for 3 posts as for a million (it was
    taken for a scalar in one pass and failed only where the pass was split)."""
    posted = np.zeros(3, np.int16)
    hour = np.ones(3, np.float32)
    with pytest.raises(ValueError, match=r"potential has shape \(1,\): \(3,\) or a scalar"):
        views_on_day(1, posted, hour, np.full(3, np.inf), np.ones(1), 4.0)


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "1_0", "+2", "\u0663"])
def test_a_bad_thread_count_names_the_variable(monkeypatch, value):
    monkeypatch.setenv(parallel.ENV, value)
    parallel.set_threads(None)
    with pytest.raises(ValueError, match=f"{parallel.ENV} must be a whole number"):
        parallel.threads()
    monkeypatch.setenv(parallel.ENV, "3")
    parallel.set_threads(None)
    assert parallel.threads() == 3
    monkeypatch.delenv(parallel.ENV)
    parallel.set_threads(None)
    assert parallel.threads() in (1, 2)


def test_the_command_line_refuses_a_bad_thread_count_before_it_starts(tmp_path):
    """A command that would simulate: exit 2 with the variable and its value named, before
    anything runs or is written. Help, and commands that never simulate, still work."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, CIRCLELAB_THREADS="two")
    cmd = [sys.executable, "-m", "simulation.cli.main"]
    db = tmp_path / "runs.db"
    done = subprocess.run(
        [*cmd, "run", "--scenario", "classroom", "--days", "2", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "CIRCLELAB_THREADS must be a whole number of at least 1, not 'two'" in done.stderr
    assert not db.exists()
    for other in (["--help"], ["run", "--help"], ["scenario", "list"]):
        shown = subprocess.run([*cmd, *other], env=env, capture_output=True, text=True)
        assert shown.returncode == 0, (other, shown.stderr)
