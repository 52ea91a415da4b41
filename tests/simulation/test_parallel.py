"""Passes split over threads give the same bits as one thread (simulation.world.parallel)."""

from __future__ import annotations

import threading
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
    posted = np.sort(day - np.array(back, np.int64)).astype(np.int16)
    hour = (rng.integers(0, 24, n) + rng.random(n)).astype(np.float32)
    removed = np.where(rng.random(n) < 0.3, rng.random(n) * 60.0, np.inf).astype(np.float32)
    potential = (rng.random(n) * 300).astype(np.float32)
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


def test_an_error_in_any_part_is_raised_after_every_part_is_done(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ROWS", 1)
    parallel.set_threads(3)
    done: list[tuple[int, int]] = []

    def work(a: int, b: int) -> None:
        done.append((a, b))
        if a > 0:
            raise RuntimeError(f"part from {a}")

    try:
        with pytest.raises(RuntimeError, match="part from"):
            parallel.by_rows(work, parallel.bounds(9))
    finally:
        parallel.set_threads(None)
    assert sorted(done) == [(0, 3), (3, 6), (6, 9)]
    assert threading.active_count() == 1 or all(
        not t.name.startswith("circlelab-part") for t in threading.enumerate()
    )


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
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
    """Exit 2 with the variable and its value named, before anything runs or is written;
    help still shows."""
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
    helped = subprocess.run([*cmd, "--help"], env=env, capture_output=True, text=True)
    assert helped.returncode == 0
