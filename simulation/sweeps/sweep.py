"""Sweeps: the cross product of policies, seeds and parameter values, run in parallel.

One run with one seed is an anecdote; a sweep runs every (policy, seed, parameters)
combination as an independent job and stores each as an ordinary run tagged with the
sweep id, so every tool that reads runs (``runs list``, the GUI, ``report``) reads sweeps.

Design choices, and why:

* **Workers compute, the parent writes.** A job returns its rows; only the parent
  process touches the database. SQLite then never sees two writers (no "database is
  locked" under load), and Dask workers on other machines need no route to the
  database. Writing overlaps with the workers' computing, so it costs little until the
  writes themselves become the bottleneck (see the benchmark in the README).
* **Resume by identity, not by position.** A job's key is a hash of the policy text
  that ran, the seed, the parameters and the number of days. A re-run of a sweep id
  skips keys already stored as ``complete`` under this code's model version
  (``simulation.model_version``); failed or interrupted ones are replaced, and so are
  complete ones made under an older model version (other rules: never reused, never
  mixed; a note says how many), each deleted only once its replacement is stored
  complete, so an interrupted resume loses nothing. Runs made by a newer Circle Lab (a
  higher version) are never replaced: the sweep is refused and nothing changes. Stored
  runs of the sweep outside this command's plan that were made under another version
  are left out of its result, with a note.
  The default sweep id is a hash of the sweep's definition without its seeds, so the
  same command resumes, and a command with more seeds extends the same sweep.
* **A failing job is a result.** Jobs never raise: the traceback comes back as data,
  is stored as a ``failed`` run, and the other jobs go on.
* **Fork before threads.** Local pools use ``fork`` (fast: the engine is already
  imported) and every job is submitted, so every worker is started, before the
  progress bar starts its refresh thread.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from simulation.model_version import MODEL_VERSION
from simulation.runs.storage import delete_run, open_db
from simulation.runs.urls import mask_url, normalise_url
from simulation.scenario import Scenario
from simulation.sweeps import words as W
from simulation.sweeps.execute import Outcome, Runner, execute, run_dask, run_local
from simulation.sweeps.plan import Job, as_lists, plan
from simulation.sweeps.results import SweepResult, from_outcomes
from simulation.sweeps.store import (
    StoredJob,
    load_sweep,
    save_baseline,
    store,
    stored_baseline,
    stored_keys,
)

__all__ = ["SweepResult", "sweep"]


def newer_runs(existing: dict[str, list[StoredJob]], sweep_id: str) -> None:
    """Refuse a sweep whose stored runs include some made by a newer Circle Lab (a model
    version above ``MODEL_VERSION``): they are neither reused nor replaced by runs of
    older rules. ``ValueError`` naming the sweep, the versions and what to do."""
    newest = max((s.model_version for runs in existing.values() for s in runs), default=0)
    if newest > MODEL_VERSION:
        raise ValueError(
            f"sweep {sweep_id} holds runs made by a newer Circle Lab (model version "
            f"{newest}; this one is version {MODEL_VERSION}): upgrade circlelab, or give "
            "another --sweep-id or database; nothing was changed"
        )


def sweep(
    scenario: Scenario | str | Path = "classroom",
    policies: Sequence[str | Path] = ("none", "crackdown"),
    seeds: str | Iterable[int] = "1-4",
    *,
    sets: dict[str, Any] | None = None,
    policy_sets: dict[str, Any] | None = None,
    days: int | None = None,
    workers: int | None = None,
    dask: Any = None,
    db: str | Path | None = None,
    sweep_id: str | None = None,
    baseline: str | None = None,
    keep: str = "all",
    policy_zip: dict[str, list[Any]] | None = None,
    progress: Callable[[int, int, Job, Outcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    runner: Runner = execute,
    typed: dict[str, str] | None = None,
) -> SweepResult:
    """Run every (policy, seed, parameters) combination; return tidy DataFrames.

    ``sets``/``policy_sets`` map a dotted path to a value or a list of values
    (``{"rules.*.delay_hours": [1, 6, 24]}``). ``workers`` defaults to every core;
    ``dask`` is a scheduler address or a ``distributed.Client``. With ``db`` the runs
    are stored and a re-run of the same sweep id skips those already complete; without
    it everything stays in memory. ``baseline`` (a policy of the sweep, by reference or
    name) is what "avoided" is measured against; stored with the sweep, it holds for
    later commands on the same sweep id that name none (default: a policy without
    rules). ``keep="sample"`` stores less per run (see ``KEEP``).
    ``progress(done, total, job, outcome)`` is called per
    finished job, ``on_start(total)`` once the workers are running. ``runner`` exists for
    tests (a job that fails). ``typed``: each parameter's option as the user typed it,
    for error messages (``simulation.sweeps.plan.typed_options``).
    """
    p = plan(
        scenario,
        policies,
        seeds,
        sets=as_lists(sets),
        policy_sets=as_lists(policy_sets),
        days=days,
        sweep_id=sweep_id,
        baseline=baseline,
        keep=keep,
        policy_zip=as_lists(policy_zip),
        typed=typed,
    )
    engine = None
    # in memory only metrics and a few posts are kept: do not build and ship the rest
    todo = p.jobs if db is not None else [dataclasses.replace(j, keep="sample") for j in p.jobs]
    skipped = 0
    # model version → the ids of its complete runs replaced now: runs, not jobs (a job
    # can hold two stored runs, and two jobs of the plan can be the same work, one run)
    other: dict[int, set[int]] = {}
    # job key → its complete runs of an older model version: deleted once the job's new
    # run is stored complete (an interruption or a failure leaves them as they were)
    replaced: dict[str, list[int]] = {}
    rerun_jobs = 0  # of the jobs to run, those replacing runs of another model version
    if db is not None:
        engine = open_db(db, write=True)
        existing = stored_keys(engine, p.sweep_id)
        newer_runs(existing, p.sweep_id)  # refused before anything is changed
        todo = []
        for job in p.jobs:
            prior = existing.get(job.key, [])
            if any(s.status == "complete" and s.model_version == MODEL_VERSION for s in prior):
                skipped += 1
                continue
            # made under an older model version (other rules): replaced once the new
            # run is complete, never reused; failed or interrupted before: replaced now
            older = [s for s in prior if s.status == "complete"]
            if older:
                rerun_jobs += 1
                for s in older:
                    other.setdefault(s.model_version, set()).add(s.run_id)
                replaced[job.key] = [s.run_id for s in older]
            for s in prior:
                if s.status != "complete":
                    delete_run(engine, s.run_id)
            todo.append(job)
        if baseline is not None and p.baseline is not None:  # kept for its reports
            save_baseline(engine, p.sweep_id, p.baseline)
    memory: list[tuple[Job, Outcome]] = []
    counts = {"done": 0, "failed": 0}

    def on_outcome(job: Job, outcome: Outcome) -> None:
        if engine is not None:
            store(engine, job, outcome)
            if outcome.ok:  # the older version's runs of this job, now replaced
                for run_id in replaced.pop(job.key, []):
                    delete_run(engine, run_id)
        else:
            memory.append((job, outcome))
        counts["done"] += 1
        counts["failed"] += 0 if outcome.ok else 1
        if progress:
            progress(counts["done"], len(todo), job, outcome)

    n_workers = workers or os.cpu_count() or 1
    started = (lambda: on_start(len(todo))) if on_start else None
    if not todo:
        pass
    elif dask is not None:
        run_dask(todo, dask, runner, on_outcome, started)
    else:
        run_local(todo, n_workers, runner, on_outcome, started)
    if engine is not None:
        chosen = stored_baseline(engine, p.sweep_id) or p.baseline  # named now or before
        result = load_sweep(engine, p.sweep_id, baseline=chosen)
        result.db = mask_url(normalise_url(db))  # shown in reports: never the password
    else:
        result = from_outcomes(p.sweep_id, memory, p.baseline)
    result.ran, result.skipped, result.failed = counts["done"], skipped, counts["failed"]
    result.rerun = rerun_jobs
    rerun = [
        W.Note(
            W.NOTE_RERUN if len(ids) != 1 else W.NOTE_RERUN_ONE,
            **({"count": len(ids)} if len(ids) != 1 else {}),
            version=W.version_said(v),
            current=str(MODEL_VERSION),
        )
        for v, ids in sorted(other.items())
    ]
    result.notes = [*p.notes, *rerun, *result.notes]
    return result
