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
  skips keys already stored as ``complete``; failed or interrupted ones are replaced.
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
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from simulation.scenario import Scenario
from simulation.sweeps.variants import (
    PolicySource,
    compile_source,
    has_path,
    is_baseline_text,
    read_policy,
    variant,
)

POLICY_PREFIX = "policy:"  # params_json keys of policy parameters (scenario keys are bare)
SET_PREFIX = "set:"  # columns of scenario parameters in SweepResult.runs
# What a sweep stores per run. "all" is what `simulation.run` stores (the feed view and
# audits work on any run); "sample" keeps the daily metrics, rule statistics, events and
# the SAMPLE_POSTS most-seen posts, and drops feeds and accounts: a demo run shrinks
# from ~7 MB and seconds of writing to a fraction, which is what a 100-run study needs.
KEEP = ("all", "sample")
SAMPLE_POSTS = 200


# ---------------------------------------------------------------- parsing helpers


def parse_seeds(text: str | Iterable[int]) -> list[int]:
    """``"1-20"``, ``"1,3,5"``, ``"1-5,9"`` or a list of ints → sorted unique seeds."""
    if not isinstance(text, str):
        return sorted({int(s) for s in text})
    seeds: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        try:
            if sep and lo:
                a, b = int(lo), int(hi)
                if b < a:
                    raise ValueError(f"seed range '{part}' runs backwards")
                seeds.update(range(a, b + 1))
            else:
                seeds.add(int(part))
        except ValueError as exc:
            if "backwards" in str(exc):
                raise
            raise ValueError(
                f"seeds '{text}': '{part}' is not a seed or a range (expected e.g. 1-20 or 1,3,5)"
            ) from None
    if not seeds:
        raise ValueError(f"no seeds in '{text}'")
    return sorted(seeds)


def _split_values(raw: str) -> list[str]:
    """Split ``a,b,c`` on top-level commas (a YAML list ``[1, 2]`` stays one value)."""
    if raw.strip()[:1] in "[{":
        return [raw]
    return [v for v in raw.split(",") if v.strip()]


def parse_assignments(items: Sequence[str] | None, flag: str) -> dict[str, list[Any]]:
    """``["a.b=1,2", "c=x"]`` → ``{"a.b": [1, 2], "c": ["x"]}``, values read as YAML scalars."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    out: dict[str, list[Any]] = {}
    for item in items or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"{flag} {item!r}: expected KEY=VALUE[,VALUE...]")
        out[key.strip()] = [yaml.load(v) for v in _split_values(raw)]
    return out


def _grid(values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    keys = list(values)
    return [dict(zip(keys, combo, strict=True)) for combo in itertools.product(*values.values())]


def _zip(values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    lengths = {len(v) for v in values.values()}
    if len(lengths) > 1:
        raise ValueError(f"zipped parameters need lists of one length, not {sorted(lengths)}")
    keys = list(values)
    return [dict(zip(keys, combo, strict=True)) for combo in zip(*values.values(), strict=True)]


def canonical(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, default=str)


def job_key(policy_text: str, seed: int, params_json: str, days: int) -> str:
    """The identity a resumed sweep recognises a stored run by."""
    h = hashlib.sha1()
    for part in (policy_text, str(seed), params_json, str(days)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:20]


# ---------------------------------------------------------------- jobs


@dataclass(frozen=True)
class Job:
    """One run of a sweep: everything a worker needs, picklable, no database."""

    key: str
    sweep_id: str
    scenario: Scenario
    scenario_text: str
    policy: PolicySource
    policy_name: str
    seed: int
    days: int
    scenario_changes: dict[str, Any]
    policy_changes: dict[str, Any]
    params_json: str
    keep: str = "all"  # "all": what `simulation.run` stores; "sample": see KEEP


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
    wall_seconds: float = 0.0
    days_done: int = 0


@functools.cache
def _code_version() -> str:
    from simulation.runs.run import code_version

    return code_version()


def execute(job: Job) -> Outcome:
    """Run one job in a worker. Never raises: a failure comes back as an Outcome."""
    from simulation.runs.result import account_rows, metrics_long, post_rows
    from simulation.runs.run import run

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
            wall_seconds=time.perf_counter() - started,
            days_done=sim.day,
        )
    except Exception as exc:
        return failed(job, "".join(traceback.format_exception(exc)), started)


def failed(job: Job, error: str, started: float | None = None) -> Outcome:
    wall = time.perf_counter() - started if started is not None else 0.0
    return Outcome(job.key, False, error=error, code_version=_code_version(), wall_seconds=wall)


@dataclass
class Plan:
    """The jobs of a sweep, and what the user should know about how it was expanded."""

    sweep_id: str
    jobs: list[Job]
    notes: list[str]
    policy_names: dict[str, str]  # policy ref → name
    baseline: str | None  # policy name of the counterfactual, when in the sweep


def plan(
    scenario: Scenario | str | Path,
    policies: Sequence[str | Path],
    seeds: str | Iterable[int],
    *,
    sets: dict[str, list[Any]] | None = None,
    policy_sets: dict[str, list[Any]] | None = None,
    days: int | None = None,
    sweep_id: str | None = None,
    baseline: str | None = None,
    keep: str = "all",
    policy_zip: dict[str, list[Any]] | None = None,
) -> Plan:
    """Expand a sweep into jobs, validating every scenario and policy variant up front.

    Scenario parameters (``sets``) apply to every policy. A policy parameter
    (``policy_sets``) applies only to the policies that have that path, so a ``none``
    baseline stays one arm in a sweep over the crackdown's takedown delay.
    ``policy_zip`` lists move together instead of crossing: each index is one variant,
    e.g. a classifier threshold as (recall, false-positive rate) points of one ROC curve.
    """
    from simulation.runs.run import resolve_scenario

    if keep not in KEEP:
        raise ValueError(f"keep must be one of {KEEP}, not {keep!r}")
    scen, scen_text = resolve_scenario(scenario)
    n_days = int(days) if days is not None else scen.days
    seed_list = parse_seeds(seeds)
    sets, policy_sets = dict(sets or {}), dict(policy_sets or {})
    scen_grid = _grid(sets)
    for changes in scen_grid:
        if changes:
            scen.with_changes(changes)  # raises KeyError / ValidationError with the field
    notes: list[str] = []
    sources: list[tuple[PolicySource, dict[str, Any], str]] = []
    names: dict[str, str] = {}
    zipped = _zip(policy_zip or {})
    for ref in policies:
        base = read_policy(ref)
        own = {k: v for k, v in policy_sets.items() if has_path(base.text, k)}
        for k in policy_sets.keys() - own.keys():
            notes.append(f"policy '{ref}' has no '{k}': it runs without that parameter")
        has_zip = bool(zipped) and all(has_path(base.text, k) for k in zipped[0])
        if zipped and not has_zip:
            notes.append(f"policy '{ref}' lacks a zipped path: it runs without them")
        for crossed, together in itertools.product(_grid(own), zipped if has_zip else [{}]):
            changes = {**crossed, **together}
            src = variant(base, changes)
            compiled = compile_source(src)
            names[str(ref)] = compiled.name
            sources.append((src, changes, compiled.name))
    used = {k for _s, changes, _n in sources for k in changes}
    unused = [k for k in [*policy_sets, *(policy_zip or {})] if k not in used]
    if unused:
        raise KeyError(f"no policy in the sweep has {', '.join(repr(k) for k in unused)}")
    by_name: dict[str, set[str]] = {}
    for src, _c, name in sources:
        by_name.setdefault(name, set()).add(src.ref)
    clash = {n: r for n, r in by_name.items() if len(r) > 1}
    if clash:
        raise ValueError(f"two policies share a name, their results would mix: {clash}")
    if sweep_id is None:
        ident = canonical(
            {
                "scenario": scen_text,
                "policies": [s.text for s, _c, _n in sources],
                "sets": sets,
                "days": n_days,
            }
        )
        sweep_id = "sw-" + hashlib.sha1(ident.encode()).hexdigest()[:10]
    jobs = []
    for (src, pchanges, name), schanges, seed in itertools.product(sources, scen_grid, seed_list):
        params = {**schanges, **{POLICY_PREFIX + k: v for k, v in pchanges.items()}}
        pj = canonical(params)
        jobs.append(
            Job(
                job_key(src.text, seed, pj, n_days),
                sweep_id,
                scen,
                scen_text,
                src,
                name,
                seed,
                n_days,
                schanges,
                pchanges,
                pj,
                keep,
            )
        )
    base_name = names.get(str(baseline)) if baseline else None
    if baseline and base_name is None:
        raise ValueError(f"--baseline {baseline!r} is not one of the sweep's policies")
    if base_name is None:
        base_name = next((n for s, _c, n in sources if is_baseline_text(s.text)), None)
    return Plan(sweep_id, jobs, notes, names, base_name)


# ---------------------------------------------------------------- storage


def stored_keys(engine, sweep_id: str) -> dict[str, list[tuple[int, str]]]:
    """Key → [(run id, status)] of the runs already stored under this sweep id."""
    from sqlmodel import Session, select

    from simulation.runs.storage import Run

    with Session(engine) as session:
        rows = session.exec(
            select(
                Run.id, Run.policy_text, Run.seed, Run.params_json, Run.days_requested, Run.status
            ).where(Run.sweep_id == sweep_id)
        ).all()
    out: dict[str, list[tuple[int, str]]] = {}
    for rid, text, seed, pj, days, status in rows:
        out.setdefault(job_key(text, seed, pj, days), []).append((rid, status))
    return out


def store(engine, job: Job, outcome: Outcome) -> int:
    """Write one outcome as a run (complete, or failed with its error); returns its id."""
    from simulation.runs.storage import RunWriter

    writer = RunWriter(
        engine,
        name=f"{job.sweep_id}: {job.policy_name} seed {job.seed}",
        scenario_name=job.scenario.name,
        scenario_yaml=job.scenario_text,
        policy_name=job.policy_name,
        policy_text=job.policy.text,
        seed=job.seed,
        days_requested=job.days,
        code_version=outcome.code_version,
        locale=job.scenario.locale,
        params_json=job.params_json,
        sweep_id=job.sweep_id,
        categories=",".join(outcome.categories),
    )
    if outcome.ok:
        r = outcome.rows
        writer.complete(
            days_done=outcome.days_done,
            wall_seconds=outcome.wall_seconds,
            summary=outcome.summary,
            metrics=r["metrics"],
            rules=r["rules"],
            posts=r["posts"],
            feed=r["feed"],
            events=r["events"],
            accounts=r["accounts"],
        )
    else:
        writer.fail("failed", outcome.error, outcome.days_done)
    return writer.run_id


# ---------------------------------------------------------------- executors

Runner = Callable[[Job], Outcome]
OnOutcome = Callable[[Job, Outcome], None]


def _quiet_worker() -> None:
    """Workers ignore Ctrl-C: the parent decides what an interruption means."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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


# ---------------------------------------------------------------- the API


@dataclass
class SweepResult:
    """A finished (or partly failed) sweep, as tidy DataFrames.

    ``runs``: one row per run (policy, arm, params, seed, status, summary numbers).
    ``metrics``: one row per run and day, one column per metric (wide).
    ``daily``: the same, long: run_id, arm, policy, seed, day, metric, value.
    """

    sweep_id: str
    runs: pd.DataFrame
    metrics: pd.DataFrame
    baseline: str | None = None
    db: str | None = None
    ran: int = 0
    skipped: int = 0
    failed: int = 0
    notes: list[str] = field(default_factory=list)
    posts: pd.DataFrame | None = None
    texts: dict[str, str] = field(default_factory=dict)  # arm → policy text
    scenario_text: str = ""

    @property
    def daily(self) -> pd.DataFrame:
        from simulation.sweeps.aggregate import tidy

        return tidy(self.runs, self.metrics)

    def bands(self, level: float = 0.95, method: str = "t") -> pd.DataFrame:
        """Per arm, per day, per metric: mean and a ``level`` confidence band across seeds."""
        from simulation.sweeps.aggregate import daily_bands

        return daily_bands(self.runs, self.metrics, level=level, method=method)

    def headline(self, level: float = 0.95) -> pd.DataFrame:
        """Per arm: the headline numbers with their confidence bands."""
        from simulation.sweeps.aggregate import headline, run_headlines

        return headline(run_headlines(self.runs, self.metrics, self.baseline), level=level)

    def compare(self, a: str, b: str, level: float = 0.95) -> pd.DataFrame:
        """Arm ``a`` against arm ``b`` on every headline measure, paired by seed."""
        from simulation.sweeps.aggregate import compare_arms, run_headlines

        return compare_arms(run_headlines(self.runs, self.metrics, self.baseline), a, b, level)


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
) -> SweepResult:
    """Run every (policy, seed, parameters) combination; return tidy DataFrames.

    ``sets``/``policy_sets`` map a dotted path to a value or a list of values
    (``{"rules.*.delay_hours": [1, 6, 24]}``). ``workers`` defaults to every core;
    ``dask`` is a scheduler address or a ``distributed.Client``. With ``db`` the runs
    are stored and a re-run of the same sweep id skips those already complete; without
    it everything stays in memory. ``keep="sample"`` stores less per run (see ``KEEP``).
    ``progress(done, total, job, outcome)`` is called per
    finished job, ``on_start(total)`` once the workers are running. ``runner`` exists for
    tests (a job that fails).
    """
    p = plan(
        scenario,
        policies,
        seeds,
        sets=_as_lists(sets),
        policy_sets=_as_lists(policy_sets),
        days=days,
        sweep_id=sweep_id,
        baseline=baseline,
        keep=keep,
        policy_zip=_as_lists(policy_zip),
    )
    engine = None
    # in memory only metrics and a few posts are kept: do not build and ship the rest
    todo = p.jobs if db is not None else [dataclasses.replace(j, keep="sample") for j in p.jobs]
    skipped = 0
    if db is not None:
        from simulation.runs.storage import delete_run, open_db

        engine = open_db(db)
        existing = stored_keys(engine, p.sweep_id)
        todo = []
        for job in p.jobs:
            prior = existing.get(job.key, [])
            if any(status == "complete" for _rid, status in prior):
                skipped += 1
                continue
            for rid, _status in prior:  # failed or interrupted before: replaced now
                delete_run(engine, rid)
            todo.append(job)
    memory: list[tuple[Job, Outcome]] = []
    counts = {"done": 0, "failed": 0}

    def on_outcome(job: Job, outcome: Outcome) -> None:
        if engine is not None:
            store(engine, job, outcome)
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
        from simulation.runs.storage import normalise_url

        result = load_sweep(engine, p.sweep_id, baseline=p.baseline)
        result.db = normalise_url(db)
    else:
        result = from_outcomes(p.sweep_id, memory, p.baseline)
    result.ran, result.skipped, result.failed = counts["done"], skipped, counts["failed"]
    result.notes = p.notes
    return result


def _as_lists(values: dict[str, Any] | None) -> dict[str, list[Any]]:
    return {
        k: list(v) if isinstance(v, list | tuple | range) else [v]
        for k, v in (values or {}).items()
    }


# ---------------------------------------------------------------- reading sweeps back


def _params_columns(params_json: str) -> tuple[dict[str, Any], dict[str, Any]]:
    params = json.loads(params_json or "{}")
    scen = {k: v for k, v in params.items() if not k.startswith(POLICY_PREFIX)}
    pol = {k[len(POLICY_PREFIX) :]: v for k, v in params.items() if k.startswith(POLICY_PREFIX)}
    return scen, pol


def _label(params: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(params.items()))


def run_record(**r: Any) -> dict[str, Any]:
    """One row of ``SweepResult.runs`` from a stored run's fields (or an outcome's)."""
    scen, pol = _params_columns(r.get("params_json", "{}"))
    arm = (
        r["policy"] + (f" [{_label(pol)}]" if pol else "") + (f" ({_label(scen)})" if scen else "")
    )
    summary = r.pop("summary", {}) or {}
    rec = {
        "run_id": r.get("run_id"),
        "sweep_id": r.get("sweep_id"),
        "status": r.get("status", "complete"),
        "arm": arm,
        "policy": r["policy"],
        "policy_params": _label(pol),
        "scenario_params": _label(scen),
        "seed": int(r["seed"]),
        "days": int(r.get("days", 0)),
        "is_baseline": is_baseline_text(r.get("policy_text", "")),
        "policy_start": _policy_start(r.get("policy_text", "")),
        "accounts_start": summary.get("accounts_start"),
        "code_version": r.get("code_version", ""),
        "scenario": r.get("scenario", ""),
        "error": r.get("error", ""),
        "wall_seconds": r.get("wall_seconds", 0.0),
    }
    for k, v in pol.items():
        rec[POLICY_PREFIX + k] = v
    for k, v in scen.items():
        rec[SET_PREFIX + k] = v
    for k, v in summary.items():
        rec.setdefault(f"summary.{k}", v)
    return rec


@functools.lru_cache(maxsize=256)
def _policy_start(text: str) -> int:
    """The first day any rule is in force (start_day, or the first scheduled phase)."""
    from ruamel.yaml import YAML

    try:
        data = YAML(typ="safe").load(text) or {}
    except Exception:
        return 0
    if not isinstance(data, dict):
        return 0
    phases = [ph for ph in data.get("schedule") or [] if isinstance(ph, dict)]
    if not phases:
        return int(data.get("start_day") or 0)
    on = [int(ph.get("from_day", 0)) for ph in phases if ph.get("rules", "all") != "none"]
    return min(on) if on else 0


def _finish(
    sweep_id: str,
    records: list[dict[str, Any]],
    metrics: list[pd.DataFrame],
    baseline: str | None,
    posts: pd.DataFrame | None,
    texts: dict[str, str],
    scenario_text: str,
) -> SweepResult:
    runs = pd.DataFrame(records)
    if len(runs):  # baseline first, then policies, parameter values in numeric order, seeds
        params = [c for c in runs.columns if c.startswith((POLICY_PREFIX, SET_PREFIX))]
        runs = runs.assign(_nb=~runs["is_baseline"]).sort_values(
            ["_nb", "policy", *params, "seed", "run_id"], na_position="first", kind="stable"
        )
        runs = runs.drop(columns="_nb").reset_index(drop=True)
    wide = pd.concat(metrics, ignore_index=True) if metrics else pd.DataFrame(columns=["run_id"])
    if baseline is None and len(runs) and runs["is_baseline"].any():
        baseline = str(runs.loc[runs["is_baseline"], "policy"].iloc[0])
    return SweepResult(
        sweep_id, runs, wide, baseline, posts=posts, texts=texts, scenario_text=scenario_text
    )


def from_outcomes(
    sweep_id: str, pairs: list[tuple[Job, Outcome]], baseline: str | None
) -> SweepResult:
    """A result kept in memory (a sweep without a database)."""
    records, metrics, texts, post_frames = [], [], {}, []
    for i, (job, out) in enumerate(sorted(pairs, key=lambda p: (p[0].policy_name, p[0].seed))):
        rec = run_record(
            run_id=-(i + 1),
            sweep_id=sweep_id,
            status="complete" if out.ok else "failed",
            policy=job.policy_name,
            policy_text=job.policy.text,
            params_json=job.params_json,
            seed=job.seed,
            days=job.days,
            summary=out.summary,
            code_version=out.code_version,
            scenario=job.scenario.name,
            error=out.error,
            wall_seconds=out.wall_seconds,
        )
        records.append(rec)
        texts.setdefault(rec["arm"], job.policy.text)
        if out.ok and out.metrics is not None:
            metrics.append(out.metrics.assign(run_id=rec["run_id"]))
            if rec["arm"] not in {f["arm"].iat[0] for f in post_frames}:
                post_frames.append(_sample_posts(pd.DataFrame(out.rows["posts"]), rec))
    posts = pd.concat(post_frames, ignore_index=True) if post_frames else None
    text = pairs[0][0].scenario_text if pairs else ""
    return _finish(sweep_id, records, metrics, baseline, posts, texts, text)


def _sample_posts(posts: pd.DataFrame, rec: dict[str, Any], n: int = 12) -> pd.DataFrame:
    """A few posts of a run for the report: the violating ones first (kind 2 spam, 3 offer)."""
    if posts.empty:
        return posts.assign(arm=[])
    order = posts.assign(_v=posts["kind"].isin([2, 3])).sort_values(
        ["_v", "views"], ascending=[False, False], kind="stable"
    )
    cols = [
        c for c in ("day", "kind", "text", "views", "removed_at_hours", "author_name") if c in posts
    ]
    return order[cols].head(n).assign(arm=rec["arm"], seed=rec["seed"], run_id=rec["run_id"])


def load_runs(
    engine, run_ids: Sequence[int], sweep_id: str = "", baseline: str | None = None
) -> SweepResult:
    """Stored runs (any set: one run, a sweep, two sweeps) as a SweepResult."""
    from sqlmodel import Session, select

    from simulation.runs.storage import PostSample, Run, load_metrics, load_table

    with Session(engine) as session:
        runs = list(session.exec(select(Run).where(Run.id.in_(list(run_ids)))).all())
    if not runs:
        raise KeyError(f"no runs {list(run_ids)[:5]} in this database")
    records, metrics, texts, post_frames = [], [], {}, []
    for run in sorted(runs, key=lambda r: r.id):
        rec = run_record(
            run_id=run.id,
            sweep_id=run.sweep_id,
            status=run.status,
            policy=run.policy_name,
            policy_text=run.policy_text,
            params_json=run.params_json,
            seed=run.seed,
            days=run.days_requested,
            summary=json.loads(run.summary_json or "{}"),
            code_version=run.code_version,
            scenario=run.scenario_name,
            error=run.error,
            wall_seconds=run.wall_seconds,
        )
        records.append(rec)
        texts.setdefault(rec["arm"], run.policy_text)
        if run.status == "complete":
            metrics.append(load_metrics(engine, run.id).assign(run_id=run.id))
            if not any(f["arm"].iat[0] == rec["arm"] for f in post_frames if len(f)):
                posts = load_table(engine, PostSample, run.id)
                post_frames.append(_sample_posts(posts, rec))
    posts = pd.concat(post_frames, ignore_index=True) if post_frames else None
    return _finish(
        sweep_id or (runs[0].sweep_id or f"run-{runs[0].id}"),
        records,
        metrics,
        baseline,
        posts,
        texts,
        runs[0].scenario_yaml,
    )


def load_sweep(engine, sweep_id: str, baseline: str | None = None) -> SweepResult:
    """Every run stored under a sweep id."""
    from sqlmodel import Session, select

    from simulation.runs.storage import Run

    with Session(engine) as session:
        ids = list(session.exec(select(Run.id).where(Run.sweep_id == sweep_id)).all())
    if not ids:
        raise KeyError(f"no sweep '{sweep_id}' in this database")
    return load_runs(engine, ids, sweep_id, baseline)


def load_any(engine, ref: str) -> SweepResult:
    """``12`` or ``run:12`` → that run; anything else (``sw-…``, ``sweep:x``) → a sweep id."""
    ref = str(ref)
    if ref.startswith("run:"):
        return load_runs(engine, [int(ref[4:])])
    if ref.startswith("sweep:"):
        return load_sweep(engine, ref[6:])
    if ref.isdigit():
        try:
            return load_sweep(engine, ref)
        except KeyError:
            return load_runs(engine, [int(ref)])
    return load_sweep(engine, ref)
