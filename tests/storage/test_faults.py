"""Fault injection: kill -9 at random points of runs and sweeps (SQLite and PostgreSQL),
a full disk during the final write, a database locked by another process.

What must hold after every fault: the database is not corrupted (SQLite's integrity
check passes), no run that was killed is shown complete (a complete run has every
one of its rows; any other run has none), and the next run on the same database
succeeds with the same results as an undisturbed one.

Runs happen in forked processes (the engine is already imported, so a run starts in
milliseconds; nothing is forked while a thread of the test process runs), killed with
SIGKILL at delays drawn from a seeded generator over the measured length of an
undisturbed run, so kills land in the simulation, in the heartbeats and in the final
write; and, so that kills mid-simulation happen on any machine however busy, at chosen
days where the child stops and says so. A lock is held by a separate, plain Python
process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlmodel import Session
from typer.testing import CliRunner

from simulation import run
from simulation.cli.main import app
from simulation.runs.storage import (
    AccountRow,
    DailyMetric,
    FeedItem,
    ModerationEvent,
    PostSample,
    PostText,
    RuleStat,
    Run,
    engine_for,
    list_runs,
    load_metrics,
    open_db,
    run_state,
)
from simulation.runs.urls import DatabaseError
from simulation.scenario import parse_scenario
from simulation.sweeps.sweep import sweep
from simulation.world.engine import Simulation
from tests.sweeps.helpers import assert_same_runs

TINY = parse_scenario("name: tiny\nseed: 3\ndays: 20\npopulation: {accounts: 800}\n", "tiny")
TABLES = (DailyMetric, RuleStat, PostSample, PostText, FeedItem, ModerationEvent, AccountRow)
FORK = multiprocessing.get_context("fork")  # only ever while no other thread runs here
HOLD = (
    "import sqlite3, sys, time\n"
    "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "con.execute('BEGIN EXCLUSIVE')\n"
    "print('locked', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
    "con.execute('COMMIT')\n"
)
runner = CliRunner()


def _pause_at(day: int, results) -> None:
    """Make this (forked) process stop after simulating ``day`` days and say so, so the
    parent kills it exactly there, however fast or busy the machine is."""
    step = Simulation.step

    def paused_step(self: Simulation):
        record = step(self)
        if self.day == day:
            results.put("paused")
            time.sleep(3600)  # the parent's SIGKILL ends it here
        return record

    Simulation.step = paused_step


def _child_run(url: str, fsize: int | None, results, pause_day: int | None = None) -> None:
    engine_for.cache_clear()  # the parent's pooled connections are not the child's
    if pause_day is not None:
        _pause_at(pause_day, results)
    if fsize is not None:  # a full disk: writes past this size fail (EFBIG), no signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, resource.RLIM_INFINITY))
    try:
        run(TINY, "crackdown", db=url, seed=4)
        results.put("complete")
    except DatabaseError as exc:
        results.put(f"{exc.kind}: {exc}")
    except BaseException as exc:
        results.put(f"{type(exc).__name__}: {exc}")
    finally:
        results.close()
        results.join_thread()  # the message is sent before the process ends
        os._exit(0)


def start_run(url: str, fsize: int | None = None, pause_day: int | None = None):
    results = FORK.Queue()
    proc = FORK.Process(target=_child_run, args=(url, fsize, results, pause_day))
    proc.start()
    return proc, results


def kill_9(proc) -> None:
    """SIGKILL, as ``kill -9`` (a process that already ended has nothing left to kill)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)


def timed_run(url: str) -> float:
    """Seconds an undisturbed run takes in a child (the range kills are drawn over)."""
    started = time.perf_counter()
    proc, results = start_run(url)
    proc.join(120)
    assert results.get(timeout=5) == "complete"
    return time.perf_counter() - started


def counts(url: str, run_id: int) -> dict[str, int]:
    with Session(open_db(url)) as s:
        return {
            t.__name__: int(s.execute(select(func.count()).where(t.run_id == run_id)).scalar_one())
            for t in TABLES
        }


def check_after_faults(url: str, reference: dict[str, int], expected: pd.DataFrame) -> None:
    """No corruption; complete runs whole and right; every other run without rows."""
    engine_for.cache_clear()
    path = url.removeprefix("sqlite:///")
    if url.startswith("sqlite"):
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
    later = pd.Timestamp.now("UTC").tz_localize(None).to_pydatetime() + pd.Timedelta(hours=1)
    for r in list_runs(open_db(url)):
        rows = counts(url, r.id)
        if r.status == "complete":
            assert rows == reference, f"run {r.id} looks complete but is not whole: {rows}"
            got = load_metrics(open_db(url), r.id)
            pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        else:
            assert sum(rows.values()) == 0, f"run {r.id} ({r.status}) has rows: {rows}"
            assert run_state(r, later) in ("incomplete", "failed", "interrupted")


def kill_mid_simulation(url: str, days: list[int]) -> None:
    """Start runs and kill -9 each right after it simulated the given number of days (its
    run row is written, its data not yet): kills that land mid-run on any machine."""
    for day in days:
        proc, results = start_run(url, pause_day=day)
        assert results.get(timeout=120) == "paused"
        kill_9(proc)


def kill_runs(url: str, kills: int, seed: int) -> list[float]:
    """Start runs and kill -9 each at a random point of its life (in the simulation, the
    heartbeats or the final write); returns the delays."""
    length = timed_run(url)
    rng = np.random.default_rng(seed)  # half over the whole life, half near its end
    delays = np.concatenate(
        [
            rng.uniform(0.02, 1.05 * length, size=kills // 2),
            rng.uniform(0.75 * length, 1.02 * length, size=kills - kills // 2),
        ]
    )
    for delay in delays:
        proc, _results = start_run(url)
        time.sleep(delay)
        kill_9(proc)
    return list(delays)


def reference_of(url: str) -> tuple[dict[str, int], pd.DataFrame]:
    first = next(r for r in list_runs(open_db(url)) if r.status == "complete")
    return counts(url, first.id), load_metrics(open_db(url), first.id)


def next_run_succeeds(url: str, expected: pd.DataFrame) -> None:
    engine_for.cache_clear()
    result = run(TINY, "crackdown", db=url, seed=4)
    stored = load_metrics(open_db(url), result.run_id)
    pd.testing.assert_frame_equal(stored, expected, check_dtype=False)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_9_during_runs(tmp_path, backend, request):
    url = (
        f"sqlite:///{tmp_path / 'kill.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_database")
    )
    kill_runs(url, kills=8 if backend == "sqlite" else 5, seed=1)
    kill_mid_simulation(url, [1, TINY.days // 2, TINY.days - 1])
    reference, expected = reference_of(url)
    check_after_faults(url, reference, expected)
    statuses = [r.status for r in list_runs(open_db(url))]
    assert statuses.count("running") >= 3  # the kills mid-simulation left runs unfinished
    next_run_succeeds(url, expected)
    check_after_faults(url, reference, expected)


def _child_sweep(url: str) -> None:
    engine_for.cache_clear()
    sweep("classroom", ("none", "keywords"), "1", days=12, workers=1, db=url, sweep_id="faults")
    os._exit(0)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_9_during_sweeps_then_resume(tmp_path, backend, request):
    url = (
        f"sqlite:///{tmp_path / 'sweep.db'}"
        if backend == "sqlite"
        else request.getfixturevalue("pg_database")
    )
    expected = sweep("classroom", ("none", "keywords"), "1", days=12, workers=1)
    started = time.perf_counter()
    undisturbed = FORK.Process(target=_child_sweep, args=(f"sqlite:///{tmp_path / 'time.db'}",))
    undisturbed.start()
    undisturbed.join(300)
    length = time.perf_counter() - started
    rng = np.random.default_rng(2)
    for delay in rng.uniform(0.05, 0.9 * length, size=4):
        proc = FORK.Process(target=_child_sweep, args=(url,))
        proc.start()
        time.sleep(delay)
        kill_9(proc)
    engine_for.cache_clear()
    if url.startswith("sqlite"):
        con = sqlite3.connect(url.removeprefix("sqlite:///"))
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for r in list_runs(open_db(url)):
        if r.status != "complete":
            assert sum(counts(url, r.id).values()) == 0
    resumed = sweep(
        "classroom", ("none", "keywords"), "1", days=12, workers=1, db=url, sweep_id="faults"
    )
    assert resumed.failed == 0 and resumed.ran + resumed.skipped == 2
    assert_same_runs(resumed, expected)


def test_disk_full_during_the_final_write(tmp_path):
    """The final write fails (file-size limit: the disk is full for this database): the
    database stays sound, the run is not complete, and the next run succeeds."""
    url = f"sqlite:///{tmp_path / 'full.db'}"
    timed_run(url)
    reference, expected = reference_of(url)
    size = Path(url.removeprefix("sqlite:///")).stat().st_size
    proc, results = start_run(url, fsize=size + 64 * 1024)  # room for the run row only
    proc.join(120)
    outcome = results.get(timeout=5)
    assert outcome.startswith("full: "), outcome
    check_after_faults(url, reference, expected)
    last = list_runs(open_db(url))[-1]
    assert last.status == "failed" and "disk" in last.error
    next_run_succeeds(url, expected)


def test_disk_full_through_the_command_line(tmp_path):
    """What a person sees: a clear message and exit 2, not a raw SQL error."""
    db = tmp_path / "cli.db"
    first = runner.invoke(app, ["run", "--scenario", "classroom", "--days", "2", "--db", str(db)])
    assert first.exit_code == 0
    limit = db.stat().st_size + 64 * 1024

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    cmd = [sys.executable, "-m", "simulation.cli.main", "run", "--scenario", "classroom"]
    proc = subprocess.run(
        [*cmd, "--days", "40", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited,
    )
    assert proc.returncode == 2, proc.stderr
    assert "the run's results could not be stored" in proc.stderr
    assert "the disk" in proc.stderr and "Traceback" not in proc.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding SQLite's exclusive lock on ``path`` for ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_a_database_locked_by_another_process(tmp_path, monkeypatch):
    db = tmp_path / "locked.db"
    url = f"sqlite:///{db}"
    timed_run(url)
    reference, expected = reference_of(url)
    holder = hold_lock(db, 4.0)
    monkeypatch.setenv("CIRCLELAB_DB_TIMEOUT", "0.5")
    engine_for.cache_clear()
    result = runner.invoke(app, ["run", "--scenario", "classroom", "--days", "3", "--db", str(db)])
    assert result.exit_code == 2
    assert "locked by another process (waited 0.5 s)" in result.output
    holder.wait(30)
    monkeypatch.setenv("CIRCLELAB_DB_TIMEOUT", "60")  # a lock released in time is waited for
    holder = hold_lock(db, 1.0)
    engine_for.cache_clear()
    next_run_succeeds(url, expected)
    holder.wait(30)
    check_after_faults(url, reference, expected)


def test_locked_until_the_final_write(tmp_path, monkeypatch):
    """The lock comes while the run is simulating and stays past the timeout of the final
    write: the run is not stored (never shown complete), and once the lock is gone the
    next run succeeds."""
    db = tmp_path / "late.db"
    url = f"sqlite:///{db}"
    length = timed_run(url)
    reference, expected = reference_of(url)
    monkeypatch.setenv("CIRCLELAB_DB_TIMEOUT", "0.3")
    engine_for.cache_clear()
    outcome: list[str] = []

    def run_now() -> None:
        try:
            run(TINY, "crackdown", db=url, seed=4)
            outcome.append("complete")
        except DatabaseError as exc:
            outcome.append(exc.kind)

    worker = threading.Thread(target=run_now)
    worker.start()
    time.sleep(min(0.3, length / 4))
    holder = hold_lock(db, length * 3 + 2)
    worker.join(120)
    holder.wait(120)
    assert outcome == ["locked"]
    check_after_faults(url, reference, expected)
    monkeypatch.setenv("CIRCLELAB_DB_TIMEOUT", "60")
    next_run_succeeds(url, expected)


def test_postgresql_lock(pg_database, monkeypatch):
    import psycopg

    url = pg_database
    timed_run(url)
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    monkeypatch.setenv("CIRCLELAB_DB_TIMEOUT", "0.5")
    engine_for.cache_clear()
    with psycopg.connect(plain) as conn:
        conn.execute("LOCK TABLE run IN ACCESS EXCLUSIVE MODE")
        result = runner.invoke(app, ["run", "--scenario", "classroom", "--days", "3", "--db", url])
        assert result.exit_code == 2 and "locked by another process" in result.output
    engine_for.cache_clear()
    runs = list_runs(open_db(url))
    assert [r.status for r in runs] == ["complete"]
    assert isinstance(runs[0], Run)
