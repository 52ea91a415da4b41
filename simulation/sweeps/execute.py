"""Running a sweep's jobs: in a worker (``execute``), on a local pool or a Dask cluster.

Jobs never raise: a failure comes back as an ``Outcome`` with its traceback, is stored as
a ``failed`` run, and the other jobs go on. Local pools ``fork`` (the engine is already
imported) and every job is submitted before the caller's progress bar starts its thread.
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from simulation.model_version import MODEL_VERSION
from simulation.runs.result import account_rows, metrics_long, post_rows
from simulation.runs.run import code_version, run
from simulation.sweeps.plan import SAMPLE_POSTS, Job
from simulation.sweeps.variants import compile_source
from simulation.world import parallel


@dataclass
class Outcome:
    """What a job returns: rows to store, or the error that stopped it."""

    key: str
    ok: bool
    error: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    metrics: pd.DataFrame | None = None
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    categories: tuple[str, ...] = ()
    code_version: str = ""
    # the model version the worker ran (simulation.model_version), stored with the run;
    # set by the worker itself: an Outcome from a worker whose code predates the field
    # unpickles without it and reads None (stored as unrecorded, version 0), never as
    # the version of the process that receives it
    model_version: int | None = None
    wall_seconds: float = 0.0
    days_done: int = 0


@functools.cache
def _code_version() -> str:
    return code_version()


def execute(job: Job) -> Outcome:
    """Run one job in a worker. Never raises: a failure comes back as an Outcome."""
    started = time.perf_counter()
    try:
        result = run(
            job.scenario,
            compile_source(job.policy),
            days=job.days,
            seed=job.seed,
            changes=job.scenario_changes or None,
            keep_simulation=True,
        )
        sim = result.simulation
        assert sim is not None
        # the same rows ``simulation.run`` stores (runs.py builds them; reused, not copied)
        full = job.keep == "all"
        posts = post_rows(sim)
        if not full:
            posts = sorted(posts, key=lambda r: (r["kind"] in (2, 3), r["views"]), reverse=True)
            posts = posts[:SAMPLE_POSTS]
        rows = {
            "metrics": metrics_long(result.metrics),
            "rules": result.rules.to_dict("records"),
            "posts": posts,
            "feed": [{"viewer": v, "day": d, "post_id": p} for v, d, p in sim.world.feed_rows]
            if full
            else [],
            "events": list(sim.world.events),
            "accounts": account_rows(sim) if full else [],
        }
        return Outcome(
            job.key,
            True,
            summary=result.summary,
            metrics=result.metrics,
            rows=rows,
            categories=tuple(sim.categories),
            code_version=_code_version(),
            model_version=MODEL_VERSION,
            wall_seconds=time.perf_counter() - started,
            days_done=sim.day,
        )
    except Exception as exc:
        return failed(job, "".join(traceback.format_exception(exc)), started)


def failed(job: Job, error: str, started: float | None = None) -> Outcome:
    wall = time.perf_counter() - started if started is not None else 0.0
    return Outcome(
        job.key,
        False,
        error=error,
        code_version=_code_version(),
        model_version=MODEL_VERSION,
        wall_seconds=wall,
    )


Runner = Callable[[Job], Outcome]
OnOutcome = Callable[[Job, Outcome], None]


def _quiet_worker() -> None:
    """Workers ignore Ctrl-C: the parent decides what an interruption means. Each runs its
    passes in one thread: the pool already keeps a core per worker busy."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parallel.set_threads(1)


def run_local(
    jobs: Sequence[Job],
    workers: int,
    runner: Runner,
    on_outcome: OnOutcome,
    before_wait: Callable[[], None] | None = None,
) -> None:
    """Run jobs on a local process pool (or in this process when ``workers`` is 1)."""
    if workers <= 1 or len(jobs) <= 1:
        if before_wait:
            before_wait()
        for job in jobs:
            try:
                outcome = runner(job)
            except Exception as exc:  # same contract as a pool: a crash is a failed run
                outcome = failed(job, "".join(traceback.format_exception(exc)))
            on_outcome(job, outcome)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=multiprocessing.get_context(method),
        initializer=_quiet_worker,
    )
    futures: dict[Future, Job] = {}
    try:
        futures = {pool.submit(runner, job): job for job in jobs}
        if before_wait:
            before_wait()
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                outcome = fut.result()
            except Exception as exc:  # a worker process died (BrokenProcessPool, …)
                outcome = failed(job, f"worker failed: {exc!r}")
            on_outcome(job, outcome)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def run_dask(
    jobs: Sequence[Job],
    dask: Any,
    runner: Runner,
    on_outcome: OnOutcome,
    before_wait: Callable[[], None] | None = None,
) -> None:
    """Run jobs on a Dask distributed cluster: an address (``tcp://host:8786``) or a Client."""
    # distributed is imported only when a cluster is used (about a second of imports)
    from distributed import Client
    from distributed import as_completed as dask_completed

    own = not isinstance(dask, Client)
    client = Client(dask) if own else dask
    try:
        futures = client.map(runner, list(jobs), pure=False)
        by_key = {f.key: job for f, job in zip(futures, jobs, strict=True)}
        if before_wait:
            before_wait()
        for fut in dask_completed(futures):
            job = by_key[fut.key]
            try:
                outcome = fut.result()
            except Exception as exc:  # the cluster lost the task (KilledWorker, …)
                outcome = failed(job, f"dask task failed: {exc!r}")
            fut.release()
            on_outcome(job, outcome)
    finally:
        if own:
            client.close()
